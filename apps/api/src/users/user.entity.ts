import { sqlList } from '../common/sql';
import { ROLES, type Role } from '@qinqing/domain';
import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  type Relation,
} from 'typeorm';
import { Unit } from '../units/unit.entity';

/**
 * An account of any role. Officers carry a unit and a badge number (执法证号); supervisors a
 * jurisdiction (a unit subtree); enterprise users are bound to firms through EnterpriseMember.
 */
@Entity('app_user')
@Check('CHK_app_user_role', `role IN (${sqlList(ROLES)})`)
export class User {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index({ unique: true })
  @Column({ type: 'varchar', length: 64 })
  username: string;

  @Column({ name: 'password_hash', type: 'text', select: false })
  passwordHash: string;

  @Column({ type: 'varchar', length: 16 })
  role: Role;

  @Column({ type: 'varchar', length: 64 })
  name: string;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  /** Signed in with a one-time password: every route but the password change answers 403. */
  @Column({ name: 'must_change_password', type: 'boolean', default: false })
  mustChangePassword: boolean;

  /**
   * Carried in every token; raised by a password reset or change and by a deactivation, so the
   * authenticator refuses the tokens issued before (the account's other sessions end at once).
   */
  @Column({ name: 'credentials_version', type: 'integer', default: 0 })
  credentialsVersion: number;

  @Column({ type: 'varchar', length: 20, nullable: true })
  phone: string | null;

  @Column({ name: 'unit_id', type: 'uuid', nullable: true })
  unitId: string | null;

  @ManyToOne(() => Unit, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'unit_id' })
  unit?: Relation<Unit> | null;

  @Index({ unique: true, where: 'badge_number IS NOT NULL' })
  @Column({ name: 'badge_number', type: 'varchar', length: 32, nullable: true })
  badgeNumber: string | null;

  @Column({ name: 'jurisdiction_unit_id', type: 'uuid', nullable: true })
  jurisdictionUnitId: string | null;

  @ManyToOne(() => Unit, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'jurisdiction_unit_id' })
  jurisdictionUnit?: Relation<Unit> | null;

  /** The WeChat mini-program openid bound to this account (微信登录), if any. */
  @Index({ unique: true, where: 'wechat_openid IS NOT NULL' })
  @Column({ name: 'wechat_openid', type: 'varchar', length: 64, nullable: true, select: false })
  wechatOpenid: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
