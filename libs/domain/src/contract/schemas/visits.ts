import * as z from 'zod';
import { FIELD_LIMITS } from '../../limits';
import { PURPOSES } from '../../purposes';
import { REASON_CODES } from '../../reasons';
import { CHECK_IN_OUTCOMES, FINDINGS } from '../../visit';
import { cursorPage, isoDateTime, pageQuery, timestamp, uuid } from './common';

/** A reason of a decision: the rule's code, the sentence an officer reads, and details. */
export const decisionReason = z
  .object({
    code: z.enum(REASON_CODES),
    message: z.string(),
    detail: z.string().optional().meta({
      description:
        'e.g. why a code is invalid (MALFORMED, UNKNOWN_KEY, BAD_SIGNATURE, UNKNOWN_CODE) or a task does not fit',
    }),
    conflictsWith: z
      .array(z.string())
      .optional()
      .meta({ description: 'LATE_SYNC_CONFLICT: the ids of the later visits it conflicts with' }),
  })
  .meta({ id: 'DecisionReason' });

/** What the rules said of a check-in, under which policy version. */
export const decisionView = z
  .object({
    outcome: z.enum(CHECK_IN_OUTCOMES),
    reasons: z.array(decisionReason).meta({ description: 'refusing reasons first, then flags' }),
    policyVersion: z.number().int(),
  })
  .meta({ id: 'Decision' });

export const visitOfficerView = z.object({
  id: uuid(),
  name: z.string(),
  badgeNumber: z.string().nullable(),
  unitId: uuid().nullable(),
  unitName: z.string().nullable(),
  isLead: z.boolean(),
});

/** A visit or a refused attempt. */
export const visitView = z
  .object({
    id: uuid(),
    clientId: uuid(),
    enterpriseId: uuid().nullable(),
    enterpriseName: z.string().nullable(),
    gateId: uuid().nullable(),
    gateName: z.string().nullable(),
    unitId: uuid(),
    purpose: z.enum(PURPOSES),
    reference: z.string().nullable(),
    officers: z.array(visitOfficerView).meta({ description: 'the lead officer first' }),
    decision: decisionView,
    location: z
      .object({ lat: z.number(), lng: z.number(), accuracy: z.number().nullable() })
      .nullable(),
    clientTime: timestamp(),
    receivedAt: timestamp(),
    checkedInAt: timestamp(),
    checkedOutAt: timestamp().nullable(),
    findings: z.enum(FINDINGS).nullable(),
    notes: z.string().nullable(),
    rectifyBy: z.string().nullable().meta({ description: 'YYYY-MM-DD' }),
    autoClosed: z.boolean(),
  })
  .meta({ id: 'Visit' });

export const visitIdParams = z.strictObject({ id: uuid() });

/** The filters of GET /visits (and of the visit exports). */
export const visitFilters = z.strictObject({
  enterpriseId: uuid().optional(),
  officerId: uuid().optional(),
  unitId: uuid().optional(),
  purpose: z.enum(PURPOSES).optional(),
  outcome: z.enum(CHECK_IN_OUTCOMES).optional(),
  flag: z.enum(REASON_CODES).optional().meta({ description: 'visits carrying this reason code' }),
  from: isoDateTime().optional().meta({ description: 'checked in at or after (ISO 8601)' }),
  to: isoDateTime().optional().meta({ description: 'checked in before (ISO 8601)' }),
});

/** GET /visits: the filters and the keyset page. */
export const listVisitsQuery = visitFilters.extend({
  ...pageQuery,
});

export const visitPage = cursorPage(visitView).meta({ id: 'VisitPage' });

export const auditTrailEntry = z
  .object({
    seq: z.string().meta({ description: 'the entry’s place in the chain (a bigint, as text)' }),
    at: timestamp(),
    actorId: uuid().nullable(),
    action: z.string().meta({ example: 'CHECK_IN' }),
    data: z.record(z.string(), z.unknown()),
    hash: z.string(),
  })
  .meta({ id: 'AuditTrailEntry' });

const RECTIFY_BY_MESSAGE = '整改期限（rectifyBy）应为真实的日期，如 2026-12-31';

/** POST /visits/:id/check-out */
export const checkOutRequest = z
  .strictObject({
    findings: z.enum(FINDINGS).meta({
      description: '未发现问题 / 责令整改 / 立案查处 / 轻微违法免罚 / 服务指导',
    }),
    notes: z.string().max(FIELD_LIMITS.checkOutNotes).optional(),
    rectifyBy: z.iso
      .date({ error: RECTIFY_BY_MESSAGE })
      .optional()
      .meta({ description: 'deadline of the ordered rectification; required for RECTIFY_ORDERED' }),
  })
  .superRefine((body, ctx) => {
    if (body.findings === 'RECTIFY_ORDERED' && body.rectifyBy === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['rectifyBy'],
        message: RECTIFY_BY_MESSAGE,
      });
    }
  })
  .meta({
    example: { findings: 'RECTIFY_ORDERED', notes: '废气排放口未标识', rectifyBy: '2026-12-31' },
  });
