import { SPOT_CHECK_RESULTS, type SpotCheckResult } from '@qinqing/domain';
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
import { sqlList } from '../common/sql';
import { Unit } from '../units/unit.entity';
import { User } from '../users/user.entity';
import { Rating } from './rating.entity';

/**
 * A month's 抽查 of ratings in a jurisdiction: the sample is seededSample(poolRatingIds, seed,
 * sampleSize), published with its inputs so anyone can re-draw it. One per jurisdiction and month.
 */
@Entity('rating_spot_check')
@Index('UQ_rating_spot_check_unit_month', ['unitId', 'month'], { unique: true })
@Check('CHK_rating_spot_check_month', `month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'`)
export class RatingSpotCheck {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'char', length: 7 })
  month: string;

  @ManyToOne(() => Unit, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'unit_id' })
  unit?: Unit;

  @Column({ name: 'unit_id', type: 'uuid' })
  unitId: string;

  @Column({ type: 'varchar', length: 64 })
  seed: string;

  @Column({ name: 'sample_size', type: 'integer' })
  sampleSize: number;

  @Column({ name: 'pool_rating_ids', type: 'jsonb' })
  poolRatingIds: string[];

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'created_by' })
  creator?: User;

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy: string;
}

/** A drawn rating and what the phone call found. */
@Entity('rating_spot_check_item')
@Check(
  'CHK_rating_spot_check_result',
  `result IS NULL OR result IN (${sqlList(SPOT_CHECK_RESULTS)})`,
)
export class RatingSpotCheckItem {
  @ManyToOne(() => RatingSpotCheck, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'check_id' })
  check?: RatingSpotCheck;

  @PrimaryColumn({ name: 'check_id', type: 'uuid' })
  checkId: string;

  @ManyToOne(() => Rating, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'rating_id' })
  rating?: Rating;

  @PrimaryColumn({ name: 'rating_id', type: 'uuid' })
  ratingId: string;

  @Column({ type: 'integer' })
  rank: number;

  @Column({ type: 'varchar', length: 12, nullable: true })
  result: SpotCheckResult | null;

  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Column({ name: 'verified_at', type: 'timestamptz', nullable: true })
  verifiedAt: Date | null;

  @Column({ name: 'verified_by', type: 'uuid', nullable: true })
  verifiedBy: string | null;
}
