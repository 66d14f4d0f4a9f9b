import * as z from 'zod';
import { CREDIT_GRADES, SUPERVISION_CLASSES } from '../../enterprise';
import { FIELD_LIMITS } from '../../limits';
import { isoDate, timestamp, uuid } from './common';

export const gateView = z
  .object({
    id: uuid(),
    name: z.string(),
    lat: z.number(),
    lng: z.number(),
    radiusM: z.number().meta({ description: 'the gate’s geofence, or the policy’s default' }),
  })
  .meta({ id: 'Gate' });

export const positiveListPeriod = z
  .object({
    batch: z.string(),
    effectiveFrom: isoDate(),
    effectiveTo: isoDate().nullable(),
    removalReason: z.string().nullable(),
  })
  .meta({ id: 'PositiveListPeriod' });

/** A firm as the lists show it (GET /enterprises). */
export const enterpriseView = z
  .object({
    id: uuid(),
    uscc: z.string(),
    name: z.string(),
    address: z.string(),
    district: z.string(),
    industry: z.string(),
    creditGrade: z.enum(CREDIT_GRADES),
    supervisionClass: z.enum(SUPERVISION_CLASSES),
    unitId: uuid(),
    liaisonOfficer: z
      .object({ id: uuid(), name: z.string(), phone: z.string().nullable() })
      .nullable(),
    onPositiveList: z.boolean().meta({ description: 'membership of the 正面清单 in force today' }),
    positiveList: z.array(positiveListPeriod),
    gates: z.array(gateView),
  })
  .meta({ id: 'Enterprise' });

export const enterpriseIdParams = z.strictObject({ id: uuid() });

export const gateInput = z.strictObject({
  name: z.string().min(1).max(FIELD_LIMITS.gateName).meta({ example: '正门' }),
  lat: z.number().min(-90).max(90),
  lng: z.number().min(-180).max(180),
  radiusM: z
    .number()
    .int()
    .min(FIELD_LIMITS.gateRadiusM.min)
    .max(FIELD_LIMITS.gateRadiusM.max)
    .optional()
    .meta({ description: 'geofence radius in metres; omitted: the policy default' }),
});

const creditGrade = z.enum(CREDIT_GRADES);
const supervisionClass = z.enum(SUPERVISION_CLASSES);
const address = z.string().max(FIELD_LIMITS.enterpriseAddress);

/** POST /enterprises (admin): a firm with its gates. */
export const createEnterpriseRequest = z.strictObject({
  uscc: z
    .string()
    .max(FIELD_LIMITS.usccInput)
    .meta({ description: '统一社会信用代码 (checked with its check character)' }),
  name: z.string().min(1).max(FIELD_LIMITS.enterpriseName),
  address: address.optional(),
  district: z.string().max(FIELD_LIMITS.enterpriseDistrict).optional(),
  industry: z.string().max(FIELD_LIMITS.enterpriseIndustry).optional(),
  creditGrade: creditGrade.optional(),
  supervisionClass: supervisionClass.optional(),
  unitId: uuid().meta({ description: 'the supervising unit' }),
  liaisonOfficerId: uuid().nullable().optional().meta({ description: 'null: no liaison officer' }),
  gates: z.array(gateInput).min(1).max(FIELD_LIMITS.gatesPerFirm),
});

/** PATCH /enterprises/:id (admin) */
export const updateEnterpriseRequest = z.strictObject({
  creditGrade: creditGrade.optional(),
  supervisionClass: supervisionClass.optional(),
  liaisonOfficerId: uuid().nullable().optional().meta({ description: 'null: no liaison officer' }),
  address: address.optional(),
});

/** A firm's own record, as registered or changed (POST, PATCH /enterprises). */
export const enterpriseRecord = z
  .object({
    id: uuid(),
    uscc: z.string(),
    name: z.string(),
    address: z.string(),
    district: z.string(),
    industry: z.string(),
    creditGrade,
    supervisionClass,
    unitId: uuid(),
    liaisonOfficerId: uuid().nullable(),
    createdAt: timestamp(),
    updatedAt: timestamp(),
  })
  .meta({ id: 'EnterpriseRecord' });

/** POST /enterprises/:id/positive-list (admin) */
export const addPositiveListRequest = z.strictObject({
  batch: z.string().min(1).max(FIELD_LIMITS.positiveListBatch).meta({ example: '第四批' }),
  effectiveFrom: isoDate().meta({ example: '2026-12-01' }),
});

/** POST /enterprises/:id/positive-list/removal (admin) */
export const endPositiveListRequest = z.strictObject({
  effectiveTo: isoDate().meta({ example: '2026-12-31', description: 'last day on the list' }),
  removalReason: z
    .string()
    .min(1)
    .max(FIELD_LIMITS.positiveListRemovalReason)
    .meta({ example: '环境信用等级下调' }),
});

/** A membership of the 正面清单 (POST …/positive-list, …/positive-list/removal). */
export const positiveListEntry = z
  .object({
    id: uuid(),
    enterpriseId: uuid(),
    batch: z.string(),
    effectiveFrom: isoDate(),
    effectiveTo: isoDate().nullable(),
    removalReason: z.string().nullable(),
  })
  .meta({ id: 'PositiveListEntry' });
