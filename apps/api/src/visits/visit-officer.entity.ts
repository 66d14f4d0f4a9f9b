import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Visit } from './visit.entity';
import { User } from '../users/user.entity';

/** The officers of a visit: the lead who scanned and the co-officers named. */
@Entity('visit_officer')
@Index(['officerId'])
export class VisitOfficer {
  @ManyToOne(() => Visit, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'visit_id' })
  visit?: Visit;

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
