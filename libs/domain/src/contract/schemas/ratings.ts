import * as z from 'zod';
import { PURPOSES } from '../../purposes';
import { RATING_COMMENT_MAX, RATING_ITEMS, RATING_LEVELS } from '../../rating';
import { isoDateTime, pageQuery, timestamp, uuid } from './common';

const level = z.enum(RATING_LEVELS);
const levelCounts = z.object({
  GOOD: z.number().int(),
  FAIR: z.number().int(),
  POOR: z.number().int(),
});

/** POST /visits/:id/rating: 好差评 by a user of the visited firm. */
export const ratingRequest = z.strictObject({
  overall: z
    .enum(RATING_LEVELS, { error: '请选择总体评价（好 / 中 / 差）' })
    .meta({ description: '总体评价：好 / 中 / 差' }),
  items: z
    .array(z.enum(RATING_LEVELS, { error: '每项评价应为 好 / 中 / 差' }), {
      error: '五项评价应为列表',
    })
    .min(RATING_ITEMS.length, { error: '请对全部五项逐一评价' })
    .max(RATING_ITEMS.length, { error: '评价卡只有五项' })
    .meta({ description: `the five items in the card's order: ${RATING_ITEMS.join('；')}` }),
  comment: z
    .string()
    .trim()
    .max(RATING_COMMENT_MAX, { error: `意见或建议不超过 ${RATING_COMMENT_MAX} 字` })
    .optional()
    .meta({ description: '意见或建议' }),
  signature: z
    .string({ error: '请手写签名' })
    .min(1, { error: '请手写签名' })
    .meta({ description: '企业签字: a PNG data URL (data:image/png;base64,…)' }),
});

/** A rating as the firm and supervisors read it. */
export const ratingView = z
  .object({
    id: uuid(),
    visitId: uuid(),
    enterpriseId: uuid(),
    enterpriseName: z.string().nullable(),
    overall: level,
    items: z.array(level),
    comment: z.string(),
    signature: z.string().meta({ description: 'PNG data URL' }),
    signer: z.object({ id: uuid(), name: z.string() }),
    submittedAt: timestamp(),
    followUpCaseId: uuid()
      .nullable()
      .meta({ description: 'the 回访核实 case a 差 opened, if any' }),
  })
  .meta({ id: 'Rating' });

/** GET /visits/:id/rating-status */
export const ratingStatusView = z.object({
  visitId: uuid(),
  rated: z.boolean(),
  open: z.boolean().meta({ description: 'whether the firm may rate now' }),
  closesAt: timestamp()
    .nullable()
    .meta({ description: 'when the window closes (null before check-out, or if refused)' }),
  reason: z.enum(['NOT_CHECKED_OUT', 'REFUSED', 'WINDOW_CLOSED']).nullable(),
});

/** The filters of GET /ratings (and of the rating exports). */
export const ratingFilters = z.strictObject({
  from: isoDateTime().optional(),
  to: isoDateTime().optional(),
  unitId: uuid().optional(),
  officerId: uuid().optional(),
  overall: level.optional(),
});

/** GET /ratings (supervisors, admins) */
export const listRatingsQuery = ratingFilters.extend({
  ...pageQuery,
});

/** Items of GET /ratings: a rating without its signature image, with its visit. */
export const ratingListItem = ratingView
  .omit({ signature: true })
  .extend({
    unitId: uuid(),
    unitName: z.string().nullable(),
    purpose: z.enum(PURPOSES),
    checkedInAt: timestamp(),
    officers: z.array(
      z.object({ id: uuid(), name: z.string(), badgeNumber: z.string().nullable() }),
    ),
  })
  .meta({ id: 'RatingListItem' });

export const ratingPage = z.object({
  items: z.array(ratingListItem),
  nextCursor: z.string().nullable(),
});

/** GET /officers/me/rating-summary: the officer's own ratings, aggregated over released months. */
export const ratingSummary = z.object({
  total: z.number().int().meta({ description: 'ratings released so far' }),
  releasedFrom: z.string().nullable().meta({ description: "first released month, 'YYYY-MM'" }),
  releasedThrough: z.string().nullable().meta({ description: "last released month, 'YYYY-MM'" }),
  overall: levelCounts,
  items: z.array(levelCounts).meta({ description: 'per card item, in the card’s order' }),
  releaseRule: z.string().meta({ description: 'how ratings are released, in words' }),
});
