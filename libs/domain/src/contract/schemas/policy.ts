import * as z from 'zod';
import { CREDIT_GRADES } from '../../enterprise';
import { FIELD_LIMITS } from '../../limits';
import { PURPOSES } from '../../purposes';
import { JURISDICTION_ASSIGNMENT_KINDS } from '../../rules/policy';
import { timestamp, uuid } from './common';
import { drawWeights } from './draws';

/** Lists of the policy are read-only in CheckInPolicy (a policy is never changed in place). */
const list = <T extends z.ZodType>(item: T) => z.array(item).readonly();
const purposes = list(z.enum(PURPOSES));

/** The check-in policy (CheckInPolicy in rules/policy.ts): the rules a bureau can change. */
export const checkInPolicy = z
  .object({
    version: z.number().int(),
    positiveListAllowedPurposes: purposes,
    annualCapPerUnitLevel: z.number().int(),
    capExemptPurposes: purposes,
    repeatVisitWindowDays: z.number(),
    quietPeriods: list(
      z.object({
        daysOfMonth: list(z.number().int()),
        enterpriseIds: list(uuid()).optional(),
        creditGrades: list(z.enum(CREDIT_GRADES)).optional(),
        positiveListOnly: z.boolean().optional(),
        label: z.string().optional(),
      }),
    ),
    quietPeriodRefusedPurposes: purposes,
    geofenceDefaultRadiusM: z.number(),
    backfillWindowDays: z.number(),
    clockSkewToleranceMinutes: z.number(),
    minOfficers: z.number().int(),
    utcOffsetMinutes: z.number().int(),
    ratingWindowDays: z.number(),
    ratingReleaseMinCount: z.number().int(),
    followUpDeadlineDays: z.number(),
    drawWeights,
    drawRecentInspectionMonths: z.number().int(),
    jurisdictionAssignments: list(
      z.object({
        reference: z.string(),
        kind: z.enum(JURISDICTION_ASSIGNMENT_KINDS),
        unitIds: list(uuid()),
        enterpriseIds: list(uuid()),
        validFrom: z.string().meta({ format: 'date' }),
        validTo: z.string().meta({ format: 'date' }),
      }),
    ),
  })
  .meta({ id: 'CheckInPolicy' });

/** A stored version of the policy, with who stored it (GET /policy/versions). */
export const policyVersionView = z.object({
  version: z.number().int(),
  body: checkInPolicy,
  note: z.string(),
  createdBy: uuid().nullable().meta({ description: 'null: the default version' }),
  createdAt: timestamp(),
  createdByName: z.string().nullable(),
});

/** PUT /policy: a new version (the `version` given is ignored; the next number is assigned). */
export const updatePolicyRequest = z.strictObject({
  policy: z.record(z.string(), z.unknown()).meta({
    description:
      'The whole policy (CheckInPolicy), checked field by field by validatePolicy: ' +
      'positiveListAllowedPurposes, annualCapPerUnitLevel, capExemptPurposes, ' +
      'repeatVisitWindowDays, quietPeriods, quietPeriodRefusedPurposes, geofenceDefaultRadiusM, ' +
      'backfillWindowDays, clockSkewToleranceMinutes, minOfficers, utcOffsetMinutes, …',
  }),
  note: z
    .string()
    .max(FIELD_LIMITS.policyNote)
    .optional()
    .meta({ description: 'Why it changed (kept with the version)' }),
});
