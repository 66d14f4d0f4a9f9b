import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** The officers of a visit: the lead who scanned and the co-officers named. */
@Entity('visit_officer')
@Index(['officerId'])
export class VisitOfficer {
  @PrimaryColumn({ name: 'visit_id', type: 'uuid' })
  visitId: string;

  @PrimaryColumn({ name: 'officer_id', type: 'uuid' })
  officerId: string;

  @Column({ name: 'is_lead', type: 'boolean' })
  isLead: boolean;
}
