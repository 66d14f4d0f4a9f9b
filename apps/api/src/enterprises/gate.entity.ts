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

/** A factory gate where the check-in code hangs, with its geofence. */
@Entity('gate')
export class Gate {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column({ name: 'enterprise_id', type: 'uuid' })
  enterpriseId: string;

  @ManyToOne(() => Enterprise, (enterprise) => enterprise.gates, {
    onDelete: 'CASCADE',
  })
  @JoinColumn({ name: 'enterprise_id' })
  enterprise?: Relation<Enterprise>;

  @Column({ type: 'varchar', length: FIELD_LIMITS.gateName })
  name: string;

  @Column({ type: 'double precision' })
  lat: number;

  @Column({ type: 'double precision' })
  lng: number;

  /** Geofence radius in metres; null means the policy's default radius. */
  @Column({ name: 'radius_m', type: 'integer', nullable: true })
  radiusM: number | null;
}
