import * as z from 'zod';
import { REPORT_STATUSES } from '../../oversight';
import { PURPOSES } from '../../purposes';
import { RATING_LEVELS } from '../../rating';
import { REASON_CODES, type ReasonCode } from '../../reasons';
import { chainCheckStatus } from './audit';
import { isoDateTime, timestamp, uuid } from './common';

const count = () => z.number().int();
const levelCounts = Object.fromEntries(RATING_LEVELS.map((level) => [level, count()])) as Record<
  (typeof RATING_LEVELS)[number],
  ReturnType<typeof count>
>;

/** GET /desk/summary */
export const deskSummaryQuery = z.strictObject({
  from: isoDateTime()
    .optional()
    .meta({ description: 'from (ISO 8601, inclusive); default 12 weeks before now' }),
  to: isoDateTime().optional().meta({ description: 'to (ISO 8601, exclusive); default now' }),
  unitId: uuid()
    .optional()
    .meta({ description: 'a unit of the jurisdiction: that unit and the units below' }),
});

/** What the supervisor's desk draws. */
export const deskSummary = z.object({
  from: timestamp(),
  to: timestamp(),
  visitsPerWeek: z
    .array(z.object({ weekStart: z.string(), purpose: z.enum(PURPOSES), count: count() }))
    .meta({ description: 'ISO week starts (Monday, bureau time) × purpose' }),
  refusalsByRule: z.array(
    z.object({ code: z.enum(REASON_CODES as [ReasonCode, ...ReasonCode[]]), count: count() }),
  ),
  positiveListVisits: z
    .array(
      z.object({
        purpose: z.enum(PURPOSES),
        allowedPurpose: z.boolean(),
        attempts: count(),
        entered: count(),
      }),
    )
    .meta({
      description:
        'visits and refused attempts at firms on the positive list that day, per purpose',
    }),
  repeatVisits: z
    .array(
      z.object({ enterpriseId: uuid(), enterpriseName: z.string().nullable(), visits: count() }),
    )
    .meta({ description: 'firms visited more than once in the period (entered visits)' }),
  ratingsByUnit: z.array(
    z.object({ unitId: uuid(), unitName: z.string().nullable(), ...levelCounts }),
  ),
  ratingsByOfficer: z.array(
    z.object({
      officerId: uuid(),
      name: z.string(),
      badgeNumber: z.string().nullable(),
      ...levelCounts,
    }),
  ),
  followUps: z.object({ open: count(), overdue: count(), closed: count() }),
  reports: z.object(
    Object.fromEntries(REPORT_STATUSES.map((status) => [status, count()])) as Record<
      (typeof REPORT_STATUSES)[number],
      ReturnType<typeof count>
    >,
  ),
  spotCheck: z
    .object({ month: z.string(), ratings: count(), sampled: count(), verified: count() })
    .nullable(),
  chain: chainCheckStatus,
});
