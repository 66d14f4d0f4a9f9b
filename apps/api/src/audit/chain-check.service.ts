import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import type { ChainCheckStatus, ChainVerification } from '@qinqing/domain';
import { Env } from '../config/env';
import type { Tx } from '../database/transactions';
import { JobScheduler } from '../jobs/job-scheduler';
import { AuditRepository } from './audit.repository';
import { AuditService } from './audit.service';
import type { AuditChainCheck } from './chain-check.entity';
import { AuditCheckpointsService } from './checkpoints.service';

/**
 * Walks the audit chain on demand and on a schedule, and keeps every result: the desk shows the
 * latest one and alerts while the latest one failed.
 */
@Injectable()
export class ChainCheckService implements OnModuleInit {
  private readonly logger = new Logger(ChainCheckService.name);

  constructor(
    private readonly store: AuditRepository,
    private readonly audit: AuditService,
    private readonly checkpoints: AuditCheckpointsService,
    private readonly jobs: JobScheduler,
    private readonly env: Env,
  ) {}

  /** The scheduled check (every CHAIN_CHECK_INTERVAL_SECONDS, once across instances). */
  onModuleInit(): void {
    this.jobs.register({
      name: 'chain-check',
      intervalMs: this.env.CHAIN_CHECK_INTERVAL_SECONDS * 1000,
      run: async (tx) => {
        const { ok, entries, firstBrokenSeq, firstBrokenChain } = await this.run(null, [], tx);
        return { ok, entries, firstBrokenSeq, firstBrokenChain };
      },
    });
  }

  /**
   * Verifies the chain, the audited rows and the signed checkpoints (the stored ones and those
   * `given`, e.g. kept by a supervisor's phone) now, and stores the result; `requestedBy` is null
   * for the scheduled check.
   */
  async run(
    requestedBy: string | null,
    given: readonly unknown[] = [],
    tx?: Tx,
  ): Promise<ChainVerification> {
    const verified = await this.audit.verify(tx);
    const checkpoints = await this.checkpoints.check(given, tx);
    const result: ChainVerification = {
      ...verified,
      ok: verified.ok && checkpoints.conflicts.length === 0,
      checkpointsChecked: checkpoints.checked,
      checkpointConflicts: checkpoints.conflicts,
      rejectedCheckpoints: checkpoints.rejected,
    };
    for (const walk of result.chains) {
      if (walk.firstBrokenSeq !== null) {
        this.logger.error(`audit chain ${walk.chain} broken at seq ${walk.firstBrokenSeq}`);
      }
    }
    if (result.rowMismatchCount > 0) {
      this.logger.error(`audited rows differ from their audit entries: ${result.rowMismatchCount}`);
    }
    if (result.checkpointConflicts.length > 0) {
      this.logger.error(
        `signed audit checkpoints no longer in the log: ${result.checkpointConflicts.map((c) => `chain ${c.chain} seq ${c.seq}`).join(', ')}`,
      );
    }
    await this.store.insertChainCheck(
      {
        checkedAt: new Date(result.checkedAt),
        ok: result.ok,
        entries: result.entries,
        firstBrokenSeq: result.firstBrokenSeq === null ? null : String(result.firstBrokenSeq),
        details: {
          chains: result.chains,
          firstBrokenChain: result.firstBrokenChain,
          rowsChecked: result.rowsChecked,
          rowMismatchCount: result.rowMismatchCount,
          rowMismatches: result.rowMismatches,
          checkpointsChecked: result.checkpointsChecked,
          checkpointConflicts: result.checkpointConflicts,
          rejectedCheckpoints: result.rejectedCheckpoints,
        },
        requestedBy,
      },
      tx,
    );
    return result;
  }

  /** The latest stored check, the newest failure ever stored, and whether to alert. */
  async status(): Promise<ChainCheckStatus> {
    const [latest, lastFailure] = await Promise.all([
      this.store.latestChainCheck({ failedOnly: false }),
      this.store.latestChainCheck({ failedOnly: true }),
    ]);
    return {
      latest: latest ? toVerification(latest) : null,
      lastFailure: lastFailure ? toVerification(lastFailure) : null,
      alert: latest !== null && !latest.ok,
    };
  }
}

function toVerification(check: AuditChainCheck): ChainVerification {
  const details = check.details ?? {};
  const firstBrokenSeq = check.firstBrokenSeq === null ? null : Number(check.firstBrokenSeq);
  return {
    ok: check.ok,
    entries: check.entries,
    firstBrokenSeq,
    // a check made before the log was split walked one chain: chain 0
    firstBrokenChain: details.firstBrokenChain ?? (firstBrokenSeq === null ? null : 0),
    chains: details.chains ?? [{ chain: 0, entries: check.entries, firstBrokenSeq }],
    rowsChecked: details.rowsChecked ?? 0,
    rowMismatchCount: details.rowMismatchCount ?? 0,
    rowMismatches: details.rowMismatches ?? [],
    checkpointsChecked: details.checkpointsChecked ?? 0,
    checkpointConflicts: details.checkpointConflicts ?? [],
    rejectedCheckpoints: details.rejectedCheckpoints ?? [],
    checkedAt: check.checkedAt.toISOString(),
  };
}
