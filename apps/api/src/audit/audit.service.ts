import { Injectable } from '@nestjs/common';
import {
  checkpointHeads,
  type AuditChainHeadMark,
  type AuditCheckpointBody,
  type ChainVerification,
  type CheckpointConflict,
  type RowMismatch,
} from '@qinqing/domain';
import type { Tx } from '../database/transactions';
import type { AuditEntry } from './audit-entry.entity';
import { chainKeyNumber, entryContent, entryHash, GENESIS_HASH } from './audit-hash';
import { AuditRepository } from './audit.repository';
import { AUDITED_TABLES, type AuditedTable } from './row-digest';

export type { ChainVerification };

export interface AuditRecord {
  actorId: string | null;
  /** e.g. CHECK_IN, CHECK_OUT, GATE_CODE_ISSUED, POLICY_CHANGED */
  action: string;
  subjectType: string;
  subjectId: string | null;
  data: Record<string, unknown>;
  /**
   * The audited row (row-digest.ts) the caller wrote in this transaction: the entry carries the
   * digest of its state now, which verify compares with the row later. Required whenever a visit,
   * rating, report or follow-up case (or a row belonging to it) was written.
   */
  row?: {
    table: AuditedTable;
    id: string;
    /** a visit's partition key (VisitRef.partitionKey): its row is then read from its month alone */
    partitionKey?: string;
  };
  /**
   * What picks the entry's chain (chainKeyNumber mod the number of chains), e.g. the unit of a
   * visit: entries with different keys mostly go to different chains, whose writers do not wait
   * on each other. Absent: chain 0.
   */
  chainKey?: string;
}

const VERIFY_BATCH = 1000;
const ROW_BATCH = 500;
/** Row mismatches listed in an answer (all are counted). */
export const MAX_LISTED_MISMATCHES = 100;

/** One chain's walk: its sound entries and the first seq that is not (null: sound). */
export type ChainWalk = ChainVerification['chains'][number];

/** The only writer of the audit log. */
@Injectable()
export class AuditService {
  constructor(private readonly entries: AuditRepository) {}

  /**
   * Appends an entry inside the caller's transaction, to the chain of its `chainKey` (chain 0
   * without one). Locking that chain's head serialises the chain's writers, so concurrent
   * transactions neither fork it nor leave gaps (a rollback releases the lock); writers of other
   * chains do not wait.
   */
  async append(tx: Tx, record: AuditRecord): Promise<AuditEntry> {
    const keyNumber = record.chainKey === undefined ? 0 : chainKeyNumber(record.chainKey);
    const head = await this.entries.lockChainHead(keyNumber, tx);
    if (!head) throw new Error('audit: the chain heads are not numbered 0 … N − 1');
    const chain = head.id;
    const seq = String(BigInt(head.seq) + 1n);
    const at = new Date();
    const { row, chainKey: _chainKey, ...fields } = record;
    const rowColumns = row
      ? {
          rowTable: row.table,
          rowId: row.id,
          rowDigest: await this.entries.currentRowDigest(row, tx),
        }
      : { rowTable: null, rowId: null, rowDigest: null };
    const hash = entryHash(head.hash, entryContent({ chain, seq, at, ...fields, ...rowColumns }));
    const entry = await this.entries.insertEntry(
      { ...fields, ...rowColumns, chain, seq, at, prevHash: head.hash, hash },
      tx,
    );
    await this.entries.moveChainHead(chain, seq, hash, tx);
    return entry;
  }

  /**
   * Walks every chain (each up to its first entry whose link or content does not hash right) and
   * compares every audited row with the digest in its latest entry. Checkpoints are compared by
   * ChainCheckService (conflictsWith): this answer has none.
   */
  async verify(tx?: Tx): Promise<ChainVerification> {
    const chains: ChainWalk[] = [];
    for (const chain of await this.entries.chainNumbers(tx)) {
      chains.push(await this.walkChain(chain, tx));
    }
    const firstBroken = chains.find((c) => c.firstBrokenSeq !== null) ?? null;
    const rows = await this.checkRows(tx);
    return {
      ok: firstBroken === null && rows.mismatchCount === 0,
      entries: chains.reduce((sum, c) => sum + c.entries, 0),
      firstBrokenSeq: firstBroken?.firstBrokenSeq ?? null,
      firstBrokenChain: firstBroken?.chain ?? null,
      chains,
      rowsChecked: rows.checked,
      rowMismatchCount: rows.mismatchCount,
      rowMismatches: rows.mismatches,
      checkpointsChecked: 0,
      checkpointConflicts: [],
      rejectedCheckpoints: [],
      checkedAt: new Date().toISOString(),
    };
  }

