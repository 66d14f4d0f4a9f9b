import { Injectable } from '@nestjs/common';
import type {
  AuditCheckpointBody,
  ChainVerification,
  CheckpointConflict,
  RowMismatch,
} from '@qinqing/domain';
import { DataSource, type EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { AuditChainHead, AuditEntry } from './audit-entry.entity';
import { entryContent, entryHash, GENESIS_HASH } from './audit-hash';
import {
  AUDITED_TABLES,
  currentRowDigest,
  rowsWithDigests,
  vanishedRows,
  type AuditedTable,
} from './row-digest';

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
  row?: { table: AuditedTable; id: string };
}

const VERIFY_BATCH = 1000;
const ROW_BATCH = 500;
/** Row mismatches listed in an answer (all are counted). */
export const MAX_LISTED_MISMATCHES = 100;

/** The only writer of the audit log. */
@Injectable()
export class AuditService {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Appends an entry inside the caller's transaction. Locking the chain head serialises writers,
   * so concurrent transactions neither fork the chain nor leave gaps (a rollback releases the lock).
   */
  async append(manager: EntityManager, record: AuditRecord): Promise<AuditEntry> {
    const head = await manager
      .getRepository(AuditChainHead)
      .createQueryBuilder('h')
      .setLock('pessimistic_write')
      .where('h.id = 1')
      .getOneOrFail();
    const seq = String(BigInt(head.seq) + 1n);
    const at = new Date();
    const { row, ...fields } = record;
    const rowColumns = row
      ? {
          rowTable: row.table,
          rowId: row.id,
          rowDigest: await currentRowDigest(manager, row.table, row.id),
        }
      : { rowTable: null, rowId: null, rowDigest: null };
    const hash = entryHash(head.hash, entryContent({ seq, at, ...fields, ...rowColumns }));
    const entry = manager.create(AuditEntry, {
      ...fields,
      ...rowColumns,
      seq,
      at,
      prevHash: head.hash,
      hash,
    });
    await manager.insert(AuditEntry, entry as QueryDeepPartialEntity<AuditEntry>);
    await manager.update(AuditChainHead, { id: 1 }, { seq, hash });
    return entry;
  }

  /**
   * Walks the whole chain (the first entry whose link or content does not hash right) and compares
   * every audited row with the digest in its latest entry. Checkpoints are compared by
   * ChainCheckService (conflictsWith): this answer has none.
   */
  async verify(manager: EntityManager = this.dataSource.manager): Promise<ChainVerification> {
    const chain = await this.walkChain(manager);
    const rows = await this.checkRows(manager);
    return {
      ok: chain.firstBrokenSeq === null && rows.mismatchCount === 0,
      entries: chain.entries,
      firstBrokenSeq: chain.firstBrokenSeq,
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
   * The checkpoints (signatures already checked) that the chain no longer holds: no entry with that
   * seq (cut short, rewound), or one with another hash (edited and recomputed).
   */
  async conflictsWith(
    checkpoints: AuditCheckpointBody[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<CheckpointConflict[]> {
    if (checkpoints.length === 0) return [];
    const seqs = [...new Set(checkpoints.map((c) => String(c.seq)))];
    const rows: { seq: string; hash: string }[] = await manager.query(
      'SELECT seq::text AS seq, hash FROM audit_entry WHERE seq = ANY($1::bigint[])',
      [seqs],
    );
    const found = new Map(rows.map((r) => [r.seq, r.hash]));
    const conflicts = new Map<string, CheckpointConflict>();
    for (const c of checkpoints) {
      const now = found.get(String(c.seq)) ?? null;
      if (now !== c.hash) {
        conflicts.set(`${c.seq}:${c.hash}`, { seq: c.seq, expected: c.hash, found: now });
      }
    }
    return [...conflicts.values()].sort((a, b) => a.seq - b.seq);
  }

  /** Every audited row against the digest of its latest entry; rows gone count as mismatches. */
  private async checkRows(manager: EntityManager): Promise<{
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
        const batch = await rowsWithDigests(manager, table, { after, limit: ROW_BATCH });
        for (const row of batch) {
          checked += 1;
          if (row.audited !== row.digest) mismatch(table, row.id);
        }
        if (batch.length < ROW_BATCH) break;
        after = batch[batch.length - 1].id;
      }
      for (const id of await vanishedRows(manager, table)) mismatch(table, id);
    }
    return { checked, mismatchCount, mismatches };
  }

  private async walkChain(
    manager: EntityManager,
  ): Promise<{ entries: number; firstBrokenSeq: number | null }> {
    let prevHash = GENESIS_HASH;
    let expectedSeq = 1n;
    let entries = 0;
    for (;;) {
      const batch = await manager
        .getRepository(AuditEntry)
        .createQueryBuilder('e')
        .where('e.seq >= :from', { from: String(expectedSeq) })
        .orderBy('e.seq', 'ASC')
        .limit(VERIFY_BATCH)
        .getMany();
      for (const entry of batch) {
        const broken =
          BigInt(entry.seq) !== expectedSeq ||
          entry.prevHash !== prevHash ||
          entry.hash !== entryHash(prevHash, entryContent(entry));
        if (broken) return { entries, firstBrokenSeq: Number(expectedSeq) };
        prevHash = entry.hash;
        expectedSeq += 1n;
        entries += 1;
      }
      if (batch.length < VERIFY_BATCH) break;
    }
    const head = await manager.getRepository(AuditChainHead).findOneByOrFail({ id: 1 });
    // Entries removed from the end (or a head moved) show as a head that the chain does not reach.
    if (head.hash !== prevHash || BigInt(head.seq) !== expectedSeq - 1n) {
      return { entries, firstBrokenSeq: Number(expectedSeq) };
    }
    return { entries, firstBrokenSeq: null };
  }

  entriesFor(subjectType: string, subjectId: string): Promise<AuditEntry[]> {
    return this.dataSource
      .getRepository(AuditEntry)
      .find({ where: { subjectType, subjectId }, order: { seq: 'ASC' } });
  }
}
