import { DRAW_STATUSES, FIELD_LIMITS, type DrawInputs, type DrawStatus } from '@qinqing/domain';
import {
  Check,
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { Unit } from '../units/unit.entity';
import { sqlList } from '../common/sql';
import { Enterprise } from '../enterprises/enterprise.entity';
import { User } from '../users/user.entity';

/**
 * A 双随机 draw. Committed first (the inputs snapshot and its hash, the seed's commitment
 * published; the seed kept back), then revealed: the seed published and the tasks made by runDraw.
 */
@Entity('draw')
@Check('CHK_draw_status', `status IN (${sqlList(DRAW_STATUSES)})`)
@Check('CHK_draw_revealed', `(status = 'REVEALED') = (revealed_at IS NOT NULL)`)
@Check('CHK_draw_period', `period_start <= period_end`)
export class Draw {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** e.g. SJ-2026-003: the year's running number */
  @Index({ unique: true })
  @Column({ type: 'varchar', length: 20 })
  number: string;

  @Column({ type: 'varchar', length: FIELD_LIMITS.drawName })
  name: string;

  @Column({ type: 'varchar', length: 10 })
  status: DrawStatus;

  @Column({ name: 'period_start', type: 'date' })
  periodStart: string;

  @Column({ name: 'period_end', type: 'date' })
  periodEnd: string;

  /** how the pool was chosen (units, districts, industries, classes), for the record */
  @Column({ name: 'pool_filter', type: 'jsonb' })
  poolFilter: Record<string, unknown>;

  @Column({ type: 'jsonb' })
  inputs: DrawInputs;

  @Column({ name: 'inputs_hash', type: 'char', length: 128 })
  inputsHash: string;

  @Column({ name: 'seed_commitment', type: 'char', length: 128 })
  seedCommitment: string;

  /** kept back until revealed; never answered before */
  @Column({ type: 'varchar', length: 64 })
  seed: string;

  @Column({ name: 'committed_at', type: 'timestamptz' })
  committedAt: Date;

  @Column({ name: 'revealed_at', type: 'timestamptz', nullable: true })
  revealedAt: Date | null;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'created_by' })
  creator?: User;

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy: string;

  @ManyToOne(() => Unit, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'unit_id' })
  unit?: Unit;

  /** the jurisdiction the draw belongs to (supervisors' scope) */
  @Column({ name: 'unit_id', type: 'uuid' })
  unitId: string;
}

/** A drawn firm with its officers: the reference a RANDOM_INSPECTION check-in names. */
@Entity('draw_task')
@Index('UQ_draw_task_number', ['drawId', 'number'], { unique: true })
export class DrawTask {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @ManyToOne(() => Draw, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'draw_id' })
  draw?: Draw;

  @Column({ name: 'draw_id', type: 'uuid' })
  drawId: string;

  @Column({ type: 'integer' })
  number: number;

  /** e.g. SJ-2026-003-07 */
  @Index({ unique: true })
  @Column({ type: 'varchar', length: 30 })
  reference: string;

  @ManyToOne(() => Enterprise, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'enterprise_id' })
  enterprise?: Enterprise;

  @Column({ name: 'enterprise_id', type: 'uuid' })
  enterpriseId: string;

  @Column({ name: 'officer_ids', type: 'jsonb' })
  officerIds: string[];

  @Column({ type: 'boolean', default: false })
  short: boolean;
}

/** An officer's declared conflict of interest with a firm (回避): never drawn for it. */
@Entity('officer_conflict')
export class OfficerConflict {
  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'officer_id' })
  officer?: User;

  @PrimaryColumn({ name: 'officer_id', type: 'uuid' })
  officerId: string;

  @ManyToOne(() => Enterprise, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'enterprise_id' })
  enterprise?: Enterprise;

  @PrimaryColumn({ name: 'enterprise_id', type: 'uuid' })
  enterpriseId: string;

  @Column({ type: 'text', default: '' })
  reason: string;

  @Column({ name: 'declared_at', type: 'timestamptz' })
  declaredAt: Date;
}
