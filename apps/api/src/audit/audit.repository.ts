import { Injectable } from '@nestjs/common';
import type { AuditChainHeadMark } from '@qinqing/domain';
import { DataSource } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { sqlOf, type Tx } from '../database/transactions';
import { AuditChainHead, AuditEntry } from './audit-entry.entity';
import { AuditChainCheck } from './chain-check.entity';
import { AuditCheckpointRow } from './checkpoint.entity';
import {
  rowsWithDigestsSql,
  toRowStates,
  vanishedRowsSql,
  type AuditedTable,
  type RowSelection,
  type RowState,
} from './row-digest';

/** Anything that runs SQL: a DataSource, an EntityManager, a QueryRunner. */
export interface Queryable {
  query(sql: string, params?: unknown[]): Promise<unknown>;
}

/**
 * Rows of a table with their digest now and the digest in their latest audit entry, read in one
 * statement (row-digest.ts). Takes any queryable: the migration that first digested rows runs it
 * on its QueryRunner.
 */
export async function rowsWithDigests(
  db: Queryable,
  table: AuditedTable,
  select: RowSelection,
  options: { audited?: boolean } = {},
): Promise<RowState[]> {
  const { sql, params } = rowsWithDigestsSql(table, select, options);
  return toRowStates(table, (await db.query(sql, params)) as Record<string, unknown>[]);
}

/** A chain's head: its last entry's seq (bigint as text, '0' while empty) and hash. */
export interface ChainHeadRow {
  id: number;
  seq: string;
  hash: string;
}

/** An entry's place in its chain and its hash (what a checkpoint vouches for). */
export interface ChainEntryMark {
  chain: number;
  seq: string;
  hash: string;
}

/** An audit entry as append writes it (the id comes from the insert). */
export type NewAuditEntry = Omit<AuditEntry, 'id'>;

/** A signed checkpoint as stored. */
export type NewCheckpoint = Omit<AuditCheckpointRow, 'id'>;

/** A chain check's result as stored. */
export type NewChainCheck = Omit<AuditChainCheck, 'id'>;

/**
 * The audit log's tables: entries and their chain heads (audit_entry, audit_chain_head), signed
 * checkpoints (audit_checkpoint) and chain checks (audit_chain_check).
 */
