import type { ChainVerification } from '@qinqing/domain';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * What a check found besides the totals of the walk (kept with it, so the desk shows it later):
 * each chain's walk and the first broken chain are absent in checks made before the log was split.
 */
export type ChainCheckDetails = Partial<
  Pick<
    ChainVerification,
    | 'chains'
    | 'firstBrokenChain'
    | 'rowsChecked'
    | 'rowMismatchCount'
    | 'rowMismatches'
    | 'checkpointsChecked'
    | 'checkpointConflicts'
    | 'rejectedCheckpoints'
  >
>;

/** The result of one walk of the audit chain (on demand or scheduled): the desk alerts on failures. */
@Entity('audit_chain_check')
@Index(['checkedAt'])
export class AuditChainCheck {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ name: 'checked_at', type: 'timestamptz' })
  checkedAt: Date;

  @Column({ type: 'boolean' })
  ok: boolean;

  @Column({ type: 'integer' })
  entries: number;

  @Column({ name: 'first_broken_seq', type: 'bigint', nullable: true })
  firstBrokenSeq: string | null;

  /** rows, row mismatches, checkpoints and conflicts ({} for checks made before rows were digested) */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  details: ChainCheckDetails;

  /** null for the scheduled check */
  @Column({ name: 'requested_by', type: 'uuid', nullable: true })
  requestedBy: string | null;
}
