import {
  Global,
  Injectable,
  Logger,
  Module,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import { hostname } from 'node:os';
import { Env } from '../config/env';
import { Transactions, type Tx } from '../database/transactions';
import { JobRunsRepository } from './job-runs.repository';

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
   * Does the work inside the run's transaction, which holds the job's lock: it must pass this
   * transaction on (on PGlite a second connection would wait for this one). Answers a summary.
   */
  run(tx: Tx): Promise<Record<string, unknown>>;
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
    private readonly transactions: Transactions,
    private readonly runs: JobRunsRepository,
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
    const { outcome, result } = await this.transactions.run(async (tx) => {
      if (!(await this.runs.tryLock(name, tx))) return { outcome: 'running-elsewhere' as const };
      if (!(await this.runs.claim(name, slot, INSTANCE_ID, tx))) {
        return { outcome: 'already-ran' as const };
      }
      const summary = await job.run(tx);
      await this.runs.finish(name, slot, summary, tx);
      await this.runs.prune(name, new Date(slot.getTime() - JOB_RUN_RETENTION_MS), tx);
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
@Module({ providers: [JobScheduler, JobRunsRepository], exports: [JobScheduler] })
export class JobsModule {}
