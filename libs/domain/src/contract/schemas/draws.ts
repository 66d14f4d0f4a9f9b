import * as z from 'zod';
import { DRAW_STATUSES, RECUSAL_REASONS } from '../../draws/draw';
import { CREDIT_GRADES, SUPERVISION_CLASSES } from '../../enterprise';
import { FIELD_LIMITS } from '../../limits';
import { drawWeightsProblems } from '../../rules/policy';
import { FINDINGS } from '../../visit';
import { isoDate, timestamp, uuid } from './common';

const drawWeightsShape = {
  baseRatio: z.number().meta({ description: 'the share of the pool drawn at weight 1, e.g. 0.05' }),
  creditGrade: z
    .record(z.enum(CREDIT_GRADES), z.number())
    .meta({ description: 'multiplier per credit grade' }),
  positiveList: z.number().meta({ description: 'multiplier for a firm on the 正面清单' }),
};

/** 双随机: the base ratio and the credit-grade and positive-list weights of a draw. */
export const drawWeights = z.object(drawWeightsShape).meta({ id: 'DrawWeights' });

const periodDay = (which: '开始' | '结束') =>
  isoDate(`检查期限${which}日期应为真实的日期（YYYY-MM-DD）`);
const poolFilter = <T extends z.ZodType>(item: T) =>
  z.array(item).max(FIELD_LIMITS.drawFilterItems).optional();

/** POST /draws: define and commit a draw; the seed stays secret until reveal. */
export const drawRequest = z.strictObject({
  name: z
    .string()
    .trim()
    .min(1, { error: '请填写抽查名称' })
    .max(FIELD_LIMITS.drawName)
    .meta({ example: '2026年第四季度双随机抽查' }),
  unitIds: poolFilter(uuid()).meta({
    description:
      'units whose firms form the pool (with the units below); the caller’s scope if empty',
  }),
  districts: poolFilter(z.string()),
  industries: poolFilter(z.string()),
  supervisionClasses: z.array(z.enum(SUPERVISION_CLASSES)).optional(),
  weights: z
    .strictObject(drawWeightsShape)
    .superRefine((weights, ctx) => {
      for (const message of drawWeightsProblems(weights)) ctx.addIssue({ code: 'custom', message });
    })
    .optional()
    .meta({ description: 'base ratio and weights; the policy’s when absent' }),
  periodStart: periodDay('开始').meta({
    example: '2026-10-01',
    description: 'inclusive: when the drawn inspections are to be made',
  }),
  periodEnd: periodDay('结束').meta({ example: '2026-12-31', description: 'inclusive' }),
  officersPerTask: z.number().int().min(1).max(5).optional().meta({ description: 'default 2' }),
});

export const drawIdParams = z.strictObject({ id: uuid() });

/** GET /draws/statistics?year= */
export const drawStatisticsQuery = z.strictObject({
  year: z.coerce.number().int().min(2000).max(2100).meta({ example: 2026 }),
});

/** A drawn firm as published (after reveal), with whether and how the inspection was done. */
export const publicDrawResult = z.object({
  taskNumber: z.number().int(),
  enterpriseName: z.string(),
  uscc: z.string(),
  creditGrade: z.enum(CREDIT_GRADES),
  onPositiveList: z.boolean(),
  inspected: z.boolean(),
  outcome: z
    .enum(FINDINGS)
    .nullable()
    .meta({ description: 'the check-out findings of the inspection, once made' }),
});

/** A draw as published: anyone can check it (no personal data). */
export const publicDrawView = z
  .object({
    id: uuid(),
    number: z.string().meta({ example: 'SJ-2026-003' }),
    name: z.string(),
    status: z.enum(DRAW_STATUSES),
    periodStart: z.string().meta({ format: 'date' }),
    periodEnd: z.string().meta({ format: 'date' }),
    committedAt: timestamp(),
    inputsHash: z
      .string()
      .meta({ description: 'SHA-512 hex of the canonical JSON of the inputs (drawInputsHash)' }),
    seedCommitment: z
      .string()
      .meta({ description: 'SHA-512 hex of the seed (seedCommitment), published at commit' }),
    seed: z.string().nullable().meta({ description: 'null until revealed' }),
    revealedAt: timestamp().nullable(),
    poolSize: z.number().int(),
    weights: drawWeights,
    officersPerTask: z.number().int(),
    results: z.array(publicDrawResult),
  })
  .meta({ id: 'PublicDraw' });

