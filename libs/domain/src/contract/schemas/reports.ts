import * as z from 'zod';
import {
  MISCONDUCT_CATEGORIES,
  OVERSIGHT_NOTE_MAX,
  PHOTO_DATA_URL_MAX_LENGTH,
  REPORT_DESCRIPTION_MAX,
  REPORT_OUTCOMES,
  REPORT_PHOTOS_MAX,
  REPORT_STATUSES,
} from '../../oversight';
import { timestamp, uuid } from './common';

const person = z.object({ id: uuid(), name: z.string() });
const OUTCOME_REQUIRED = '办结时须选择核查结论（属实 / 部分属实 / 不属实）';

/** POST /reports (a user of the firm): 监督举报 */
export const reportRequest = z.strictObject({
  enterpriseId: uuid().meta({ description: 'The reporting firm (one of the caller’s)' }),
  visitId: uuid()
    .nullable()
    .optional()
    .meta({ description: 'The visit reported (a visit to that firm)' }),
  officerId: uuid()
    .nullable()
    .optional()
    .meta({ description: 'The officer reported (an officer of the visit, when a visit is given)' }),
  categories: z
    .array(z.enum(MISCONDUCT_CATEGORIES, { error: '举报类别无效' }))
    .min(1, { error: '请至少选择一项举报类别' })
    .refine((list) => new Set(list).size === list.length, { error: '举报类别不能重复' })
    .meta({ description: '六不准 SIX_1…SIX_6, 九不得 NINE_1…NINE_9, OTHER' }),
  description: z
    .string()
    .trim()
    .min(1, { error: '请填写举报内容' })
    .max(REPORT_DESCRIPTION_MAX, { error: `举报内容不能超过 ${REPORT_DESCRIPTION_MAX} 字` })
    .meta({ description: 'What happened (trimmed)' }),
  photos: z
    .array(z.string().max(PHOTO_DATA_URL_MAX_LENGTH, { error: '照片过大' }))
    .max(REPORT_PHOTOS_MAX, { error: `照片最多 ${REPORT_PHOTOS_MAX} 张` })
    .optional()
    .meta({
      description: 'JPEG or PNG data URLs (data:image/jpeg;base64,… / data:image/png;base64,…)',
    }),
});

/** A report as supervisors (and the reporting firm) see it. */
export const reportView = z
  .object({
    id: uuid(),
    enterpriseId: uuid(),
    enterpriseName: z.string().nullable(),
    reporter: person,
    visitId: uuid().nullable(),
    officer: person.extend({ badgeNumber: z.string().nullable() }).nullable(),
    unitId: uuid(),
    unitName: z.string().nullable(),
    categories: z.array(z.enum(MISCONDUCT_CATEGORIES)),
    description: z.string(),
    photoCount: z
      .number()
      .int()
      .meta({ description: 'number of photos: GET /reports/:id/photos/:index (0-based)' }),
    status: z.enum(REPORT_STATUSES),
    outcome: z.enum(REPORT_OUTCOMES).nullable(),
    conclusion: z.string().nullable(),
    createdAt: timestamp(),
    updatedAt: timestamp(),
    history: z.array(
      z.object({
        status: z.enum(REPORT_STATUSES),
        at: timestamp(),
        note: z.string(),
        by: person,
      }),
    ),
  })
  .meta({ id: 'Report' });

export const reportIdParams = z.strictObject({ id: uuid() });

/** GET /reports/:id/photos/:index (a photo out of range is 404, as a missing one) */
export const reportPhotoParams = z.strictObject({
  id: uuid(),
  index: z.string().meta({ description: '0-based', example: '0' }),
});

/** GET /reports */
export const listReportsQuery = z.strictObject({ status: z.enum(REPORT_STATUSES).optional() });

/** POST /reports/:id/status: the next step (RECEIVED → INVESTIGATING → CONCLUDED) */
export const reportStatusRequest = z
  .strictObject({
    status: z
      .enum(REPORT_STATUSES)
      .meta({ description: 'The next status (RECEIVED → INVESTIGATING → CONCLUDED)' }),
    note: z
      .string()
      .trim()
      .min(1, { error: '请填写办理说明' })
      .max(OVERSIGHT_NOTE_MAX, { error: `办理说明不能超过 ${OVERSIGHT_NOTE_MAX} 字` })
      .meta({ description: 'What was done; the conclusion when concluding' }),
    outcome: z
      .enum(REPORT_OUTCOMES, { error: OUTCOME_REQUIRED })
      .optional()
      .meta({ description: 'Required when concluding, only then' }),
  })
  .superRefine((body, ctx) => {
    if (body.status === 'CONCLUDED' && body.outcome === undefined) {
      ctx.addIssue({ code: 'custom', path: ['outcome'], message: OUTCOME_REQUIRED });
    }
  });