  /**
   * The chain heads a checkpoint vouches for (signatures already checked) that the log no longer
   * holds: no entry with that seq on that chain (cut short, rewound), or one with another hash
   * (edited and recomputed).
   */
  async conflictsWith(checkpoints: AuditCheckpointBody[], tx?: Tx): Promise<CheckpointConflict[]> {
    const marks = new Map<string, AuditChainHeadMark>();
    for (const mark of checkpoints.flatMap(checkpointHeads)) {
      marks.set(`${mark.chain}:${mark.seq}:${mark.hash}`, mark);
    }
    if (marks.size === 0) return [];
    const wanted = [...marks.values()];
    const rows = await this.entries.entriesAt(wanted, tx);
    const found = new Map(rows.map((r) => [`${r.chain}:${r.seq}`, r.hash]));
    const conflicts: CheckpointConflict[] = [];
    for (const m of wanted) {
      const now = found.get(`${m.chain}:${m.seq}`) ?? null;
      if (now !== m.hash) {
        conflicts.push({ chain: m.chain, seq: m.seq, expected: m.hash, found: now });
      }
    }
    return conflicts.sort((a, b) => a.chain - b.chain || a.seq - b.seq);
  }

  /** Every audited row against the digest of its latest entry; rows gone count as mismatches. */
  private async checkRows(tx?: Tx): Promise<{
    checked: number;
    mismatchCount: number;
    mismatches: RowMismatch[];
  }> {
    let checked = 0;
    let mismatchCount = 0;
    const mismatches: RowMismatch[] = [];
    const mismatch = (table: AuditedTable, id: string) => {
      mismatchCount += 1;
      if (mismatches.length < MAX_LISTED_MISMATCHES) mismatches.push({ table, id });
    };
    for (const table of AUDITED_TABLES) {
      let after: string | null = null;
      for (;;) {
        const batch = await this.entries.rowsWithDigests(table, { after, limit: ROW_BATCH }, tx);
        for (const row of batch) {
          checked += 1;
          if (row.audited !== row.digest) mismatch(table, row.id);
        }
        if (batch.length < ROW_BATCH) break;
        after = batch[batch.length - 1].id;
      }
      for (const id of await this.entries.vanishedRows(table, tx)) mismatch(table, id);
    }
    return { checked, mismatchCount, mismatches };
  }

  private async walkChain(chain: number, tx?: Tx): Promise<ChainWalk> {
    let prevHash = GENESIS_HASH;
    let expectedSeq = 1n;
    let entries = 0;
    const broken = (): ChainWalk => ({ chain, entries, firstBrokenSeq: Number(expectedSeq) });
    for (;;) {
      const batch = await this.entries.entriesOfChain(chain, expectedSeq, VERIFY_BATCH, tx);
      for (const entry of batch) {
        const sound =
          BigInt(entry.seq) === expectedSeq &&
          entry.prevHash === prevHash &&
          entry.hash === entryHash(prevHash, entryContent(entry));
        if (!sound) return broken();
        prevHash = entry.hash;
        expectedSeq += 1n;
        entries += 1;
      }
      if (batch.length < VERIFY_BATCH) break;
    }
    const head = await this.entries.chainHead(chain, tx);
    // Entries removed from the end (or a head moved, or removed) show as a head that the chain
    // does not reach.
    if (!head || head.hash !== prevHash || BigInt(head.seq) !== expectedSeq - 1n) return broken();
    return { chain, entries, firstBrokenSeq: null };
  }

  /** A subject's entries as written (all chains). */
  entriesFor(subjectType: string, subjectId: string): Promise<AuditEntry[]> {
    return this.entries.entriesFor(subjectType, subjectId);
  }
}
