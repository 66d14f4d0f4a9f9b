import type {
  CheckInOutcome,
  CheckInRequest,
  DecisionReason,
  DecisionView,
  OfflineJudgement,
  ReasonCode,
} from '@qinqing/domain';
import type { KeyValueStore } from '../../services/storage';

/**
 * The durable queue of check-ins made without signal (离线打卡).
 *
 * Guarantees (each proved in sync-queue.test.ts):
 * - `enqueue` writes the item to durable storage before it returns; it is idempotent on clientId.
 * - `flush` sends one item at a time, in enqueue order, always with the item's own clientId.
 * - An item leaves the queue only after the server answered that it recorded the check-in (201, or
 *   409 CHECK_IN_REFUSED: a refusal is recorded too). Removal and the server's result are written
 *   in one storage write. If the app dies between the server's answer and that write, the next
 *   flush sends the same clientId again and the server (idempotent on clientId) answers with the
 *   original record: never a second visit.
 * - No signal: the flush stops and keeps the item and everything after it.
 * - Server trouble (5xx, 429): the flush stops, keeps everything and waits (growing back-off, and
 *   at least the server's Retry-After) before an automatic retry; a manual 立即同步 (`force`)
 *   retries at once.
 * - The server rejects the item itself (another 4xx): the item stays, marked `needsAttention`
 *   with the server's message; never dropped. Later items go on.
 * - Login expired (401): the flush stops, keeps everything, and says to log in again.
 * - One flush at a time: a second call joins the running one.
 */

/** What the phone judged offline, in the few fields the queue and the sync screen need. */
export interface OfflineVerdict {
  /** false: no verdict (no snapshot on the phone, or a firm outside it) */
  judged: boolean;
  outcome: CheckInOutcome | null;
  reasons: DecisionReason[];
  enterpriseName: string | null;
  gateName: string | null;
  /** why there is no verdict */
  unjudgedReason?: 'NO_SNAPSHOT' | 'FIRM_NOT_IN_SNAPSHOT';
}

/** What the phone's local judgement was: the rule engine's, or none because nothing was stored. */
export type LocalJudgement = OfflineJudgement | { judged: false; reason: 'NO_SNAPSHOT' };

export function verdictOf(judgement: LocalJudgement): OfflineVerdict {
  if (!judgement.judged) {
    return {
      judged: false,
      outcome: null,
      reasons: [],
      enterpriseName: null,
      gateName: null,
      unjudgedReason: judgement.reason,
    };
  }
  return {
    judged: true,
    outcome: judgement.decision.outcome,
    reasons: judgement.decision.reasons,
    enterpriseName: judgement.enterprise?.name ?? null,
    gateName: judgement.gate?.name ?? null,
  };
}

export interface QueuedCheckIn {
  request: CheckInRequest;
  offline: OfflineVerdict;
  enqueuedAt: string;
  /** how many times it was sent without an answer that recorded it */
  attempts: number;
  lastAttemptAt: string | null;
  /** the server refused the item itself (not the check-in): the officer must act */
  needsAttention: { statusCode: number; code: string; message: string; at: string } | null;
}

/** The server's final decision on a synced check-in, kept for the sync screen. */
export interface SyncResult {
  clientId: string;
  purpose: CheckInRequest['purpose'];
  clientTime: string;
  syncedAt: string;
  offline: OfflineVerdict;
  server: {
    outcome: CheckInOutcome;
    reasons: DecisionReason[];
    policyVersion: number;
    /** the visit's id (the refused attempt's id for a refusal) */
    recordId: string;
    enterpriseName: string | null;
  };
  /** the server's outcome or reasons differ from the offline verdict (or there was none) */
  differs: boolean;
}

/** What sending one check-in to the server came to. */
export type SendResult =
  /** 201 or 409 CHECK_IN_REFUSED (or the replay of either): the server has the record */
  | { kind: 'recorded'; decision: DecisionView; recordId: string; enterpriseName: string | null }
  /** no signal, timeout */
  | { kind: 'unreachable' }
  /** 5xx (503 while the server's database is away), 429: try again later, not before retryAfterMs */
  | { kind: 'retryLater'; message: string; retryAfterMs?: number }
  /** 401: the officer must log in again */
  | { kind: 'needsLogin'; message: string }
  /** another 4xx: the server will not take this item as it is */
  | { kind: 'rejected'; statusCode: number; code: string; message: string };

export type Send = (request: CheckInRequest) => Promise<SendResult>;

