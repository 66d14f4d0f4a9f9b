import * as z from 'zod';
import { AUDITED_TABLES, AUDIT_VERIFY_MAX_CHECKPOINTS } from '../../audit';
import { isoDateTime, timestamp, uuid } from './common';
import { publicKeys } from './gates';

/** A signed checkpoint of the audit log as kept and sent back (POST /audit/verify). */
export const auditCheckpointInput = z.strictObject({
  seq: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER).meta({ example: 1234 }),
  hash: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .meta({ description: 'the entry hash, 64 lower-case hex characters' }),
  at: isoDateTime().meta({ description: 'when it was signed, exactly as signed' }),
  keyId: z.number().int().min(1).max(255).meta({ example: 1 }),
  signature: z
    .string()
    .regex(/^[A-Za-z0-9_-]{86}$/)
    .meta({ description: 'base64url of the 64-byte Ed25519 signature' }),
  algorithm: z.literal('Ed25519').optional(),
  publicKey: z
    .string()
    .regex(/^[A-Za-z0-9_-]{43}$/)
    .optional(),
});

/** POST /audit/verify */
export const auditVerifyRequest = z.strictObject({
  checkpoints: z.array(auditCheckpointInput).max(AUDIT_VERIFY_MAX_CHECKPOINTS),
});

/** GET /public/audit/checkpoint: the latest signed checkpoint with the key that verifies it. */
export const publicAuditCheckpoint = z
  .object({
    seq: z.number().int(),
    hash: z.string(),
    at: timestamp(),
    keyId: z.number().int(),
    signature: z.string(),
    algorithm: z.literal('Ed25519'),
    publicKey: z.string(),
  })
  .meta({ id: 'AuditCheckpoint' });

export const auditCheckpointKeys = publicKeys;

/**
 * GET /audit/verify, POST /audit/verify: `ok` is false when an entry does not hash right
 * (firstBrokenSeq), a row does not match its digest (rowMismatches) or a signed checkpoint is no
 * longer in the chain (checkpointConflicts).
 */
export const chainVerification = z
  .object({
    ok: z.boolean(),
    entries: z.number().int(),
    firstBrokenSeq: z.number().int().nullable(),
    rowsChecked: z.number().int(),
    rowMismatchCount: z.number().int(),
    rowMismatches: z
      .array(z.object({ table: z.enum(AUDITED_TABLES), id: uuid() }))
      .meta({ description: 'at most 100 listed' }),
    checkpointsChecked: z.number().int(),
    checkpointConflicts: z.array(
      z.object({ seq: z.number().int(), expected: z.string(), found: z.string().nullable() }),
    ),
    rejectedCheckpoints: z.array(
      z.object({
        seq: z.number().int().nullable(),
        hash: z.string().nullable(),
        problem: z.enum(['MALFORMED', 'UNKNOWN_KEY', 'BAD_SIGNATURE']),
      }),
    ),
    checkedAt: timestamp(),
  })
  .meta({ id: 'ChainVerification' });

/** GET /audit/checks/latest; POST /audit/checks runs one now. */
export const chainCheckStatus = z
  .object({
    latest: chainVerification.nullable(),
    lastFailure: chainVerification
      .nullable()
      .meta({ description: 'the newest failed check: the desk alerts until the chain is sound' }),
    alert: z.boolean().meta({ description: 'the latest check failed' }),
  })
  .meta({ id: 'ChainCheckStatus' });
