import { canonicalJson, type AuditedTable } from '@qinqing/domain';
import { createHash } from 'node:crypto';

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditContent {
  /** the chain, for entries not on chain 0 (absent on chain 0: its entries hash as before the split) */
  chain?: number;
  seq: string;
  at: string;
  actorId: string | null;
  action: string;
  subjectType: string;
  subjectId: string | null;
  data: unknown;
  /** the audited row the entry writes and its digest after the change (absent: none) */
  row?: { table: AuditedTable; id: string; digest: string };
}

/**
 * An entry's hash: SHA-256 over the previous entry's hash and the entry's canonical content. An
 * entry without a row hashes as before rows were digested (`row` absent, not null); an entry on
 * chain 0 hashes as before the log was split into chains (`chain` absent), on any other chain the
 * chain is hashed, so an entry moved to another chain no longer hashes right.
 */
export function entryHash(prevHash: string, content: AuditContent): string {
  return createHash('sha256')
    .update(`${prevHash}\n${canonicalJson(content)}`)
    .digest('hex');
}

/**
 * An entry's hash computed where its chain's head is read, in SQL (the check-in's write statement
 * locks the head there, so it holds it only until its commit): the canonical content split around
 * the seq, which only the head gives. `before + JSON.stringify(seq) + after` is
 * `canonicalJson(content)` whatever the seq; entryHashSql puts them together.
 */
export function contentAroundSeq(content: Omit<AuditContent, 'seq'>): {
  before: string;
  after: string;
} {
  // canonicalJson sorts the keys: those before "seq" and those after it are two objects of their
  // own, whose texts (without the braces between them) surround the seq.
  const entries = Object.entries(content).filter(([key, v]) => key !== 'seq' && v !== undefined);
  const half = (keep: (key: string) => boolean) => {
    const kept = entries.filter(([key]) => keep(key));
    return { text: canonicalJson(Object.fromEntries(kept)), empty: kept.length === 0 };
  };
  const before = half((key) => key < 'seq');
  const after = half((key) => key > 'seq');
  return {
    before: `${before.text.slice(0, -1)}${before.empty ? '' : ','}"seq":`,
    after: `${after.empty ? '' : ','}${after.text.slice(1)}`,
  };
}

/**
 * entryHash in SQL, for a head row `head` (its hash, and its seq before this entry) and the text
 * parameters of contentAroundSeq: SHA-256 over the head's hash, a newline and the canonical
 * content with the seq after the head's. `audit-hash-sql.test.ts` holds it to entryHash.
 */
export function entryHashSql(head: string, before: string, after: string): string {
  return `encode(sha256(convert_to(${head}.hash || E'\\n' || ${before}
      || to_json((${head}.seq + 1)::text)::text || ${after}, 'UTF8')), 'hex')`;
}

/** The content an entry's hash covers, from the stored entry. */
export function entryContent(entry: {
  chain: number;
  seq: string;
  at: Date;
  actorId: string | null;
  action: string;
  subjectType: string;
  subjectId: string | null;
  data: unknown;
  rowTable: AuditedTable | null;
  rowId: string | null;
  rowDigest: string | null;
}): AuditContent {
  const content: AuditContent = {
    ...(entry.chain === 0 ? {} : { chain: entry.chain }),
    seq: entry.seq,
    at: entry.at.toISOString(),
    actorId: entry.actorId,
    action: entry.action,
    subjectType: entry.subjectType,
    subjectId: entry.subjectId,
    data: entry.data,
  };
  if (entry.rowTable !== null || entry.rowId !== null || entry.rowDigest !== null) {
    content.row = {
      table: entry.rowTable as AuditedTable,
      id: entry.rowId as string,
      digest: entry.rowDigest as string,
    };
  }
  return content;
}

/**
 * The stable number of a chain key (a unit's id): the first 4 bytes of its SHA-256, unsigned. The
 * writer takes it modulo the number of chains, so one key always lands on the same chain while the
 * number of chains stays.
 */
export function chainKeyNumber(key: string): number {
  return createHash('sha256').update(key).digest().readUInt32BE(0);
}

/**
 * chainKeyNumber in SQL, for a writer that picks its chain in the statement that locks the head:
 * the first 4 bytes of the SHA-256 of the key's UTF-8 text, unsigned (a bigint). A NULL key is 0.
 */
export function chainKeyNumberSql(key: string): string {
  return `coalesce(('x' || left(encode(sha256(convert_to(${key}, 'UTF8')), 'hex'), 8))::bit(32)::bigint, 0)`;
}
