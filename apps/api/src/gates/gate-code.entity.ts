import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { Gate } from '../enterprises/gate.entity';
import { Enterprise } from '../enterprises/enterprise.entity';

/** One issued version of a gate's 执法打卡码. Re-issuing revokes the older version. */
@Entity('gate_code')
@Index(['gateId', 'version'], { unique: true })
@Index('UQ_gate_code_active', ['gateId'], { unique: true, where: 'revoked_at IS NULL' })
export class GateCode {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @ManyToOne(() => Gate, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'gate_id' })
  gate?: Gate;

  @Column({ name: 'gate_id', type: 'uuid' })
  gateId: string;

  @ManyToOne(() => Enterprise, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'enterprise_id' })
  enterprise?: Enterprise;

  @Column({ name: 'enterprise_id', type: 'uuid' })
  enterpriseId: string;

  @Column({ type: 'integer' })
  version: number;

  @Column({ name: 'key_id', type: 'smallint' })
  keyId: number;

  /** The text the QR code encodes (the https URL with the signed token). */
  @Column({ type: 'text' })
  code: string;

  @CreateDateColumn({ name: 'issued_at', type: 'timestamptz' })
  issuedAt: Date;

  @Column({ name: 'issued_by', type: 'uuid', nullable: true })
  issuedBy: string | null;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt: Date | null;
}
