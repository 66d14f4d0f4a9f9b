import {
  Global,
  Injectable,
  Logger,
  Module,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import { hostname } from 'node:os';
import { DataSource, type EntityManager } from 'typeorm';
import { Env } from '../config/env';
import { ADVISORY_LOCK_NAMESPACE, jobLockKey } from '../database/advisory-locks';

/** This process among the API instances (in job_run and the logs). */
export const INSTANCE_ID = `${hostname()}#${process.pid}`;

/** How long job_run rows are kept. */
const JOB_RUN_RETENTION_MS = 7 * 24 * 3600_000;

export interface JobDefinition {
  /** e.g. `chain-check`: names the job's advisory lock and its job_run rows */
  name: string;
  /** it runs at every multiple of this on the clock (10 min: at :00, :10, …) */
  intervalMs: number;
  /**
   * Does the work inside the run's transaction, which holds the job's lock: it must use this
   * manager (on PGlite a second connection would wait for this one). Answers a summary.
   */
  run(manager: EntityManager): Promise<Record<string, unknown>>;
}

export type SlotOutcome = 'ran' | 'running-elsewhere' | 'already-ran';

/**
 * Runs periodic jobs once across API instances. Every instance keeps the schedule (either may be
 * down), firing at the same moments of the clock; a run takes the job's advisory lock
 * (`pg_try_advisory_xact_lock`, held by its transaction) and claims its slot in job_run, so of
 * instances firing together one does the work, and one that fires late finds the slot done.
 * A run that fails rolls back its claim: the next slot tries again. With SCHEDULED_JOBS=false
 * this instance only registers jobs, never runs them.
 */
@Injectable()
export class JobScheduler implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(JobScheduler.name);
  private readonly jobs = new Map<string, JobDefinition>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly running = new Set<Promise<unknown>>();
  private stopped = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly env: Env,
  ) {}

  /** Adds a job (from a provider's onModuleInit); its schedule starts with the application. */
  register(job: JobDefinition): void {
    if (this.jobs.has(job.name)) throw new Error(`job ${job.name} registered twice`);
    this.jobs.set(job.name, job);
  }

  onApplicationBootstrap(): void {
    if (!this.env.SCHEDULED_JOBS) return;
    for (const job of this.jobs.values()) this.arm(job, Date.now());
  }

  /** Stops the timers and lets a run under way finish before the database closes. */
  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    for (const timer of this.timers.values()) clearTimeout(timer);
    await Promise.allSettled([...this.running]);
  }

  /**
   * Runs the job for the slot here unless another instance is running it or already ran that slot.
   */
  async runSlot(name: string, slot: Date): Promise<SlotOutcome> {
    const job = this.jobs.get(name);
    if (!job) throw new Error(`no job ${name}`);
    const started = Date.now();
    const { outcome, result } = await this.dataSource.transaction(async (manager) => {
      const [{ locked }] = (await manager.query(
        'SELECT pg_try_advisory_xact_lock($1, $2) AS locked',
        [ADVISORY_LOCK_NAMESPACE, jobLockKey(name)],
      )) as { locked: boolean }[];
      if (!locked) return { outcome: 'running-elsewhere' as const };
      const claimed: unknown[] = await manager.query(
        `INSERT INTO job_run (job, slot, instance, started_at, finished_at, result)
         VALUES ($1, $2, $3, clock_timestamp(), clock_timestamp(), '{}')
         ON CONFLICT (job, slot) DO NOTHING RETURNING job`,
        [name, slot, INSTANCE_ID],
      );
      if (claimed.length === 0) return { outcome: 'already-ran' as const };
      const summary = await job.run(manager);
      await manager.query(
        `UPDATE job_run SET finished_at = clock_timestamp(), result = $3 WHERE job = $1 AND slot = $2`,
        [name, slot, JSON.stringify(summary)],
      );
      await manager.query('DELETE FROM job_run WHERE job = $1 AND slot < $2', [
        name,
        new Date(slot.getTime() - JOB_RUN_RETENTION_MS),
      ]);
      return { outcome: 'ran' as const, result: summary };
    });
    const fields = { job: name, slot: slot.toISOString(), instance: INSTANCE_ID };
    if (outcome === 'ran') {
      this.logger.log({ ...fields, result, ms: Date.now() - started }, 'job ran');
    } else {
      this.logger.debug({ ...fields, outcome }, 'job skipped');
    }
    return outcome;
  }

  /** Sets the timer for the job's next slot after `after`. */
  private arm(job: JobDefinition, after: number): void {
    if (this.stopped) return;
    const slot = (Math.floor(after / job.intervalMs) + 1) * job.intervalMs;
    const timer = setTimeout(
      () => {
        // A timer may fire a moment early: the next slot is counted from this one.
        this.arm(job, Math.max(Date.now(), slot));
        const run = this.runSlot(job.name, new Date(slot)).catch((error: unknown) =>
          this.logger.error({ err: error, job: job.name }, 'job failed'),
        );
        this.running.add(run);
        void run.finally(() => this.running.delete(run));
      },
      Math.max(0, slot - Date.now()),
    );
    timer.unref();
    this.timers.set(job.name, timer);
  }
}

@Global()
@Module({ providers: [JobScheduler], exports: [JobScheduler] })
export class JobsModule {}
