import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * One entry of the append-only, hash-chained audit log. Written only by AuditService; a database
 * trigger rejects UPDATE, DELETE and TRUNCATE.
 */
@Entity('audit_entry')
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
