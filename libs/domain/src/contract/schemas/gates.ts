import * as z from 'zod';
import { timestamp, uuid } from './common';

/** GET /gates (admin): a gate with its firm and the code version in force. */
export const gateListItem = z
  .object({
    gateId: uuid(),
    gateName: z.string(),
    enterpriseId: uuid(),
    enterpriseName: z.string(),
    uscc: z.string(),
    district: z.string(),
    activeVersion: z
      .number()
      .int()
      .nullable()
      .meta({ description: 'the version in force; null when the gate has no code' }),
    activeIssuedAt: timestamp().nullable(),
    activeIssuedByName: z.string().nullable(),
  })
  .meta({ id: 'GateListItem' });

/** One issued version of a gate's code: when, by whom, and whether it was revoked. */
export const gateCodeVersion = z.object({
  version: z.number().int(),
  issuedAt: timestamp(),
  issuedBy: z.object({ id: uuid(), name: z.string() }).nullable(),
  revokedAt: timestamp().nullable(),
});

/** GET /gates/:gateId/codes (admin) */
export const gateCodeHistory = z.object({
  gateId: uuid(),
  gateName: z.string(),
  enterpriseName: z.string(),
  items: z.array(gateCodeVersion).meta({ description: 'newest first' }),
});

export const gateIdParams = z.strictObject({ gateId: uuid() });

/** POST /gates/:gateId/codes (admin): the new code; the older one is revoked. */
export const issuedGateCode = z.object({
  code: z.string().meta({ description: 'the text the QR code encodes (the gate code’s URL)' }),
  version: z.number().int(),
  gateId: uuid(),
});

/** GET /gate-codes/keys (public): the Ed25519 keys that verify gate codes, badges and snapshots. */
export const publicKeys = z
  .object({
    algorithm: z.literal('Ed25519'),
    keys: z.array(
      z.object({
        keyId: z.number().int(),
        publicKey: z.string().meta({ description: 'base64url of the 32-byte key' }),
      }),
    ),
  })
  .meta({ id: 'PublicKeys' });

/** GET /c/:token: a gate code's URL opened in a browser (any token; a malformed one is dropped). */
export const gateCodeLandingParams = z.strictObject({
  token: z.string().meta({ description: 'the gate code as printed in its URL' }),
});
