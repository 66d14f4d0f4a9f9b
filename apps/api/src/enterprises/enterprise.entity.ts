import { sqlList } from '../common/sql';
import {
  CREDIT_GRADES,
  FIELD_LIMITS,
  SUPERVISION_CLASSES,
  type CreditGrade,
  type SupervisionClass,
} from '@qinqing/domain';
import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  OneToMany,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  type Relation,
} from 'typeorm';
import { Unit } from '../units/unit.entity';
import { User } from '../users/user.entity';
import { Gate } from './gate.entity';
import { PositiveListEntry } from './positive-list-entry.entity';

/** A supervised firm (企业). `unitId` is the unit responsible for its supervision. */
@Entity('enterprise')
@Check('CHK_enterprise_credit_grade', `credit_grade IN (${sqlList(CREDIT_GRADES)})`)
@Check('CHK_enterprise_supervision_class', `supervision_class IN (${sqlList(SUPERVISION_CLASSES)})`)
export class Enterprise {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** 统一社会信用代码, validated by checkUscc before it is stored. */
  @Index({ unique: true })
  @Column({ type: 'char', length: 18 })
  uscc: string;

  @Column({ type: 'varchar', length: FIELD_LIMITS.enterpriseName })
  name: string;

  @Column({ type: 'varchar', length: FIELD_LIMITS.enterpriseAddress, default: '' })
  address: string;

  @Column({ type: 'varchar', length: FIELD_LIMITS.enterpriseDistrict, default: '' })
  district: string;

  @Column({ type: 'varchar', length: FIELD_LIMITS.enterpriseIndustry, default: '' })
  industry: string;

  @Column({
    name: 'credit_grade',
    type: 'varchar',
    length: 24,
    default: 'UNRATED',
  })
  creditGrade: CreditGrade;

  @Column({
    name: 'supervision_class',
    type: 'varchar',
    length: 16,
    default: 'GENERAL',
  })
  supervisionClass: SupervisionClass;

  @Index()
  @Column({ name: 'unit_id', type: 'uuid' })
  unitId: string;

  @ManyToOne(() => Unit, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'unit_id' })
  unit?: Relation<Unit>;

  /** 生态环境服务联络员 */
  @Column({ name: 'liaison_officer_id', type: 'uuid', nullable: true })
  liaisonOfficerId: string | null;

  @ManyToOne(() => User, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'liaison_officer_id' })
  liaisonOfficer?: Relation<User> | null;

  @OneToMany(() => Gate, (gate) => gate.enterprise)
  gates?: Relation<Gate[]>;

  @OneToMany(() => PositiveListEntry, (entry) => entry.enterprise)
  positiveListEntries?: Relation<PositiveListEntry[]>;

  /**
   * Bumped by every check-in recorded at the firm: a check-in writes only if it is still the number
   * its context read, so that check-ins at one firm are judged one after the other
   * (CheckInRepository.record). Not the firm's data: not read with it, and written by that
   * statement alone.
   */
  @Column({
    name: 'check_in_seq',
    type: 'bigint',
    default: 0,
    select: false,
    insert: false,
    update: false,
  })
  checkInSeq?: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
