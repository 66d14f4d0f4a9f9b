import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * One run of a periodic job, claimed by the instance that did it: the (job, slot) key makes each
 * slot of a job's schedule run once however many API instances fire for it. Kept for a week.
 */
@Entity('job_run')
export class JobRun {
  @PrimaryColumn({ type: 'varchar', length: 40 })
  job: string;

  /** the scheduled moment this run is for (a multiple of the job's interval) */
  @PrimaryColumn({ type: 'timestamptz' })
  slot: Date;

  /** which process ran it: host name and process id */
  @Column({ type: 'varchar', length: 120 })
  instance: string;

  @Column({ name: 'started_at', type: 'timestamptz' })
  startedAt: Date;

  @Column({ name: 'finished_at', type: 'timestamptz' })
  finishedAt: Date;

  /** what the run did, e.g. {"closed": 3} */
  @Column({ type: 'jsonb' })
  result: Record<string, unknown>;
}
