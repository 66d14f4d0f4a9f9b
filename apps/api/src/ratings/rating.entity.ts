import { RATING_LEVELS, type RatingLevel } from '@qinqing/domain';
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
import { Unit } from '../units/unit.entity';
import { sqlList } from '../common/sql';
import { Enterprise } from '../enterprises/enterprise.entity';
import { User } from '../users/user.entity';
import { VisitKey } from '../visits/visit-key.entity';

/**
 * A firm's 好差评 of one visit: one per visit, immutable once stored (a trigger refuses UPDATE and
 * DELETE). `unitId` is the visit's unit, what supervisors' scope filters on.
 */
@Entity('rating')
@Check('CHK_rating_overall', `overall IN (${sqlList(RATING_LEVELS)})`)
@Check('CHK_rating_items', `jsonb_typeof(items) = 'array' AND jsonb_array_length(items) = 5`)
@Index('IDX_rating_unit_time', ['unitId', 'submittedAt'])
export class Rating {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @OneToOne(() => VisitKey, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'visit_id' })
  visit?: VisitKey;

  @Index({ unique: true })
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

  @Column({ name: 'unit_id', type: 'uuid' })
  unitId: string;

  @Column({ type: 'varchar', length: 4 })
  overall: RatingLevel;

  /** the five items of the card, in the card's order */
  @Column({ type: 'jsonb' })
  items: RatingLevel[];

  @Column({ type: 'text', default: '' })
  comment: string;

  /** the handwritten signature, PNG */
  @Column({ type: 'bytea' })
  signature: Buffer;

  @Column({ name: 'signature_sha256', type: 'char', length: 64 })
  signatureSha256: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'signer_id' })
  signer?: User;

  @Column({ name: 'signer_id', type: 'uuid' })
  signerId: string;

  @Column({ name: 'submitted_at', type: 'timestamptz' })
  submittedAt: Date;
}