@Injectable()
export class AuditRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Locks the head of the chain a key number picks (key mod the number of chains) until the
   * transaction ends: the chain's writers go one at a time. Undefined when the heads are not
   * numbered 0 … N − 1.
   */
  async lockChainHead(keyNumber: number, tx: Tx): Promise<ChainHeadRow | undefined> {
    const [head]: ChainHeadRow[] = await sqlOf(this.dataSource, tx).query(
      `SELECT id, seq::text AS seq, hash FROM audit_chain_head
        WHERE id = $1::bigint % (SELECT count(*) FROM audit_chain_head) FOR UPDATE`,
      [keyNumber],
    );
    return head;
  }

  /**
   * The digest of one audited row now (a visit's read from its month alone when its partition key
   * is given); throws when the row is missing.
   */
  async currentRowDigest(
    { table, id, partitionKey }: { table: AuditedTable; id: string; partitionKey?: string },
    tx?: Tx,
  ): Promise<string> {
    // The row alone: its latest entry's digest is not needed here (and would be looked for in every
    // month of audit_entry).
    const [row] = await rowsWithDigests(
      sqlOf(this.dataSource, tx),
      table,
      { ids: [id], partitionKey },
      { audited: false },
    );
    if (!row) throw new Error(`audit: no ${table} row ${id} to digest`);
    return row.digest;
  }

  /** Inserts an entry (its chain's head locked by the caller) and answers it with its id. */
  async insertEntry(fields: NewAuditEntry, tx: Tx): Promise<AuditEntry> {
    const manager = sqlOf(this.dataSource, tx);
    const entry = manager.create(AuditEntry, fields);
    await manager.insert(AuditEntry, entry as QueryDeepPartialEntity<AuditEntry>);
    return entry;
  }

  /** Moves a chain's head to its new last entry. */
  async moveChainHead(chain: number, seq: string, hash: string, tx: Tx): Promise<void> {
    await sqlOf(this.dataSource, tx).update(AuditChainHead, { id: chain }, { seq, hash });
  }

  /** Every chain that has a head or an entry (an entry without its head is a broken chain). */
  async chainNumbers(tx?: Tx): Promise<number[]> {
    const rows: { chain: number }[] = await sqlOf(this.dataSource, tx).query(
      `SELECT id AS chain FROM audit_chain_head
        UNION SELECT DISTINCT chain FROM audit_entry ORDER BY chain`,
    );
    return rows.map((r) => r.chain);
  }

  /** Up to `limit` entries of a chain from seq `from` on, in seq order. */
  entriesOfChain(chain: number, from: bigint, limit: number, tx?: Tx): Promise<AuditEntry[]> {
    return sqlOf(this.dataSource, tx)
      .getRepository(AuditEntry)
      .createQueryBuilder('e')
      .where('e.chain = :chain AND e.seq >= :from', { chain, from: String(from) })
      .orderBy('e.seq', 'ASC')
      .limit(limit)
      .getMany();
  }

  /** A chain's head row (null: none). */
  chainHead(chain: number, tx?: Tx): Promise<AuditChainHead | null> {
    return sqlOf(this.dataSource, tx).getRepository(AuditChainHead).findOneBy({ id: chain });
  }

  /** Every chain's head now that has an entry, and chain 0's whatever it holds; by chain. */
  async headsForCheckpoint(tx?: Tx): Promise<ChainEntryMark[]> {
    return sqlOf(this.dataSource, tx).query(
      `SELECT id AS chain, seq::text AS seq, hash FROM audit_chain_head
        WHERE id = 0 OR seq > 0 ORDER BY id`,
    );
  }

  /** The entries at the given places (chain, seq), with their hashes: those that exist. */
  entriesAt(marks: AuditChainHeadMark[], tx?: Tx): Promise<ChainEntryMark[]> {
    return sqlOf(this.dataSource, tx).query(
      `SELECT e.chain, e.seq::text AS seq, e.hash FROM audit_entry e
         JOIN unnest($1::smallint[], $2::bigint[]) AS w(chain, seq)
           ON e.chain = w.chain AND e.seq = w.seq`,
      [marks.map((m) => m.chain), marks.map((m) => String(m.seq))],
    );
  }

  /** Rows of an audited table with their digests now and in their latest entries. */
  rowsWithDigests(table: AuditedTable, select: RowSelection, tx?: Tx): Promise<RowState[]> {
    return rowsWithDigests(sqlOf(this.dataSource, tx), table, select);
  }

  /** Ids named by audit entries of a table whose row no longer exists. */
  async vanishedRows(table: AuditedTable, tx?: Tx): Promise<string[]> {
    const { sql, params } = vanishedRowsSql(table);
    const rows: { id: string }[] = await sqlOf(this.dataSource, tx).query(sql, params);
    return rows.map((r) => r.id);
  }

  /** A subject's entries as written (all chains). */
  entriesFor(subjectType: string, subjectId: string, tx?: Tx): Promise<AuditEntry[]> {
    return sqlOf(this.dataSource, tx)
      .getRepository(AuditEntry)
      .find({ where: { subjectType, subjectId }, order: { id: 'ASC' } });
  }

  async insertCheckpoint(checkpoint: NewCheckpoint, tx?: Tx): Promise<void> {
    await sqlOf(this.dataSource, tx).getRepository(AuditCheckpointRow).insert(checkpoint);
  }

  /** The latest stored checkpoint (null: none yet). */
  async latestCheckpoint(tx?: Tx): Promise<AuditCheckpointRow | null> {
    const [row] = await sqlOf(this.dataSource, tx)
      .getRepository(AuditCheckpointRow)
      .find({ order: { id: 'DESC' }, take: 1 });
    return row ?? null;
  }

  /** The stored checkpoints a verification compares: the last of each day and the newest `recent`. */
  checkpointsForVerification(recent: number, tx?: Tx): Promise<AuditCheckpointRow[]> {
    return sqlOf(this.dataSource, tx).query(
      `SELECT id, seq::text AS seq, hash, chains, at, key_id AS "keyId", signature FROM audit_checkpoint
        WHERE id IN (SELECT DISTINCT ON (left(at, 10)) id FROM audit_checkpoint
                      ORDER BY left(at, 10), id DESC)
           OR id IN (SELECT id FROM audit_checkpoint ORDER BY id DESC LIMIT $1)
        ORDER BY id`,
      [recent],
    );
  }

  async insertChainCheck(check: NewChainCheck, tx?: Tx): Promise<void> {
    await sqlOf(this.dataSource, tx).getRepository(AuditChainCheck).insert(check);
  }

  /** The newest stored chain check, or the newest failed one (`failedOnly`); null: none. */
  latestChainCheck(
    { failedOnly }: { failedOnly: boolean },
    tx?: Tx,
  ): Promise<AuditChainCheck | null> {
    return sqlOf(this.dataSource, tx)
      .getRepository(AuditChainCheck)
      .findOne({
        where: failedOnly ? { ok: false } : {},
        order: { checkedAt: 'DESC', id: 'DESC' },
      });
  }
}