export interface FlushReport {
  /** items recorded by the server in this flush */
  sent: number;
  /** items this flush set out to send */
  total: number;
  /** why it stopped before the end, if it did */
  stopped: 'unreachable' | 'retryLater' | 'needsLogin' | 'backingOff' | null;
  message: string | null;
  /** items still queued (including those needing attention) */
  remaining: number;
}

export interface FlushOptions {
  /** ignore the back-off after server trouble (the officer pressed 立即同步) */
  force?: boolean;
}

interface QueueState {
  items: QueuedCheckIn[];
  results: SyncResult[];
  /** after server trouble: when an automatic flush may try again */
  backoff: { failures: number; notBefore: string; message: string } | null;
}

/** How many synced results the phone keeps to show. */
export const MAX_RESULTS = 50;
const BACKOFF_BASE_MS = 30_000;
const BACKOFF_MAX_MS = 10 * 60_000;

/** The wait after the `failures`-th server trouble in a row: never sooner than the server asked. */
export function backoffDelayMs(failures: number, retryAfterMs = 0): number {
  const growing = Math.min(BACKOFF_BASE_MS * 2 ** Math.max(0, failures - 1), BACKOFF_MAX_MS);
  return Math.max(growing, Math.min(retryAfterMs, BACKOFF_MAX_MS));
}

/** Whether the server's decision is not the one the phone predicted. */
export function decisionDiffers(offline: OfflineVerdict, server: DecisionView): boolean {
  if (!offline.judged || offline.outcome !== server.outcome) return true;
  const codes = (reasons: readonly { code: ReasonCode }[]) =>
    [...new Set(reasons.map((r) => r.code))].sort().join(',');
  return codes(offline.reasons) !== codes(server.reasons);
}

export class SyncQueue {
  private running: Promise<FlushReport> | undefined;
  private readonly progressListeners = new Set<(done: number, total: number) => void>();
  private readonly changeListeners = new Set<() => void>();
  private currentProgress: { done: number; total: number } | null = null;
  private last: FlushReport | null = null;

