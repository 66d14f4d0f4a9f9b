import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { sqlOf, type Tx } from '../database/transactions';
import { ADVISORY_LOCK_NAMESPACE, jobLockKey } from '../database/advisory-locks';

/** job_run (one row per job and slot it ran) and the jobs' advisory locks. */
@Injectable()
export class JobRunsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Takes the job's advisory lock for the transaction (`pg_try_advisory_xact_lock`), if free. */
  async tryLock(job: string, tx: Tx): Promise<boolean> {
    const [{ locked }] = (await sqlOf(this.dataSource, tx).query(
      'SELECT pg_try_advisory_xact_lock($1, $2) AS locked',
      [ADVISORY_LOCK_NAMESPACE, jobLockKey(job)],
    )) as { locked: boolean }[];
    return locked;
  }

  /** Claims the job's slot for this instance; false when a run already claimed it. */
  async claim(job: string, slot: Date, instance: string, tx: Tx): Promise<boolean> {
    const claimed: unknown[] = await sqlOf(this.dataSource, tx).query(
      `INSERT INTO job_run (job, slot, instance, started_at, finished_at, result)
       VALUES ($1, $2, $3, clock_timestamp(), clock_timestamp(), '{}')
       ON CONFLICT (job, slot) DO NOTHING RETURNING job`,
      [job, slot, instance],
    );
    return claimed.length > 0;
  }

  /** Records the end of the slot's run and its summary. */
  async finish(job: string, slot: Date, result: Record<string, unknown>, tx: Tx): Promise<void> {
    await sqlOf(this.dataSource, tx).query(
      `UPDATE job_run SET finished_at = clock_timestamp(), result = $3 WHERE job = $1 AND slot = $2`,
      [job, slot, JSON.stringify(result)],
    );
  }

  /** Deletes the job's runs of slots before `before`. */
  async prune(job: string, before: Date, tx: Tx): Promise<void> {
    await sqlOf(this.dataSource, tx).query('DELETE FROM job_run WHERE job = $1 AND slot < $2', [
      job,
      before,
    ]);
  }
}
