import {
  FOLLOW_UP_CONTACT_METHODS,
  FOLLOW_UP_FINDINGS,
  FOLLOW_UP_STATUSES,
  type FollowUpContactMethod,
  type FollowUpFinding,
  type FollowUpStatus,
} from '@qinqing/domain';
import {
  Check,
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  OneToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { VisitKey } from '../visits/visit-key.entity';
import { Unit } from '../units/unit.entity';
import { Enterprise } from '../enterprises/enterprise.entity';
import { sqlList } from '../common/sql';
import { User } from '../users/user.entity';
import { Rating } from './rating.entity';

/** 回访核实: opened by a rating with 差 anywhere, due after the policy's deadline. */
@Entity('follow_up_case')
@Check('CHK_follow_up_status', `status IN (${sqlList(FOLLOW_UP_STATUSES)})`)
@Check('CHK_follow_up_finding', `finding IS NULL OR finding IN (${sqlList(FOLLOW_UP_FINDINGS)})`)
@Check(
  'CHK_follow_up_closed',
  `(status = 'OPEN') = (closed_at IS NULL) AND (status = 'OPEN' OR (finding IS NOT NULL AND resolution IS NOT NULL))`,
)
@Index('IDX_follow_up_unit_status', ['unitId', 'status', 'dueAt'])
export class FollowUpCase {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @OneToOne(() => Rating, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'rating_id' })
  rating?: Rating;

  @Index({ unique: true })
  @Column({ name: 'rating_id', type: 'uuid' })
  ratingId: string;

  @ManyToOne(() => VisitKey, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'visit_id' })
  visit?: VisitKey;

  @Column({ name: 'visit_id', type: 'uuid' })
  visitId: string;

  @ManyToOne(() => Enterprise, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'enterprise_id' })
  enterprise?: Enterprise;

  @Column({ name: 'enterprise_id', type: 'uuid' })
  enterpriseId: string;

  @ManyToOne(() => Unit, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'unit_id' })
  unit?: Unit;

  /** the visit's unit (supervisors' scope) */
  @Column({ name: 'unit_id', type: 'uuid' })
  unitId: string;

  @Column({ type: 'varchar', length: 10, default: 'OPEN' })
  status: FollowUpStatus;

  @Column({ name: 'opened_at', type: 'timestamptz' })
  openedAt: Date;

  @Column({ name: 'due_at', type: 'timestamptz' })
  dueAt: Date;

  @Column({ type: 'varchar', length: 20, nullable: true })
  finding: FollowUpFinding | null;

  @Column({ type: 'text', nullable: true })
  resolution: string | null;

  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true })
  closedAt: Date | null;

  @ManyToOne(() => User, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'closed_by' })
  closer?: User | null;

  @Column({ name: 'closed_by', type: 'uuid', nullable: true })
  closedBy: string | null;
}

/** One contact with the firm while following a case up (phone call, visit …). */
@Entity('follow_up_contact')
@Check('CHK_follow_up_contact_method', `method IN (${sqlList(FOLLOW_UP_CONTACT_METHODS)})`)
@Index(['caseId', 'at'])
export class FollowUpContact {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @ManyToOne(() => FollowUpCase, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'case_id' })
  followUpCase?: FollowUpCase;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId: string;

  @Column({ type: 'timestamptz' })
  at: Date;

  @Column({ type: 'varchar', length: 10 })
  method: FollowUpContactMethod;

  @Column({ type: 'text' })
  note: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'by_id' })
  by?: User;

  @Column({ name: 'by_id', type: 'uuid' })
  byId: string;
}
