import nacl from 'tweetnacl';
import { decodeBase64url, encodeBase64url } from './base64url';
import { canonicalJson } from './canonical-json';
import { verifyEd25519InJs, type Ed25519Verify, type GateCodeKeyPair } from './gate-code';
import { encodeUtf8 } from './utf8';

/**
 * A signed checkpoint of the audit log (as in Certificate Transparency's signed tree heads): the
 * server states "entry `seq` of the chain has hash `hash`" at time `at`, signed with an Ed25519
 * key kept outside the database. Anyone who keeps one can later show that the chain was rewound,
 * cut short or recomputed: the chain no longer holds that entry with that hash.
 *
 * The signed bytes are the UTF-8 of
 *   `qinqing-audit-checkpoint-v1\n` + canonical JSON of {at, hash, seq}
 * (keys sorted, no spaces), e.g.
 *   qinqing-audit-checkpoint-v1
 *   {"at":"2026-05-01T08:00:00.000Z","hash":"3f…(64 hex)","seq":1234}
 * `signature` is base64url (no padding) of the 64-byte Ed25519 signature; the public key is
 * base64url of its 32 bytes (GET /api/v1/public/audit/keys).
 *
 * The log is several chains (issue 15): `seq` and `hash` name the head of chain 0 (the chain every
 * log had before, so a version 1 checkpoint keeps its meaning), and a version 2 checkpoint also
 * lists the heads of the other chains that have entries in `chains` ({chain, seq, hash}, by chain).
 * Its signed bytes are
 *   `qinqing-audit-checkpoint-v2\n` + canonical JSON of {at, chains, hash, seq}
 * A checkpoint without `chains` is version 1 and signed as above.
 */
export const AUDIT_CHECKPOINT_CONTEXT = 'qinqing-audit-checkpoint-v1';
export const AUDIT_CHECKPOINT_CONTEXT_V2 = 'qinqing-audit-checkpoint-v2';

/** The head of one chain other than chain 0 at a checkpoint. */
export interface AuditChainHeadMark {
  chain: number;
  seq: number;
  hash: string;
}

export interface AuditCheckpointBody {
  /** the sequence number of chain 0's head entry (1 is the first entry) */
  seq: number;
  /** that entry's hash (lower-case hex, 64 characters) */
  hash: string;
  /** when the server signed it (ISO 8601, UTC) */
  at: string;
  /** version 2: the heads of the other chains that have entries, by chain (absent: version 1) */
  chains?: AuditChainHeadMark[];
}

export interface AuditCheckpoint extends AuditCheckpointBody {
  keyId: number;
  signature: string;
}

export type AuditCheckpointProblem = 'MALFORMED' | 'UNKNOWN_KEY' | 'BAD_SIGNATURE';

const HASH = /^[0-9a-f]{64}$/;
const SIGNATURE = /^[A-Za-z0-9_-]{86}$/;
/** The highest chain number (audit_chain_head.id is a smallint). */
export const MAX_CHAIN = 32767;

/** The exact bytes a checkpoint's signature covers. */
export function auditCheckpointMessage(body: AuditCheckpointBody): Uint8Array {
  const { seq, hash, at, chains } = body;
  if (chains === undefined) {
    return encodeUtf8(`${AUDIT_CHECKPOINT_CONTEXT}\n${canonicalJson({ at, hash, seq })}`);
  }
  const heads = chains.map((c) => ({ chain: c.chain, hash: c.hash, seq: c.seq }));
  return encodeUtf8(
    `${AUDIT_CHECKPOINT_CONTEXT_V2}\n${canonicalJson({ at, chains: heads, hash, seq })}`,
  );
}

/** Every chain head a checkpoint vouches for: chain 0's, then the listed ones. */
export function checkpointHeads(
  body: Pick<AuditCheckpointBody, 'seq' | 'hash' | 'chains'>,
): AuditChainHeadMark[] {
  return [{ chain: 0, seq: body.seq, hash: body.hash }, ...(body.chains ?? [])];
}

