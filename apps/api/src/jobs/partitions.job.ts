import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleInit } from '@nestjs/common';
import { ensureMonthlyPartitions } from '../database/partitions';
import { managerOf } from '../database/transactions';
import { JobScheduler } from './job-scheduler';

const JOB = 'monthly-partitions';
const DAY_MS = 24 * 3600_000;

/**
 * Keeps the monthly partitions of visit and audit_entry made ahead (database/partitions.ts):
 * daily, once across instances, and once when the API starts (the day's slot: an instance
 * starting after another already ran it today finds it done).
 */
@Injectable()
export class PartitionsJob implements OnModuleInit, OnApplicationBootstrap {
  private readonly logger = new Logger(PartitionsJob.name);

  constructor(private readonly jobs: JobScheduler) {}

  onModuleInit(): void {
    this.jobs.register({
      name: JOB,
      intervalMs: DAY_MS,
      run: (tx) => ensureMonthlyPartitions(managerOf(tx)),
    });
  }

  /** A failure is logged, not fatal: rows still go in (the DEFAULT partition takes them). */
  async onApplicationBootstrap(): Promise<void> {
    const today = new Date(Math.floor(Date.now() / DAY_MS) * DAY_MS);
    await this.jobs.runSlot(JOB, today).catch((error: unknown) => {
      this.logger.error({ err: error, job: JOB }, 'making the monthly partitions failed');
    });
  }
}
