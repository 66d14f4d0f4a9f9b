import { FIELD_LIMITS } from '@qinqing/domain';
import {
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
} from 'typeorm';
import { Enterprise } from './enterprise.entity';

/**
 * Membership of a firm in the 正面清单 (positive list) over a period: a fact with a history.
 * The membership in force on a day is the entry with effectiveFrom <= day < effectiveTo (or open).
 */
@Entity('positive_list_entry')
@Index(['enterpriseId', 'effectiveFrom'])
export class PositiveListEntry {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'enterprise_id', type: 'uuid' })
  enterpriseId: string;

  @ManyToOne(() => Enterprise, (enterprise) => enterprise.positiveListEntries, {
    onDelete: 'CASCADE',
  })
  @JoinColumn({ name: 'enterprise_id' })
  enterprise?: Relation<Enterprise>;

  /** e.g. 第一批 */
  @Column({ type: 'varchar', length: FIELD_LIMITS.positiveListBatch })
  batch: string;

  @Column({ name: 'effective_from', type: 'date' })
  effectiveFrom: string;

  @Column({ name: 'effective_to', type: 'date', nullable: true })
  effectiveTo: string | null;

  @Column({ name: 'removal_reason', type: 'text', nullable: true })
  removalReason: string | null;
}
