import * as z from 'zod';
import { PURPOSES } from '../../purposes';
import { CHECK_IN_OUTCOMES } from '../../visit';
import { timestamp, uuid } from './common';
import { drawTaskView } from './draws';
import { enterpriseView } from './enterprises';
import { publicKeys } from './gates';
import { officerView } from './officers';
import { checkInPolicy } from './policy';

/**
 * What an officer's phone keeps to judge check-ins without signal (GET /offline/snapshot answers it
 * signed, kind OFFLINE_SNAPSHOT_KIND): the same inputs the server's rule engine uses, for the
 * unit's firms.
 */
export const offlineSnapshot = z.object({
  issuedAt: timestamp(),
  officer: z.object({
    id: uuid(),
    name: z.string(),
    badgeNumber: z.string().nullable(),
    unitId: uuid(),
    unitLevel: z.string(),
    active: z.boolean(),
  }),
  colleagues: z.array(officerView),
  enterprises: z.array(enterpriseView),
  /** earlier visits per firm id (this calendar year and the repeat window) */
  priorVisits: z.record(
    z.string(),
    z.array(
      z.object({
        checkedInAt: timestamp(),
        purpose: z.enum(PURPOSES),
        reference: z.string().nullable(),
        unitLevel: z.string(),
      }),
    ),
  ),
  /** per gate id, the version of its active code (an older version is revoked) */
  activeCodeVersions: z.record(z.string(), z.number().int()),
  policy: checkInPolicy,
  gateCodeKeys: publicKeys,
  /** the officer's drawn tasks (双随机) not yet past their period */
  tasks: z.array(drawTaskView).optional(),
});

/** The payload of an OFFICER_AT_GATE notification (a firm's users: officers are at the gate). */
export const officerAtGatePayload = z.object({
  visitId: uuid(),
  gateName: z.string().nullable(),
  purpose: z.enum(PURPOSES),
  purposeLabel: z.string(),
  reference: z.string().nullable(),
  outcome: z.enum(CHECK_IN_OUTCOMES),
  at: timestamp(),
  officers: z.array(
    z.object({
      name: z.string(),
      badgeNumber: z.string().nullable(),
      unitName: z.string().nullable(),
    }),
  ),
});
