import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { VisitKey } from './visit-key.entity';
import { User } from '../users/user.entity';

/** The officers of a visit: the lead who scanned and the co-officers named. */
@Entity('visit_officer')
@Index(['officerId'])
export class VisitOfficer {
  @ManyToOne(() => VisitKey, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'visit_id' })
  visit?: VisitKey;

  @PrimaryColumn({ name: 'visit_id', type: 'uuid' })
  visitId: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'officer_id' })
  officer?: User;

  @PrimaryColumn({ name: 'officer_id', type: 'uuid' })
  officerId: string;

  @Column({ name: 'is_lead', type: 'boolean' })
  isLead: boolean;
}
