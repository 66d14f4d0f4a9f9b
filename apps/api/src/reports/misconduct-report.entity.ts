import {
  REPORT_OUTCOMES,
  REPORT_STATUSES,
  type MisconductCategory,
  type ReportOutcome,
  type ReportStatus,
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
import { VisitKey } from '../visits/visit-key.entity';
import { Unit } from '../units/unit.entity';
import { sqlList } from '../common/sql';
import { Enterprise } from '../enterprises/enterprise.entity';
import { User } from '../users/user.entity';

/**
 * 监督举报: a firm's report of misconduct by a visit's officers or one officer. Only supervisors
 * (of `unitId`'s jurisdiction) and the reporting firm see it; never the reported officer.
 */
@Entity('misconduct_report')
@Check('CHK_report_status', `status IN (${sqlList(REPORT_STATUSES)})`)
@Check('CHK_report_outcome', `outcome IS NULL OR outcome IN (${sqlList(REPORT_OUTCOMES)})`)
@Check('CHK_report_concluded', `(status = 'CONCLUDED') = (outcome IS NOT NULL)`)
@Index('IDX_report_unit_time', ['unitId', 'createdAt'])
@Index('IDX_report_enterprise_time', ['enterpriseId', 'createdAt'])
export class MisconductReport {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @ManyToOne(() => Enterprise, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'enterprise_id' })
  enterprise?: Enterprise;

  @Column({ name: 'enterprise_id', type: 'uuid' })
  enterpriseId: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'reporter_id' })
  reporter?: User;

  @Column({ name: 'reporter_id', type: 'uuid' })
  reporterId: string;

  @ManyToOne(() => VisitKey, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'visit_id' })
  visit?: VisitKey;

  @Column({ name: 'visit_id', type: 'uuid', nullable: true })
  visitId: string | null;

  @ManyToOne(() => User, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'officer_id' })
  officer?: User | null;

  @Column({ name: 'officer_id', type: 'uuid', nullable: true })
  officerId: string | null;

  @ManyToOne(() => Unit, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'unit_id' })
  unit?: Unit;

  /** the unit answerable: the visit's, else the officer's, else the firm's */
  @Column({ name: 'unit_id', type: 'uuid' })
  unitId: string;

  @Column({ type: 'jsonb' })
  categories: MisconductCategory[];

  @Column({ type: 'text' })
  description: string;

  @Column({ type: 'varchar', length: 14, default: 'RECEIVED' })
  status: ReportStatus;

  @Column({ type: 'varchar', length: 24, nullable: true })
  outcome: ReportOutcome | null;

  @Column({ type: 'text', nullable: true })
  conclusion: string | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

/** A photo attached to a report (JPEG or PNG, checked by its bytes). */
@Entity('report_photo')
export class ReportPhoto {
  @ManyToOne(() => MisconductReport, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'report_id' })
  report?: MisconductReport;

  @PrimaryColumn({ name: 'report_id', type: 'uuid' })
  reportId: string;

  @PrimaryColumn({ type: 'smallint' })
  index: number;

  @Column({ name: 'content_type', type: 'varchar', length: 20 })
  contentType: string;

  @Column({ type: 'bytea' })
  data: Buffer;
}

/** One step of a report's workflow (also an audit entry). */
@Entity('report_event')
@Check('CHK_report_event_status', `status IN (${sqlList(REPORT_STATUSES)})`)
@Index(['reportId', 'at'])
export class ReportEvent {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @ManyToOne(() => MisconductReport, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'report_id' })
  report?: MisconductReport;

  @Column({ name: 'report_id', type: 'uuid' })
  reportId: string;

  @Column({ type: 'varchar', length: 14 })
  status: ReportStatus;

  @Column({ type: 'text', default: '' })
  note: string;

  @Column({ type: 'timestamptz' })
  at: Date;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'by_id' })
  by?: User;

  @Column({ name: 'by_id', type: 'uuid' })
  byId: string;
}
