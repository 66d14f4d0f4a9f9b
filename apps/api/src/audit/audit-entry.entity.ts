import type { AuditedTable } from '@qinqing/domain';
import { Check, Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * One entry of the append-only, hash-chained audit log. Written only by AuditService; a database
 * trigger rejects UPDATE, DELETE and TRUNCATE. An entry that writes an audited row (row-digest.ts)
 * names it and carries the digest of its state after the change; the entry's hash covers them.
 */
@Entity('audit_entry')
@Index('IDX_audit_entry_row', ['rowTable', 'rowId', 'seq'])
@Check(
  'CHK_audit_entry_row',
  '(row_table IS NULL) = (row_id IS NULL) AND (row_table IS NULL) = (row_digest IS NULL)',
)
export class AuditEntry {
  @PrimaryColumn({ type: 'bigint' })
  seq: string;

  @Column({ type: 'timestamptz' })
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

/** The chain's head, one row, locked by each writer: no forks, no gaps. */
@Entity('audit_chain_head')
export class AuditChainHead {
  @PrimaryColumn({ type: 'smallint' })
  id: number;

  @Column({ type: 'bigint' })
  seq: string;

  @Column({ type: 'char', length: 64 })
  hash: string;
}