export function signAuditCheckpoint(
  body: AuditCheckpointBody,
  key: GateCodeKeyPair,
): AuditCheckpoint {
  const signature = nacl.sign.detached(auditCheckpointMessage(body), key.secretKey);
  return {
    seq: body.seq,
    hash: body.hash,
    at: body.at,
    ...(body.chains === undefined ? {} : { chains: body.chains }),
    keyId: key.keyId,
    signature: encodeBase64url(signature),
  };
}

/** Only the signed fields of a checkpoint (what POST /audit/verify takes). */
export function signedCheckpointPart(c: AuditCheckpoint): AuditCheckpoint {
  return {
    seq: c.seq,
    hash: c.hash,
    at: c.at,
    ...(c.chains === undefined ? {} : { chains: c.chains }),
    keyId: c.keyId,
    signature: c.signature,
  };
}

/** Chain heads other than chain 0's: distinct chains ≥ 1 in ascending order, seq ≥ 1. */
function isChainList(value: unknown): value is AuditChainHeadMark[] {
  if (!Array.isArray(value)) return false;
  let previous = 0;
  for (const item of value as unknown[]) {
    if (!item || typeof item !== 'object') return false;
    const h = item as Record<string, unknown>;
    const sound =
      typeof h.chain === 'number' &&
      Number.isInteger(h.chain) &&
      h.chain > previous &&
      h.chain <= MAX_CHAIN &&
      typeof h.seq === 'number' &&
      Number.isSafeInteger(h.seq) &&
      h.seq >= 1 &&
      typeof h.hash === 'string' &&
      HASH.test(h.hash);
    if (!sound) return false;
    previous = h.chain as number;
  }
  return true;
}

/** Whether a value has a checkpoint's shape (fields and formats; the signature is not checked). */
export function isAuditCheckpoint(value: unknown): value is AuditCheckpoint {
  if (!value || typeof value !== 'object') return false;
  const c = value as Record<string, unknown>;
  return (
    typeof c.seq === 'number' &&
    Number.isSafeInteger(c.seq) &&
    c.seq >= 1 &&
    typeof c.hash === 'string' &&
    HASH.test(c.hash) &&
    typeof c.at === 'string' &&
    !Number.isNaN(Date.parse(c.at)) &&
    typeof c.keyId === 'number' &&
    Number.isInteger(c.keyId) &&
    typeof c.signature === 'string' &&
    SIGNATURE.test(c.signature) &&
    (c.chains === undefined || isChainList(c.chains))
  );
}

/**
 * Checks a checkpoint against the server's public key (the 32 bytes, or their base64url).
 * `verify` defaults to tweetnacl (the phone); the server passes Node's native verifier.
 */
export function verifyAuditCheckpoint(
  checkpoint: AuditCheckpoint,
  publicKey: Uint8Array | string,
  verify: Ed25519Verify = verifyEd25519InJs,
): boolean {
  return (
    checkAuditCheckpoint(checkpoint, new Map([[checkpoint.keyId, publicKey]]), verify) === null
  );
}

/** Why a checkpoint does not verify with the keys known by id (null: it verifies). */
export function checkAuditCheckpoint(
  checkpoint: unknown,
  publicKeys: ReadonlyMap<number, Uint8Array | string>,
  verify: Ed25519Verify = verifyEd25519InJs,
): AuditCheckpointProblem | null {
  if (!isAuditCheckpoint(checkpoint)) return 'MALFORMED';
  const known = publicKeys.get(checkpoint.keyId);
  const key = typeof known === 'string' ? decodeBase64url(known) : known;
  if (!key || key.length !== 32) return 'UNKNOWN_KEY';
  const signature = decodeBase64url(checkpoint.signature);
  if (!signature || signature.length !== 64) return 'MALFORMED';
  return verify(auditCheckpointMessage(checkpoint), signature, key) ? null : 'BAD_SIGNATURE';
}
