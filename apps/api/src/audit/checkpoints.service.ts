import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import {
  canonicalJson,
  checkAuditCheckpoint,
  checkpointHeads,
  type AuditCheckpointBody,
  signAuditCheckpoint,
  type AuditCheckpoint,
  type CheckpointConflict,
  type PublicAuditCheckpoint,
  type RejectedCheckpoint,
} from '@qinqing/domain';
import { appendFile, mkdir } from 'node:fs/promises';
import * as path from 'node:path';
import { DomainException } from '../common/errors/domain.exception';
import { Env } from '../config/env';
import type { Tx } from '../database/transactions';
import { nativeEd25519Verifier } from '../gates/native-ed25519';
import { JobScheduler } from '../jobs/job-scheduler';
import { AuditRepository, type ChainEntryMark } from './audit.repository';
import { AuditService } from './audit.service';
import { AuditCheckpointKeys } from './checkpoint-keys';
import type { AuditCheckpointRow } from './checkpoint.entity';

/** How often a checkpoint is signed without anyone asking. */
export const SCHEDULED_CHECKPOINT_INTERVAL_MS = 60 * 60 * 1000;

/** The newest stored checkpoints compared on every verification (besides the last of each day). */
const RECENT_STORED_CHECKPOINTS = 48;

export interface CheckpointCheck {
  checked: number;
  conflicts: CheckpointConflict[];
  rejected: RejectedCheckpoint[];
}

/**
 * Signed checkpoints of the audit chain (Certificate-Transparency style): signed hourly, on demand
 * and when the public endpoint finds the latest one stale; stored (append-only), appended to the
 * day's archive file outside the database, and compared with the chain on every verification.
 */
@Injectable()
export class AuditCheckpointsService implements OnModuleInit {
  private readonly logger = new Logger(AuditCheckpointsService.name);
  private readonly verifySignature = nativeEd25519Verifier();

  constructor(
    private readonly store: AuditRepository,
    private readonly audit: AuditService,
    private readonly keys: AuditCheckpointKeys,
    private readonly env: Env,
    private readonly jobs: JobScheduler,
  ) {}

  /** The hourly checkpoint (once across instances, see JobScheduler). */
  onModuleInit(): void {
    this.jobs.register({
      name: 'audit-checkpoint',
      intervalMs: SCHEDULED_CHECKPOINT_INTERVAL_MS,
      run: async (tx) => {
        const made = await this.runScheduled(tx);
        return { seq: made?.seq ?? null };
      },
    });
  }

  /** The scheduled job: one checkpoint of the head now (nothing while the chain is empty). */
  runScheduled(tx?: Tx): Promise<PublicAuditCheckpoint | null> {
    return this.create(tx);
  }

  /** The directory of the daily archive files. */
  get archiveDir(): string {
    return this.env.AUDIT_CHECKPOINT_DIR ?? path.join(this.env.DATA_DIR, 'audit-checkpoints');
  }

  /**
   * Signs every chain's head now (chain 0's as seq and hash, the other chains with entries in
   * `chains`), stores the checkpoint and appends it to the day's archive file. Null while chain 0
   * has no entry (a log always starts there: the first policy, the first admin).
   */
  async create(tx?: Tx): Promise<PublicAuditCheckpoint | null> {
    const heads = toHeads(await this.store.headsForCheckpoint(tx));
    if (heads.seq === 0) return null;
    const checkpoint = signAuditCheckpoint(
      { ...heads, at: new Date().toISOString() },
      this.keys.signing,
    );
    await this.store.insertCheckpoint(
      {
        seq: String(checkpoint.seq),
        hash: checkpoint.hash,
        chains: checkpoint.chains ?? null,
        at: checkpoint.at,
        keyId: checkpoint.keyId,
        signature: checkpoint.signature,
      },
      tx,
    );
    const published = this.withKey(checkpoint);
    await this.archive(published);
    return published;
  }

  /** The latest stored checkpoint, with its public key (null: none yet). */
  async latest(): Promise<PublicAuditCheckpoint | null> {
    const row = await this.store.latestCheckpoint();
    return row ? this.withKey(toCheckpoint(row)) : null;
  }

