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
import { DataSource, type EntityManager } from 'typeorm';
import { DomainException } from '../common/errors/domain.exception';
import { Env } from '../config/env';
import { nativeEd25519Verifier } from '../gates/native-ed25519';
import { JobScheduler } from '../jobs/job-scheduler';
import { AuditService } from './audit.service';
import { AuditCheckpointKeys } from './checkpoint-keys';
import { AuditCheckpointRow } from './checkpoint.entity';

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
    private readonly dataSource: DataSource,
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
      run: async (manager) => {
        const made = await this.runScheduled(manager);
        return { seq: made?.seq ?? null };
      },
    });
  }

  /** The scheduled job: one checkpoint of the head now (nothing while the chain is empty). */
  runScheduled(
    manager: EntityManager = this.dataSource.manager,
  ): Promise<PublicAuditCheckpoint | null> {
    return this.create(manager);
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
  async create(
    manager: EntityManager = this.dataSource.manager,
  ): Promise<PublicAuditCheckpoint | null> {
    const heads = await chainHeads(manager);
    if (heads.seq === 0) return null;
    const checkpoint = signAuditCheckpoint(
      { ...heads, at: new Date().toISOString() },
      this.keys.signing,
    );
    await manager.getRepository(AuditCheckpointRow).insert({
      seq: String(checkpoint.seq),
      hash: checkpoint.hash,
      chains: checkpoint.chains ?? null,
      at: checkpoint.at,
      keyId: checkpoint.keyId,
      signature: checkpoint.signature,
    });
    const published = this.withKey(checkpoint);
    await this.archive(published);
    return published;
  }

  /** The latest stored checkpoint, with its public key (null: none yet). */
  async latest(): Promise<PublicAuditCheckpoint | null> {
    const [row] = await this.dataSource
      .getRepository(AuditCheckpointRow)
      .find({ order: { id: 'DESC' }, take: 1 });
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
      const now = await chainHeads(this.dataSource.manager);
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
  async check(
    given: readonly unknown[] = [],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<CheckpointCheck> {
    const stored = await this.storedForVerification(manager);
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
      conflicts: await this.audit.conflictsWith(valid, manager),
      rejected,
    };
  }

  private async storedForVerification(manager: EntityManager): Promise<AuditCheckpoint[]> {
    const rows: AuditCheckpointRow[] = await manager.query(
      `SELECT id, seq::text AS seq, hash, chains, at, key_id AS "keyId", signature FROM audit_checkpoint
        WHERE id IN (SELECT DISTINCT ON (left(at, 10)) id FROM audit_checkpoint
                      ORDER BY left(at, 10), id DESC)
           OR id IN (SELECT id FROM audit_checkpoint ORDER BY id DESC LIMIT $1)
        ORDER BY id`,
      [RECENT_STORED_CHECKPOINTS],
    );
    return rows.map(toCheckpoint);
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
async function chainHeads(manager: EntityManager): Promise<Heads> {
  const rows: { chain: number; seq: string; hash: string }[] = await manager.query(
    `SELECT id AS chain, seq::text AS seq, hash FROM audit_chain_head
      WHERE id = 0 OR seq > 0 ORDER BY id`,
  );
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