  constructor(
    private readonly store: KeyValueStore,
    private readonly send: Send,
    private readonly key = 'qinqing.syncQueue',
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Adds a check-in to the queue, durably, before returning. Idempotent on clientId. */
  enqueue(item: { request: CheckInRequest; offline: OfflineVerdict }): QueuedCheckIn {
    const state = this.read();
    const clientId = item.request.clientId;
    const existing = state.items.find((i) => i.request.clientId === clientId);
    if (existing) return existing;
    const queued: QueuedCheckIn = {
      request: item.request,
      offline: item.offline,
      enqueuedAt: this.now().toISOString(),
      attempts: 0,
      lastAttemptAt: null,
      needsAttention: null,
    };
    // Already synced (e.g. enqueued again after the server recorded it): nothing to send.
    if (state.results.some((r) => r.clientId === clientId)) return queued;
    state.items.push(queued);
    this.write(state);
    return queued;
  }

  /** Everything not yet recorded by the server, in enqueue order. */
  pending(): QueuedCheckIn[] {
    return this.read().items;
  }

  /** The server's decisions on synced check-ins, newest first. */
  results(): SyncResult[] {
    return this.read().results;
  }

  backoff(): QueueState['backoff'] {
    return this.read().backoff;
  }

  /** The running flush's progress, or null when none runs. */
  progress(): { done: number; total: number } | null {
    return this.currentProgress;
  }

  /** What the last finished flush of this queue came to (this app session), e.g. a background one. */
  lastReport(): FlushReport | null {
    return this.last;
  }

  isFlushing(): boolean {
    return this.running !== undefined;
  }

  /** Called after every change of the queue or of a running flush's progress. */
  onChange(listener: () => void): () => void {
    this.changeListeners.add(listener);
    return () => void this.changeListeners.delete(listener);
  }

  /** Lets the officer send an item needing attention again (e.g. after the admin fixed it). */
  retry(clientId: string): void {
    const state = this.read();
    const item = state.items.find((i) => i.request.clientId === clientId);
    if (!item?.needsAttention) return;
    item.needsAttention = null;
    this.write(state);
  }

  /** Forgets the kept results (the queue itself is untouched). */
  clearResults(): void {
    const state = this.read();
    state.results = [];
    this.write(state);
  }

  /**
   * Sends the queued check-ins, one at a time, in order. A call while a flush runs joins it
   * (its progress listener included) instead of starting another.
   */
  flush(
    onProgress?: (done: number, total: number) => void,
    options: FlushOptions = {},
  ): Promise<FlushReport> {
    if (onProgress) this.progressListeners.add(onProgress);
    if (!this.running) {
      this.running = this.run(options)
        .then((report) => {
          this.last = report;
          return report;
        })
        .finally(() => {
          this.running = undefined;
          this.currentProgress = null;
          this.progressListeners.clear();
          this.emitChange();
        });
    } else if (onProgress && this.currentProgress) {
      onProgress(this.currentProgress.done, this.currentProgress.total);
    }
    return this.running;
  }

  private async run(options: FlushOptions): Promise<FlushReport> {
    const initial = this.read();
    const backoff = initial.backoff;
    const toSend = initial.items.filter((i) => !i.needsAttention).map((i) => i.request.clientId);
    const total = toSend.length;
    const report = (
      sent: number,
      stopped: FlushReport['stopped'],
      message: string | null,
    ): FlushReport => ({ sent, total, stopped, message, remaining: this.read().items.length });

    if (backoff && !options.force && new Date(backoff.notBefore) > this.now()) {
      return report(0, 'backingOff', backoff.message);
    }
    let sent = 0;
    this.setProgress(0, total);
    for (const clientId of toSend) {
      const before = this.read();
      const item = before.items.find((i) => i.request.clientId === clientId);
      if (!item || item.needsAttention) continue; // gone or changed meanwhile
      const result = await this.safeSend(item.request);
      // Read again: a write may have happened while the request was out.
      const state = this.read();
      const current = state.items.find((i) => i.request.clientId === clientId);
      const at = this.now().toISOString();
      switch (result.kind) {
        case 'recorded': {
          state.items = state.items.filter((i) => i.request.clientId !== clientId);
          const offline = (current ?? item).offline;
          state.results = [
            {
              clientId,
              purpose: item.request.purpose,
              clientTime: item.request.clientTime,
              syncedAt: at,
              offline,
              server: {
                outcome: result.decision.outcome,
                reasons: result.decision.reasons,
                policyVersion: result.decision.policyVersion,
                recordId: result.recordId,
                enterpriseName: result.enterpriseName ?? offline.enterpriseName,
              },
              differs: decisionDiffers(offline, result.decision),
            },
            ...state.results.filter((r) => r.clientId !== clientId),
          ].slice(0, MAX_RESULTS);
          state.backoff = null;
          // One write: the item leaves the queue and its result appears together.
          this.write(state);
          sent += 1;
          this.setProgress(sent, total);
          break;
        }
        case 'rejected': {
          if (current) {
            current.attempts += 1;
            current.lastAttemptAt = at;
            current.needsAttention = {
              statusCode: result.statusCode,
              code: result.code,
              message: result.message,
              at,
            };
            this.write(state);
          }
          break;
        }
        case 'unreachable':
        case 'needsLogin':
        case 'retryLater': {
          if (current) {
            current.attempts += 1;
            current.lastAttemptAt = at;
          }
          if (result.kind === 'retryLater') {
            const failures = (state.backoff?.failures ?? 0) + 1;
            state.backoff = {
              failures,
              notBefore: new Date(
                this.now().getTime() + backoffDelayMs(failures, result.retryAfterMs),
              ).toISOString(),
              message: result.message,
            };
          }
          this.write(state);
          const message =
            result.kind === 'unreachable'
              ? '网络不可用：离线打卡已保存在手机上，恢复信号后会自动同步。'
              : result.kind === 'needsLogin'
                ? '登录已过期：请重新登录后再同步，离线打卡仍保存在手机上。'
                : `服务器暂时无法处理（${result.message}），离线打卡仍保存在手机上，稍后会自动重试。`;
          return report(sent, result.kind, message);
        }
      }
    }
    return report(sent, null, null);
  }

  private async safeSend(request: CheckInRequest): Promise<SendResult> {
    try {
      return await this.send(request);
    } catch (error) {
      // A sender that throws (a bug, an unexpected answer): keep the item and retry later.
      return { kind: 'retryLater', message: error instanceof Error ? error.message : '未知错误' };
    }
  }

  private setProgress(done: number, total: number): void {
    this.currentProgress = { done, total };
    for (const listener of this.progressListeners) listener(done, total);
    this.emitChange();
  }

  private emitChange(): void {
    for (const listener of this.changeListeners) listener();
  }

  private read(): QueueState {
    const state = this.store.get<QueueState>(this.key);
    return {
      items: state?.items ?? [],
      results: state?.results ?? [],
      backoff: state?.backoff ?? null,
    };
  }

  private write(state: QueueState): void {
    this.store.set(this.key, state);
    this.emitChange();
  }
}