  /**
   * The latest checkpoint for the public endpoint: a new one is signed first when there is none, or
   * when the latest is older than AUDIT_CHECKPOINT_FRESH_MINUTES and the chain has grown since.
   * 404 while the chain is empty.
   */
  async latestFresh(now = new Date()): Promise<PublicAuditCheckpoint> {
    const latest = await this.latest();
    const staleBefore = now.getTime() - this.env.AUDIT_CHECKPOINT_FRESH_MINUTES * 60_000;
    let answer = latest;
    if (!latest || Date.parse(latest.at) < staleBefore) {
      const now = toHeads(await this.store.headsForCheckpoint());
      const grown = !latest || !sameHeads(now, latest);
      if (grown) answer = await this.create();
    }
    if (!answer) throw new DomainException('NOT_FOUND', {}, '审计日志尚无记录，暂无检查点。');
    return answer;
  }

  /**
   * Compares checkpoints with the chain: those given (a phone's, an archive's) and the server's own
   * stored ones (the last of each day and the newest 48). A checkpoint whose signature does not
   * verify is listed as rejected and not compared: anyone can send garbage, and an edited stored
   * row no longer verifies.
   */
  async check(given: readonly unknown[] = [], tx?: Tx): Promise<CheckpointCheck> {
    const stored = (await this.store.checkpointsForVerification(RECENT_STORED_CHECKPOINTS, tx)).map(
      toCheckpoint,
    );
    const seen = new Set<string>();
    const valid: AuditCheckpoint[] = [];
    const rejected: RejectedCheckpoint[] = [];
    for (const candidate of [...stored, ...given]) {
      const key = canonicalJson(candidate);
      if (seen.has(key)) continue;
      seen.add(key);
      const problem = checkAuditCheckpoint(candidate, this.keys.publicKeys, this.verifySignature);
      if (problem === null) {
        valid.push(candidate as AuditCheckpoint);
      } else {
        const c = (candidate ?? {}) as Partial<Record<keyof AuditCheckpoint, unknown>>;
        rejected.push({
          seq: typeof c.seq === 'number' ? c.seq : null,
          hash: typeof c.hash === 'string' ? c.hash : null,
          problem,
        });
      }
    }
    return {
      checked: new Set(valid.map((c) => canonicalJson(checkpointHeads(c)))).size,
      conflicts: await this.audit.conflictsWith(valid, tx),
      rejected,
    };
  }

  private withKey(checkpoint: AuditCheckpoint): PublicAuditCheckpoint {
    return { ...checkpoint, algorithm: 'Ed25519', publicKey: this.keys.publicKey };
  }

  /** One JSON line in `<dir>/audit-checkpoints-YYYY-MM-DD.jsonl` (UTC day); failures logged. */
  private async archive(checkpoint: PublicAuditCheckpoint): Promise<void> {
    const file = path.join(
      this.archiveDir,
      `audit-checkpoints-${checkpoint.at.slice(0, 10)}.jsonl`,
    );
    try {
      await mkdir(this.archiveDir, { recursive: true });
      await appendFile(file, `${JSON.stringify(checkpoint)}\n`, { mode: 0o644 });
    } catch (error) {
      this.logger.error(`audit checkpoint not archived to ${file}: ${String(error)}`);
    }
  }
}

/** Every chain's head now, as a checkpoint body names them (seq 0: chain 0 has no entry). */
function toHeads(rows: ChainEntryMark[]): Heads {
  const zero = rows.find((r) => r.chain === 0);
  return {
    seq: zero ? Number(zero.seq) : 0,
    hash: zero?.hash ?? '',
    chains: rows
      .filter((r) => r.chain !== 0)
      .map((r) => ({ chain: r.chain, seq: Number(r.seq), hash: r.hash })),
  };
}

type Heads = Omit<AuditCheckpointBody, 'at'>;

function sameHeads(a: Heads, b: Heads): boolean {
  return canonicalJson(checkpointHeads(a)) === canonicalJson(checkpointHeads(b));
}

function toCheckpoint(row: AuditCheckpointRow): AuditCheckpoint {
  return {
    seq: Number(row.seq),
    hash: row.hash,
    at: row.at,
    ...(row.chains === null ? {} : { chains: row.chains }),
    keyId: row.keyId,
    signature: row.signature,
  };
}
