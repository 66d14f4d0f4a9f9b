import type { AuditChainHeadMark } from '@qinqing/domain';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A signed checkpoint of the audit chain (libs/domain audit-checkpoint.ts), kept append-only (a
 * trigger refuses UPDATE, DELETE and TRUNCATE). The signature is what counts: the key is not in
 * the database, so a row edited here no longer verifies.
 */
@Entity('audit_checkpoint')
@Index('IDX_audit_checkpoint_at', ['at'])
export class AuditCheckpointRow {
  @PrimaryGeneratedColumn({ type: 'bigint', primaryKeyConstraintName: 'PK_audit_checkpoint' })
  id: string;

  @Column({ type: 'bigint' })
  seq: string;

  @Column({ type: 'char', length: 64 })
  hash: string;

  /** version 2: the heads of the other chains, as signed (null: a version 1 checkpoint) */
  @Column({ type: 'jsonb', nullable: true })
  chains: AuditChainHeadMark[] | null;

  /** when it was signed, exactly as signed (ISO 8601 text: the signature covers the text) */
  @Column({ type: 'varchar', length: 30 })
  at: string;

  @Column({ name: 'key_id', type: 'smallint' })
  keyId: number;

  @Column({ type: 'varchar', length: 100 })
  signature: string;
}
