import * as z from 'zod';

/** GET /api/health: the API is up and reaches its database. */
export const healthReport = z.object({
  status: z.literal('ok'),
  database: z.literal('up'),
  version: z.string(),
});
