import { UNIT_LEVELS, type UnitLevel } from '@qinqing/domain';
import { sqlList } from '../common/sql';
import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
} from 'typeorm';

export { UNIT_LEVELS, type UnitLevel };

/** An agency unit: 执法支队 (detachment) → 分局 (branch) / 大队 (brigade). */
@Entity('unit')
@Check('CHK_unit_level', `level IN (${sqlList(UNIT_LEVELS)})`)
export class Unit {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index({ unique: true })
  @Column({ type: 'varchar', length: 32 })
  code: string;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Column({ type: 'varchar', length: 16 })
  level: UnitLevel;

  @Column({ name: 'parent_id', type: 'uuid', nullable: true })
  parentId: string | null;

  @ManyToOne(() => Unit, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'parent_id' })
  parent?: Relation<Unit> | null;

  /** false: retired (撤销); kept for the history that names it, offered for nothing new. */
  @Column({ type: 'boolean', default: true })
  active: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
