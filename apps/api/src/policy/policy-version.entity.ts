import type { CheckInPolicy } from '@qinqing/domain';
import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** An immutable version of the check-in policy; the newest one created before a visit judges it. */
@Entity('policy_version')
export class PolicyVersion {
  @PrimaryColumn({ type: 'integer' })
  version: number;

  @Column({ type: 'jsonb' })
  body: CheckInPolicy;

  @Column({ type: 'text', default: '' })
  note: string;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
