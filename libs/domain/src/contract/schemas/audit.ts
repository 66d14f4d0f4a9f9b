import * as z from 'zod';
import { AUDITED_TABLES, AUDIT_VERIFY_MAX_CHECKPOINTS } from '../../audit';
import { MAX_CHAIN } from '../../audit-checkpoint';
import { isoDateTime, timestamp, uuid } from './common';
import { publicKeys } from './gates';

const entryHashText = z
  .string()
  .regex(/^[0-9a-f]{64}$/)
  .meta({ description: 'the entry hash, 64 lower-case hex characters' });

/** The head of one chain other than chain 0, as a version 2 checkpoint lists it. */
const chainHeadMark = z.strictObject({
  chain: z.number().int().min(1).max(MAX_CHAIN).meta({ example: 3 }),
  seq: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER).meta({ example: 87 }),
  hash: entryHashText,
});

const checkpointChains = z
  .array(chainHeadMark)
  .max(MAX_CHAIN)
  .meta({
    description:
      'version 2: the heads of the chains other than chain 0 that have entries, by chain ' +
      '(absent in a version 1 checkpoint); signed with the rest',
  });

/** A signed checkpoint of the audit log as kept and sent back (POST /audit/verify). */
export const auditCheckpointInput = z.strictObject({
  seq: z
    .number()
    .int()
    .min(1)
    .max(Number.MAX_SAFE_INTEGER)
    .meta({ example: 1234, description: 'the seq of chain 0’s head entry' }),
  hash: entryHashText,
  at: isoDateTime().meta({ description: 'when it was signed, exactly as signed' }),
  chains: checkpointChains.optional(),
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
    seq: z.number().int().meta({ description: 'the seq of chain 0’s head entry' }),
    hash: z.string(),
    at: timestamp(),
    chains: z
      .array(z.object({ chain: z.number().int(), seq: z.number().int(), hash: z.string() }))
      .optional()
      .meta({
        description:
          'the heads of the other chains that have entries (always present in new checkpoints)',
      }),
    keyId: z.number().int(),
    signature: z.string(),
    algorithm: z.literal('Ed25519'),
    publicKey: z.string(),
  })
  .meta({ id: 'AuditCheckpoint' });

export const auditCheckpointKeys = publicKeys;

/** One chain's walk: its entries up to the first broken one, and that one's seq (null: sound). */
export const chainWalk = z
  .object({
    chain: z.number().int().meta({ example: 3 }),
    entries: z.number().int().meta({ example: 87 }),
    firstBrokenSeq: z.number().int().nullable().meta({ example: null }),
  })
  .meta({ id: 'ChainWalk' });

/**
 * GET /audit/verify, POST /audit/verify: `ok` is false when an entry does not hash right
 * (firstBrokenSeq), a row does not match its digest (rowMismatches) or a signed checkpoint is no
 * longer in the chain (checkpointConflicts). The log is several chains: `chains` has each one's
 * walk; `entries` counts all of them and `firstBrokenSeq` / `firstBrokenChain` name the first
 * broken chain (lowest number) and the seq in it.
 */
export const chainVerification = z
  .object({
    ok: z.boolean(),
    entries: z.number().int().meta({ description: 'sound entries, all chains' }),
    firstBrokenSeq: z
      .number()
      .int()
      .nullable()
      .meta({ description: 'the first broken seq in the first broken chain (null: all sound)' }),
    firstBrokenChain: z.number().int().nullable().meta({ example: null }),
    chains: z.array(chainWalk).meta({ description: 'every chain, by number' }),
    rowsChecked: z.number().int(),
    rowMismatchCount: z.number().int(),
    rowMismatches: z
      .array(z.object({ table: z.enum(AUDITED_TABLES), id: uuid() }))
      .meta({ description: 'at most 100 listed' }),
    checkpointsChecked: z.number().int(),
    checkpointConflicts: z.array(
      z.object({
        chain: z.number().int().meta({ example: 0 }),
        seq: z.number().int(),
        expected: z.string(),
        found: z.string().nullable(),
      }),
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
