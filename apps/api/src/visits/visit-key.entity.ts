import { FIELD_LIMITS, type CheckInOutcome, type Purpose } from '@qinqing/domain';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * The keys of every visit, unique across all of visit's monthly partitions (a partitioned table's
 * unique keys must contain its partition key, checked_in_at), and what the check-in rules read of
 * it. A trigger on visit writes the row as the visit is inserted; nothing else writes here, and
 * nothing changes it. The keys that name a visit (visit_officer, rating, follow_up_case,
 * misconduct_report) reference this table; `checkedInAt` finds the visit's partition. See
 * docs/partitioning.md.
 */
@Entity('visit_key')
@Index('UQ_visit_key_client_id', ['clientId'], { unique: true })
@Index('IDX_visit_key_enterprise_time', ['enterpriseId', 'checkedInAt'])
export class VisitKey {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'PK_visit_key' })
  id: string;

  /** the phone's idempotency key of the check-in: a second use fails on this unique index */
  @Column({ name: 'client_id', type: 'uuid' })
  clientId: string;

  @Column({ name: 'checked_in_at', type: 'timestamptz' })
  checkedInAt: Date;

  /** the lead officer: a replay of the clientId is his alone (CheckInRepository) */
  @Column({ name: 'officer_id', type: 'uuid' })
  officerId: string;

  /*
   * The visit's facts the rules read, copied from it: a firm's visits around a scan are read here
   * (CheckInRepository), in one index, not across the months of `visit` (migration
   * VisitKeyRuleFacts).
   */

  @Column({ name: 'enterprise_id', type: 'uuid', nullable: true })
  enterpriseId: string | null;

  @Column({ name: 'unit_id', type: 'uuid' })
  unitId: string;

  @Column({ type: 'varchar', length: 32 })
  purpose: Purpose;

  @Column({ type: 'varchar', length: FIELD_LIMITS.visitReference, nullable: true })
  reference: string | null;

  @Column({ type: 'varchar', length: 10 })
  outcome: CheckInOutcome;
}
