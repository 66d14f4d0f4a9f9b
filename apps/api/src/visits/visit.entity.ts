import {
  CHECK_IN_OUTCOMES,
  FIELD_LIMITS,
  FINDINGS,
  PURPOSES,
  type CheckInOutcome,
  type DecisionReason,
  type Findings,
  type Purpose,
} from '@qinqing/domain';
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
import { User } from '../users/user.entity';
import { Unit } from '../units/unit.entity';
import { Gate } from '../enterprises/gate.entity';
import { Enterprise } from '../enterprises/enterprise.entity';
import { sqlList } from '../common/sql';
import { VisitKey } from './visit-key.entity';

/**
 * A check-in attempt and, unless refused, the visit it opened. Refused attempts are kept too:
 * supervisors audit every attempt. `clientId` (made by the phone) makes a check-in idempotent.
 *
 * Partitioned by calendar month of `checkedInAt` (migration MonthlyPartitions): the primary key is
 * (id, checked_in_at), and id and clientId are unique through `visit_key`, which a trigger fills.
 * A visit is never deleted, nor its id, clientId or checkedInAt changed (triggers refuse it).
 */
@Entity('visit')
@Check('CHK_visit_outcome', `outcome IN (${sqlList(CHECK_IN_OUTCOMES)})`)
@Check('CHK_visit_purpose', `purpose IN (${sqlList(PURPOSES)})`)
@Check('CHK_visit_findings', `findings IS NULL OR findings IN (${sqlList(FINDINGS)})`)
@Index('IDX_visit_unit_time', ['unitId', 'checkedInAt', 'id'])
@Index('IDX_visit_enterprise_time', ['enterpriseId', 'checkedInAt'])
@Index('IDX_visit_client_id', ['clientId'])
@Index('IDX_visit_time', ['checkedInAt', 'id'])
export class Visit {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_visit' })
  id: string;

  @ManyToOne(() => VisitKey, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'id', foreignKeyConstraintName: 'FK_visit_visit_key' })
  key?: VisitKey;

  /** unique through visit_key (the check-in's idempotency relies on it) */
  @Column({ name: 'client_id', type: 'uuid' })
  clientId: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'officer_id' })
  officer?: User;

  /** The officer who scanned (the lead). */
  @Column({ name: 'officer_id', type: 'uuid' })
  officerId: string;

  @ManyToOne(() => Unit, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'unit_id' })
  unit?: Unit;

  /** The lead officer's unit at the time: what an officer's and a supervisor's scope filter on. */
  @Column({ name: 'unit_id', type: 'uuid' })
  unitId: string;

  @ManyToOne(() => Enterprise, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'enterprise_id' })
  enterprise?: Enterprise;

  /** Null when the scanned code could not be verified. */
  @Column({ name: 'enterprise_id', type: 'uuid', nullable: true })
  enterpriseId: string | null;

  @ManyToOne(() => Gate, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'gate_id' })
  gate?: Gate;

  @Column({ name: 'gate_id', type: 'uuid', nullable: true })
  gateId: string | null;

  @Column({ name: 'code_version', type: 'integer', nullable: true })
  codeVersion: number | null;

  @Column({ type: 'varchar', length: 32 })
  purpose: Purpose;

  @Column({ type: 'varchar', length: FIELD_LIMITS.visitReference, nullable: true })
  reference: string | null;

  @Column({ type: 'varchar', length: 10 })
  outcome: CheckInOutcome;

  @Column({ type: 'jsonb' })
  reasons: DecisionReason[];

  @Column({ name: 'policy_version', type: 'integer' })
  policyVersion: number;

  @Column({ type: 'double precision', nullable: true })
  lat: number | null;

  @Column({ type: 'double precision', nullable: true })
  lng: number | null;

  @Column({ name: 'location_accuracy', type: 'double precision', nullable: true })
  locationAccuracy: number | null;

  @Column({ name: 'client_time', type: 'timestamptz' })
  clientTime: Date;

  @Column({ name: 'received_at', type: 'timestamptz' })
  receivedAt: Date;

  /**
   * When the visit counts as having started: the client's time unless the clock was skewed.
   * The partition key (hence part of the primary key).
   */
  @PrimaryColumn({
    name: 'checked_in_at',
    type: 'timestamptz',
    primaryKeyConstraintName: 'PK_visit',
  })
  checkedInAt: Date;

  @Column({ name: 'checked_out_at', type: 'timestamptz', nullable: true })
  checkedOutAt: Date | null;

  @Column({ type: 'varchar', length: 20, nullable: true })
  findings: Findings | null;

  @Column({ type: 'text', nullable: true })
  notes: string | null;

  @Column({ name: 'rectify_by', type: 'date', nullable: true })
  rectifyBy: string | null;

  /** Closed by the system after being left open too long. */
  @Column({ name: 'auto_closed', type: 'boolean', default: false })
  autoClosed: boolean;
}
