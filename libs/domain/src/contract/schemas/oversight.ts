import * as z from 'zod';
import {
  FOLLOW_UP_CONTACT_METHODS,
  FOLLOW_UP_FINDINGS,
  FOLLOW_UP_STATUSES,
  OVERSIGHT_NOTE_MAX,
  SPOT_CHECK_RESULTS,
} from '../../oversight';
import { RATING_LEVELS } from '../../rating';
import { calendarMonth, timestamp, uuid } from './common';

const person = z.object({ id: uuid(), name: z.string() });
const note = (required: string, tooLong: string) =>
  z
    .string()
    .trim()
    .min(1, { error: required })
    .max(OVERSIGHT_NOTE_MAX, { error: `${tooLong}不超过 ${OVERSIGHT_NOTE_MAX} 字` });

// ——— 回访核实: follow-up cases of a 差 ———

export const followUpContactView = z.object({
  at: timestamp(),
  method: z.enum(FOLLOW_UP_CONTACT_METHODS),
  note: z.string(),
  by: person,
});

export const followUpCaseView = z
  .object({
    id: uuid(),
    ratingId: uuid(),
    visitId: uuid(),
    enterpriseId: uuid(),
    enterpriseName: z.string().nullable(),
    unitId: uuid(),
    unitName: z.string().nullable(),
    officers: z.array(
      z.object({ id: uuid(), name: z.string(), badgeNumber: z.string().nullable() }),
    ),
    overall: z.enum(RATING_LEVELS),
    poorItems: z
      .array(z.number().int())
      .meta({ description: 'the items marked 差, as indexes into RATING_ITEMS' }),
    comment: z.string(),
    status: z.enum(FOLLOW_UP_STATUSES),
    openedAt: timestamp(),
    dueAt: timestamp(),
    overdue: z.boolean().meta({ description: 'open and past its due time' }),
    contacts: z.array(followUpContactView),
    finding: z.enum(FOLLOW_UP_FINDINGS).nullable(),
    resolution: z.string().nullable(),
    closedAt: timestamp().nullable(),
    closedBy: person.nullable(),
  })
  .meta({ id: 'FollowUpCase' });

export const followUpIdParams = z.strictObject({ id: uuid() });

/** GET /follow-ups */
export const listFollowUpsQuery = z.strictObject({
  status: z.enum(FOLLOW_UP_STATUSES).optional(),
  overdue: z
    .enum(['true', 'false'])
    .transform((value) => value === 'true')
    .optional()
    .meta({ description: 'only open cases past their due time' }),
});

/** POST /follow-ups/:id/contacts */
export const followUpContactRequest = z.strictObject({
  method: z.enum(FOLLOW_UP_CONTACT_METHODS, { error: '请选择回访方式' }),
  note: note('请填写回访情况', '回访情况'),
});

/** POST /follow-ups/:id/close (needs a contact recorded first) */
export const followUpCloseRequest = z.strictObject({
  finding: z.enum(FOLLOW_UP_FINDINGS, { error: '请选择核实结论' }),
  resolution: note('请填写处理结果', '处理结果'),
});

// ——— 抽查: spot checks of ratings by phone ———

export const spotCheckItemView = z.object({
  ratingId: uuid(),
  rank: z.number().int(),
  visitId: uuid(),
  enterpriseName: z.string().nullable(),
  contactName: z
    .string()
    .meta({ description: 'whom to call: the firm user who signed the rating' }),
  contactPhone: z.string().nullable(),
  overall: z.enum(RATING_LEVELS),
  submittedAt: timestamp(),
  result: z.enum(SPOT_CHECK_RESULTS).nullable(),
  note: z.string().nullable(),
  verifiedAt: timestamp().nullable(),
  verifiedBy: person.nullable(),
});

/**
 * A spot check (抽查): the seed is published with the rating ids drawn from, so anyone can re-draw
 * the sample with seededSample(poolRatingIds, seed, sampleSize).
 */
export const spotCheckView = z
  .object({
    id: uuid(),
    month: z.string().meta({ example: '2026-11' }),
    unitId: uuid().meta({ description: 'the jurisdiction the draw was made over' }),
    unitName: z.string().nullable(),
    seed: z.string(),
    sampleSize: z.number().int(),
    poolRatingIds: z.array(uuid()),
    createdAt: timestamp(),
    createdBy: person,
    items: z.array(spotCheckItemView),
    verifiedShare: z.number().meta({ description: 'items with a result / items' }),
  })
  .meta({ id: 'SpotCheck' });

export const spotCheckIdParams = z.strictObject({ id: uuid() });
export const spotCheckItemParams = z.strictObject({ id: uuid(), ratingId: uuid() });

/** POST /rating-spot-checks */
export const spotCheckRequest = z.strictObject({
  month: calendarMonth('抽查月份应为 YYYY-MM，如 2026-11').meta({
    description: 'the month whose ratings are drawn from',
  }),
  sampleSize: z
    .number({ error: '抽查数量应为整数' })
    .int({ error: '抽查数量应为整数' })
    .min(1, { error: '抽查数量至少为 1' })
    .max(200, { error: '抽查数量不超过 200' }),
});

/** POST /rating-spot-checks/:id/items/:ratingId */
export const spotCheckResultRequest = z.strictObject({
  result: z.enum(SPOT_CHECK_RESULTS, { error: '请选择核实结果' }),
  note: z
    .string()
    .trim()
    .max(OVERSIGHT_NOTE_MAX, { error: `备注不超过 ${OVERSIGHT_NOTE_MAX} 字` })
    .optional(),
});
