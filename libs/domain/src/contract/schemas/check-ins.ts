import * as z from 'zod';
import { CREDIT_GRADES } from '../../enterprise';
import { FIELD_LIMITS } from '../../limits';
import { PURPOSES } from '../../purposes';
import { CHECK_IN_OUTCOMES } from '../../visit';
import { uuid, zonedDateTime } from './common';
import { decisionReason, decisionView, visitView } from './visits';

export const location = z.strictObject({
  lat: z.number().min(-90).max(90).meta({ example: 34.8528 }),
  lng: z.number().min(-180).max(180).meta({ example: 113.6305 }),
  accuracy: z
    .number()
    .min(0)
    .max(FIELD_LIMITS.locationAccuracyM)
    .meta({ description: 'metres', example: 15 }),
});

const clientTime = zonedDateTime().meta({
  description: 'when the officer scanned, ISO 8601 with a zone',
  example: '2026-11-22T09:30:00+08:00',
});

/** POST /check-ins: 先扫码、后入企. */
export const checkInRequest = z.strictObject({
  clientId: uuid().meta({ description: 'UUID made by the phone: the idempotency key' }),
  code: z
    .string()
    .min(1)
    .max(FIELD_LIMITS.gateCodeText)
    .meta({ description: 'the scanned text of the gate code (its URL or the bare token)' }),
  purpose: z.enum(PURPOSES),
  reference: z
    .string()
    .max(FIELD_LIMITS.visitReference)
    .nullish()
    .meta({ description: 'the task, complaint number, case … the purpose needs' }),
  coOfficerIds: z
    .array(uuid())
    .max(FIELD_LIMITS.coOfficers)
    .optional()
    .meta({ description: 'user ids of the co-officers' }),
  location: location.nullish(),
  clientTime,
});

/**
 * POST /check-ins/preview: the facts of a scan without a purpose (nothing is recorded): the
 * check-in's own fields and rules, with the scan time optional (default: now).
 */
export const checkInPreviewRequest = checkInRequest
  .pick({ code: true, reference: true, coOfficerIds: true, location: true })
  .extend({ clientTime: clientTime.optional() });

/** 201 from POST /check-ins */
export const checkInAccepted = z.object({ visit: visitView, decision: decisionView });

/** What submitting each purpose now would give (200 from POST /check-ins/preview). */
export const checkInPreview = z
  .object({
    enterprise: z
      .object({
        id: uuid(),
        name: z.string(),
        onPositiveList: z.boolean(),
        creditGrade: z.enum(CREDIT_GRADES),
      })
      .nullable()
      .meta({
        description: 'the firm the code names; null when the code is not a valid gate code',
      }),
    gate: z.object({ id: uuid(), name: z.string() }).nullable(),
    policyVersion: z.number().int(),
    decisions: z
      .record(
        z.enum(PURPOSES),
        z.object({ outcome: z.enum(CHECK_IN_OUTCOMES), reasons: z.array(decisionReason) }),
      )
      .meta({ description: 'per purpose, the outcome and every reason (refusing first)' }),
    evaluatedAt: z
      .string()
      .meta({ description: 'when the rules were applied (server time, or the phone’s offline)' }),
  })
  .meta({ id: 'CheckInPreview' });

/** The details of 409 CHECK_IN_REFUSED from POST /check-ins (the attempt is recorded). */
export const checkInRefusedDetails = z.object({
  reasons: z.array(decisionReason),
  attemptId: uuid(),
  decision: decisionView,
});