/** A task as the officers and supervisors see it. */
export const drawTaskView = z
  .object({
    id: uuid(),
    drawId: uuid(),
    drawNumber: z.string(),
    reference: z.string().meta({
      description: 'the reference a RANDOM_INSPECTION check-in names, e.g. SJ-2026-003-07',
    }),
    enterpriseId: uuid(),
    enterpriseName: z.string(),
    officers: z.array(
      z.object({ id: uuid(), name: z.string(), badgeNumber: z.string().nullable() }),
    ),
    periodStart: z.string().meta({ format: 'date' }),
    periodEnd: z.string().meta({ format: 'date' }),
    short: z
      .boolean()
      .meta({ description: 'fewer officers than asked could be assigned (recusals)' }),
    visitId: uuid().nullable(),
    inspected: z.boolean(),
  })
  .meta({ id: 'DrawTask' });

/** GET /draws/:id (supervisor, admin): the published view with tasks and officers. */
export const drawView = publicDrawView
  .extend({ tasks: z.array(drawTaskView) })
  .meta({ id: 'Draw' });

/** GET /draws/statistics: realised draw rate per credit grade against the intended one. */
export const drawStatistics = z.object({
  year: z.number().int(),
  rows: z.array(
    z.object({
      group: z.enum([...CREDIT_GRADES, 'POSITIVE_LIST']),
      inPools: z
        .number()
        .int()
        .meta({ description: 'firm-draws in the pools of the year’s revealed draws' }),
      drawn: z.number().int(),
      realisedRate: z.number(),
      intendedRate: z.number(),
    }),
  ),
});

/** GET /public/draws/:id/inputs: what anyone needs to re-run the draw. */
export const publicDrawInputs = z.object({
  number: z.string(),
  inputs: z
    .object({
      pool: z.array(
        z.object({
          id: uuid(),
          name: z.string(),
          uscc: z.string(),
          unitId: uuid(),
          district: z.string(),
          industry: z.string(),
          creditGrade: z.enum(CREDIT_GRADES),
          supervisionClass: z.string(),
          onPositiveList: z.boolean(),
        }),
      ),
      officers: z.array(z.object({ id: uuid(), unitId: uuid() })),
      recusals: z
        .record(
          z.string(),
          z.array(z.object({ officerId: uuid(), reason: z.enum(RECUSAL_REASONS) })),
        )
        .meta({ description: 'per firm id, the officers who must not inspect it (回避)' }),
      weights: drawWeights,
      officersPerTask: z.number().int(),
    })
    .meta({ description: 'the inputs of runDraw; their hash is inputsHash' }),
  inputsHash: z.string(),
  seedCommitment: z.string(),
  seed: z.string().nullable().meta({ description: 'null until revealed' }),
});

// ——— 回避: officers' declared conflicts with firms ———

export const officerConflictView = z.object({
  officerId: uuid(),
  officerName: z.string(),
  enterpriseId: uuid(),
  enterpriseName: z.string(),
  reason: z.string(),
  declaredAt: timestamp(),
});

/** POST /officer-conflicts */
export const officerConflictRequest = z.strictObject({
  officerId: uuid(),
  enterpriseId: uuid(),
  reason: z
    .string()
    .trim()
    .min(1, { error: '请写明回避事由' })
    .max(FIELD_LIMITS.conflictReason)
    .meta({ example: '配偶在该企业任职' }),
});

export const officerConflictParams = z.strictObject({ officerId: uuid(), enterpriseId: uuid() });
