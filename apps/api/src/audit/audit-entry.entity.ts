import type { AuditedTable } from '@qinqing/domain';
import { Check, Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One entry of the append-only, hash-chained audit log. Written only by AuditService; a database
 * trigger rejects UPDATE, DELETE and TRUNCATE. An entry that writes an audited row (row-digest.ts)
 * names it and carries the digest of its state after the change; the entry's hash covers them.
 *
 * The log is several chains (one head row each, audit_chain_head): an entry is link `seq` of chain
 * `chain`; `id` orders all entries of all chains as they were written (it is not hashed).
 *
 * Partitioned by calendar month of `at` (migration MonthlyPartitions): the primary key is (id, at),
 * and (chain, seq) is unique within each partition (an index the partition function makes), not
 * across them: the chain head's row lock keeps a chain from forking, verify finds one that did.
 */
@Entity('audit_entry')
@Index('IDX_audit_entry_row', ['rowTable', 'rowId', 'id'])
@Check(
  'CHK_audit_entry_row',
  '(row_table IS NULL) = (row_id IS NULL) AND (row_table IS NULL) = (row_digest IS NULL)',
)
export class AuditEntry {
  /** the global write order across chains (entries written before the split: their seq) */
  @PrimaryGeneratedColumn({ type: 'bigint', primaryKeyConstraintName: 'PK_audit_entry' })
  id: string;

  /** the chain (0 … number of heads − 1); entries written before the split are chain 0 */
  @Column({ type: 'smallint', default: 0 })
  chain: number;

  /** the link's number within its chain (1 is the chain's first entry) */
  @Column({ type: 'bigint' })
  seq: string;

  /** when the entry was written; the partition key (hence part of the primary key) */
  @PrimaryColumn({ type: 'timestamptz', primaryKeyConstraintName: 'PK_audit_entry' })
  at: Date;

  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId: string | null;

  @Column({ type: 'varchar', length: 40 })
  action: string;

  @Column({ name: 'subject_type', type: 'varchar', length: 30 })
  subjectType: string;

  @Column({ name: 'subject_id', type: 'varchar', length: 64, nullable: true })
  subjectId: string | null;

  @Column({ type: 'jsonb' })
  data: Record<string, unknown>;

  @Column({ name: 'prev_hash', type: 'char', length: 64 })
  prevHash: string;

  @Column({ type: 'char', length: 64 })
  hash: string;

  /** the audited table whose row this entry writes (null: the entry writes no audited row) */
  @Column({ name: 'row_table', type: 'varchar', length: 30, nullable: true })
  rowTable: AuditedTable | null;

  @Column({ name: 'row_id', type: 'uuid', nullable: true })
  rowId: string | null;

  /** SHA-256 of the row's state after this entry's change (row-digest.ts) */
  @Column({ name: 'row_digest', type: 'char', length: 64, nullable: true })
  rowDigest: string | null;
}

/**
 * One row per chain (id = the chain number, 0 … N − 1): its last link, locked by each writer of
 * that chain, so a chain neither forks nor has gaps while writers of other chains go on.
 */
@Entity('audit_chain_head')
@Check('CHK_audit_chain_head_id', 'id >= 0')
export class AuditChainHead {
  @PrimaryColumn({ type: 'smallint' })
  id: number;

  @Column({ type: 'bigint' })
  seq: string;

  @Column({ type: 'char', length: 64 })
  hash: string;
}
