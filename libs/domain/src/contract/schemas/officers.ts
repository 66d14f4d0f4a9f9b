import * as z from 'zod';
import { FIELD_LIMITS } from '../../limits';
import { timestamp, uuid } from './common';

/** An officer as the co-officer picker and the desk list them. */
export const officerView = z
  .object({
    id: uuid(),
    name: z.string(),
    badgeNumber: z.string().nullable(),
    unitId: uuid().nullable(),
    unitName: z.string().nullable(),
    active: z.boolean(),
  })
  .meta({ id: 'Officer' });

/** GET /officers/me/badge-code: 电子执法证, a signed code valid two minutes. */
export const badgeCodeResponse = z.object({ code: z.string(), expiresAt: timestamp() });

/** POST /badge-codes/verify */
export const verifyBadgeRequest = z.strictObject({
  code: z
    .string()
    .min(1)
    .max(FIELD_LIMITS.badgeCodeText)
    .meta({ description: 'the scanned text of an officer’s badge code' }),
});

export const badgeVerification = z.object({
  valid: z.boolean(),
  onDuty: z
    .boolean()
    .meta({ description: 'valid signature and time, and the account is active today' }),
  officer: z
    .object({ id: uuid(), name: z.string(), badgeNumber: z.string(), unitName: z.string() })
    .nullable(),
  message: z.string(),
});

/** A notification of the caller (GET /notifications), e.g. OFFICER_AT_GATE for a firm's users. */
export const notificationView = z
  .object({
    id: uuid(),
    userId: uuid(),
    kind: z.string().meta({ example: 'OFFICER_AT_GATE' }),
    payload: z.record(z.string(), z.unknown()),
    createdAt: timestamp(),
    readAt: timestamp().nullable(),
  })
  .meta({ id: 'Notification' });

export const notificationIdParams = z.strictObject({ id: uuid() });

/** GET /offline/snapshot: a signed envelope (kind qs1) of the OfflineSnapshot. */
export const offlineSnapshotResponse = z.object({
  snapshot: z.string().meta({ description: 'the signed envelope (see signed-envelope.ts)' }),
  issuedAt: timestamp(),
});
