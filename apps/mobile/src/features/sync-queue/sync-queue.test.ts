/** @jest-environment node */
import { reason, type CheckInRequest, type DecisionView } from '@qinqing/domain';
import { memoryStore, type KeyValueStore } from '../../services/storage';
import {
  backoffDelayMs,
  decisionDiffers,
  SyncQueue,
  verdictOf,
  type OfflineVerdict,
  type SendResult,
} from './sync-queue';

const KEY = 'qinqing.syncQueue';

function request(n: number, overrides: Partial<CheckInRequest> = {}): CheckInRequest {
  return {
    clientId: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    code: `code-${n}`,
    purpose: 'RANDOM_INSPECTION',
    reference: `TASK-${n}`,
    coOfficerIds: ['co-officer'],
    clientTime: new Date(Date.UTC(2026, 10, 22, 8, n)).toISOString(),
    ...overrides,
  };
}

const allowed: OfflineVerdict = {
  judged: true,
  outcome: 'ALLOWED',
  reasons: [],
  enterpriseName: '郑州众联混凝土有限公司',
  gateName: '东门',
};

/**
 * A stand-in for the API's check-in endpoint: idempotent on clientId like the real one (a replayed
 * clientId answers with the original record), with switches for the failures the queue must survive.
 */
class FakeServer {
  readonly records = new Map<string, { request: CheckInRequest; decision: DecisionView }>();
  /** every request that reached the server, in order (replays included) */
  readonly received: string[] = [];
  decide: (req: CheckInRequest) => DecisionView = () => ({
    outcome: 'ALLOWED',
    reasons: [],
    policyVersion: 1,
  });
  /** what the next calls answer instead of recording (one entry per call) */
  failures: (SendResult | 'throw')[] = [];
  offline = false;

  send = async (req: CheckInRequest): Promise<SendResult> => {
    await Promise.resolve();
    if (this.offline) return { kind: 'unreachable' };
    const failure = this.failures.shift();
    if (failure === 'throw') throw new Error('boom');
    if (failure) return failure;
    this.received.push(req.clientId);
    let record = this.records.get(req.clientId);
    if (!record) {
      record = { request: req, decision: this.decide(req) };
      this.records.set(req.clientId, record);
    }
    return {
      kind: 'recorded',
      decision: record.decision,
      recordId: `visit-${req.clientId}`,
      enterpriseName: '郑州众联混凝土有限公司',
    };
  };
}

describe('SyncQueue', () => {
  let store: KeyValueStore;
  let server: FakeServer;
  let now: Date;
  const clock = () => now;

  beforeEach(() => {
    store = memoryStore();
    server = new FakeServer();
    now = new Date('2026-11-22T08:30:00Z');
  });

  const newQueue = (s: KeyValueStore = store) => new SyncQueue(s, server.send, KEY, clock);

  it('persists an item before enqueue returns, and keeps it across app restarts', () => {
    newQueue().enqueue({ request: request(1), offline: allowed });
    // What is in storage right after enqueue returned:
    const stored = store.get<{ items: { request: CheckInRequest }[] }>(KEY);
    expect(stored?.items.map((i) => i.request.clientId)).toEqual([request(1).clientId]);

    // "The app is killed": a new queue on the same storage sees the item.
    const restarted = newQueue();
    expect(restarted.pending()).toHaveLength(1);
    expect(restarted.pending()[0]).toMatchObject({
      request: request(1),
      offline: allowed,
      attempts: 0,
      needsAttention: null,
      enqueuedAt: '2026-11-22T08:30:00.000Z',
    });
  });

  it('is idempotent on clientId: enqueueing the same check-in twice queues it once', () => {
    const q = newQueue();
    q.enqueue({ request: request(1), offline: allowed });
    q.enqueue({ request: request(1, { purpose: 'ROUTINE' }), offline: allowed });
    expect(q.pending()).toHaveLength(1);
    expect(q.pending()[0].request.purpose).toBe('RANDOM_INSPECTION');
  });

  it('does not queue again a check-in the server already recorded', async () => {
    const q = newQueue();
    q.enqueue({ request: request(1), offline: allowed });
    await q.flush();
    q.enqueue({ request: request(1), offline: allowed });
    expect(q.pending()).toHaveLength(0);
  });

  it('sends one at a time, in enqueue order, with the same clientIds, and empties the queue', async () => {
    const q = newQueue();
    let inFlight = 0;
    let maxInFlight = 0;
    const send = server.send;
    const counting = new SyncQueue(
      store,
      async (req) => {
        inFlight += 1;
        maxInFlight = Math.max(maxInFlight, inFlight);
        await new Promise((r) => setTimeout(r, 5));
        const answer = await send(req);
        inFlight -= 1;
        return answer;
      },
      KEY,
      clock,
    );
    for (const n of [3, 1, 2]) q.enqueue({ request: request(n), offline: allowed });

    const report = await counting.flush();

    expect(server.received).toEqual([3, 1, 2].map((n) => request(n).clientId));
    expect(maxInFlight).toBe(1);
    expect(report).toEqual({ sent: 3, total: 3, stopped: null, message: null, remaining: 0 });
    expect(newQueue().pending()).toEqual([]);
    expect(
      newQueue()
        .results()
        .map((r) => r.clientId),
    ).toEqual([2, 1, 3].map((n) => request(n).clientId));
  });

  it('reports progress N of M after each recorded item', async () => {
    const q = newQueue();
    for (const n of [1, 2, 3]) q.enqueue({ request: request(n), offline: allowed });
    const seen: string[] = [];
    await q.flush((done, total) => seen.push(`${done} / ${total}`));
    expect(seen).toEqual(['0 / 3', '1 / 3', '2 / 3', '3 / 3']);
  });

  describe('exactly once when the app dies between the server’s answer and the local removal', () => {
    /** Storage whose writes fail once armed: the process "dies" before it can write. */
    function dyingStore(inner: KeyValueStore) {
      let armed = false;
      return {
        arm: () => void (armed = true),
        store: {
          get: inner.get.bind(inner),
          remove: inner.remove.bind(inner),
          set<T>(key: string, value: T) {
            if (armed) throw new Error('process killed');
            inner.set(key, value);
          },
        } satisfies KeyValueStore,
      };
    }

    it('resends the same clientId after the restart and the server keeps one record', async () => {
      const dying = dyingStore(store);
      const q = new SyncQueue(
        dying.store,
        async (req) => {
          const answer = await server.send(req);
          dying.arm(); // the server has answered; the app is killed before it records that
          return answer;
        },
        KEY,
        clock,
      );
      q.enqueue({ request: request(1), offline: allowed });

      await expect(q.flush()).rejects.toThrow('process killed');
      expect(server.records.size).toBe(1);
      // Nothing was lost: the item is still queued on the real storage.
      expect(
        newQueue()
          .pending()
          .map((i) => i.request.clientId),
      ).toEqual([request(1).clientId]);

      // Restart: a new queue on the same storage flushes again.
      const report = await newQueue().flush();

      expect(report.sent).toBe(1);
      expect(server.received).toEqual([request(1).clientId, request(1).clientId]);
      expect(server.records.size).toBe(1);
      expect([...server.records.keys()]).toEqual([request(1).clientId]);
      expect(newQueue().pending()).toEqual([]);
      expect(newQueue().results()).toHaveLength(1);
    });

    it('a failed write after the answer does not block a later flush of the same queue', async () => {
      let failNext = false;
      let sends = 0;
      const flaky: KeyValueStore = {
        get: store.get.bind(store),
        remove: store.remove.bind(store),
        set<T>(key: string, value: T) {
          if (failNext) {
            failNext = false;
            throw new Error('storage full');
          }
          store.set(key, value);
        },
      };
      const q = new SyncQueue(
        flaky,
        async (req) => {
          const answer = await server.send(req);
          sends += 1;
          failNext = sends === 1; // only the first removal fails
          return answer;
        },
        KEY,
        clock,
      );
      q.enqueue({ request: request(1), offline: allowed });
      await expect(q.flush()).rejects.toThrow('storage full');
      expect(q.isFlushing()).toBe(false);
      await q.flush();
      expect(q.pending()).toEqual([]);
      expect(sends).toBe(2);
      expect(server.records.size).toBe(1);
    });
  });

  it('stops on network loss mid-flush and keeps the rest, in order; resumes later', async () => {
    const q = newQueue();
    for (const n of [1, 2, 3]) q.enqueue({ request: request(n), offline: allowed });
    let calls = 0;
    const original = server.send;
    const lossy = new SyncQueue(
      store,
      async (req) => {
        calls += 1;
        if (calls === 2) server.offline = true; // signal lost after the first item
        return original(req);
      },
      KEY,
      clock,
    );

    const report = await lossy.flush();

    expect(report).toMatchObject({ sent: 1, total: 3, stopped: 'unreachable', remaining: 2 });
    expect(report.message).toContain('网络不可用');
    expect(calls).toBe(2); // it did not try item 3 after item 2 failed
    expect(
      newQueue()
        .pending()
        .map((i) => i.request.clientId),
    ).toEqual([2, 3].map((n) => request(n).clientId));
    expect(newQueue().pending()[0].attempts).toBe(1);

    server.offline = false;
    const resumed = await newQueue().flush();
    expect(resumed).toMatchObject({ sent: 2, total: 2, stopped: null, remaining: 0 });
    expect([...server.records.keys()]).toEqual([1, 2, 3].map((n) => request(n).clientId));
  });

  it('keeps an item the server rejects (validation) with its message, and sends the others', async () => {
    const q = newQueue();
    for (const n of [1, 2]) q.enqueue({ request: request(n), offline: allowed });
    server.failures = [
      {
        kind: 'rejected',
        statusCode: 400,
        code: 'VALIDATION_FAILED',
        message: '提交的内容不完整或格式不正确，请检查标出的字段。',
      },
    ];

    const report = await q.flush();

    expect(report).toMatchObject({ sent: 1, total: 2, stopped: null, remaining: 1 });
    const [kept] = newQueue().pending();
    expect(kept.request.clientId).toBe(request(1).clientId);
    expect(kept.needsAttention).toMatchObject({
      statusCode: 400,
      code: 'VALIDATION_FAILED',
      message: '提交的内容不完整或格式不正确，请检查标出的字段。',
    });

    // Later flushes leave it alone (it would be rejected again) …
    const again = await newQueue().flush();
    expect(again).toMatchObject({ sent: 0, total: 0, remaining: 1 });
    expect(server.received).toEqual([request(2).clientId]);

    // … until the officer asks to send it again.
    newQueue().retry(request(1).clientId);
    expect(newQueue().pending()[0].needsAttention).toBeNull();
    await newQueue().flush();
    expect(newQueue().pending()).toEqual([]);
    expect(server.records.size).toBe(2);
  });

  it('on server trouble (5xx) stops, keeps everything and backs off; 立即同步 forces a retry', async () => {
    const q = newQueue();
    for (const n of [1, 2]) q.enqueue({ request: request(n), offline: allowed });
    server.failures = [{ kind: 'retryLater', message: '数据库暂时不可用，请稍后再试。' }];

    const first = await q.flush();
    expect(first).toMatchObject({ sent: 0, total: 2, stopped: 'retryLater', remaining: 2 });
    expect(first.message).toContain('数据库暂时不可用');
    expect(q.backoff()).toEqual({
      failures: 1,
      notBefore: new Date(now.getTime() + 30_000).toISOString(),
      message: '数据库暂时不可用，请稍后再试。',
    });

    // An automatic flush inside the back-off does not call the server.
    const waiting = await q.flush();
    expect(waiting).toMatchObject({ sent: 0, stopped: 'backingOff', remaining: 2 });
    expect(server.received).toEqual([]);

    // Trouble again, forced: the back-off grows.
    server.failures = [{ kind: 'retryLater', message: '系统内部错误' }];
    await q.flush(undefined, { force: true });
    expect(q.backoff()?.failures).toBe(2);
    expect(q.backoff()?.notBefore).toBe(new Date(now.getTime() + 60_000).toISOString());

    // After the back-off has passed, an automatic flush sends everything and clears it.
    now = new Date(now.getTime() + 61_000);
    const done = await q.flush();
    expect(done).toMatchObject({ sent: 2, stopped: null, remaining: 0 });
    expect(q.backoff()).toBeNull();
  });

  it('a 503 while the server’s database is away: keeps everything, waits at least its Retry-After, then sends with the same clientIds', async () => {
    const q = newQueue();
    for (const n of [1, 2, 3]) q.enqueue({ request: request(n), offline: allowed });
    server.failures = [
      {
        kind: 'retryLater',
        message: '服务暂时不可用（数据库连接中断），请稍后重试。',
        retryAfterMs: 45_000,
      },
    ];

    const report = await q.flush();
    expect(report).toMatchObject({ sent: 0, stopped: 'retryLater', remaining: 3 });
    expect(report.message).toContain('数据库连接中断');
    expect(q.pending().every((i) => i.needsAttention === null)).toBe(true); // not a rejection
    expect(q.backoff()?.notBefore).toBe(new Date(now.getTime() + 45_000).toISOString());

    now = new Date(now.getTime() + 30_000); // the usual first back-off: too early
    expect((await q.flush()).stopped).toBe('backingOff');
    now = new Date(now.getTime() + 15_000);
    expect(await q.flush()).toMatchObject({ sent: 3, stopped: null, remaining: 0 });
    expect(server.received).toEqual([1, 2, 3].map((n) => request(n).clientId));
  });

  it('treats a sender that throws as server trouble: nothing is dropped', async () => {
    const q = newQueue();
    q.enqueue({ request: request(1), offline: allowed });
    server.failures = ['throw'];
    const report = await q.flush();
    expect(report.stopped).toBe('retryLater');
    expect(q.pending()).toHaveLength(1);
  });

  it('stops when the login expired and keeps everything', async () => {
    const q = newQueue();
    for (const n of [1, 2]) q.enqueue({ request: request(n), offline: allowed });
    server.failures = [{ kind: 'needsLogin', message: '登录已过期，请重新登录。' }];
    const report = await q.flush();
    expect(report).toMatchObject({ sent: 0, stopped: 'needsLogin', remaining: 2 });
    expect(report.message).toContain('重新登录');
    expect(q.pending().every((i) => i.needsAttention === null)).toBe(true);
  });

  it('runs a single flush at a time: a second call joins the running one', async () => {
    const q = newQueue();
    for (const n of [1, 2]) q.enqueue({ request: request(n), offline: allowed });
    const seenBySecond: string[] = [];

    const first = q.flush();
    expect(q.isFlushing()).toBe(true);
    const second = q.flush((done, total) => seenBySecond.push(`${done}/${total}`));

    expect(second).toBe(first);
    const [a, b] = await Promise.all([first, second]);
    expect(a).toBe(b);
    expect(q.lastReport()).toBe(a);
    expect(server.received).toEqual([1, 2].map((n) => request(n).clientId));
    expect(server.records.size).toBe(2);
    expect(seenBySecond[seenBySecond.length - 1]).toBe('2/2');
    expect(q.isFlushing()).toBe(false);
    expect(q.progress()).toBeNull();
  });

  it('two queues on one storage (two screens) never make a duplicate record', async () => {
    const a = newQueue();
    const b = newQueue();
    a.enqueue({ request: request(1), offline: allowed });
    await Promise.all([a.flush(), b.flush()]);
    // Both may send the same clientId; the server's idempotency keeps one record.
    expect(server.records.size).toBe(1);
    expect(newQueue().pending()).toEqual([]);
    expect(newQueue().results()).toHaveLength(1);
  });

  describe('the server’s final decision', () => {
    it('is kept per clientId with differs=false when it matches the offline verdict', async () => {
      const q = newQueue();
      q.enqueue({ request: request(1), offline: allowed });
      await q.flush();
      const [result] = q.results();
      expect(result).toMatchObject({
        clientId: request(1).clientId,
        purpose: 'RANDOM_INSPECTION',
        offline: allowed,
        server: {
          outcome: 'ALLOWED',
          reasons: [],
          recordId: `visit-${request(1).clientId}`,
          enterpriseName: '郑州众联混凝土有限公司',
        },
        differs: false,
      });
    });

    it('is marked differs when the server refuses what the phone allowed', async () => {
      server.decide = () => ({
        outcome: 'REFUSED',
        reasons: [reason('ANNUAL_CAP_REACHED')],
        policyVersion: 2,
      });
      const q = newQueue();
      q.enqueue({ request: request(1), offline: allowed });
      await q.flush();
      expect(q.results()[0]).toMatchObject({
        differs: true,
        server: { outcome: 'REFUSED', policyVersion: 2 },
      });
    });

    it('keeps at most 50 results, newest first', async () => {
      const q = newQueue();
      for (let n = 1; n <= 52; n += 1) q.enqueue({ request: request(n), offline: allowed });
      await q.flush();
      const results = q.results();
      expect(results).toHaveLength(50);
      expect(results[0].clientId).toBe(request(52).clientId);
      expect(results[49].clientId).toBe(request(3).clientId);
    });
  });
});

describe('decisionDiffers', () => {
  const server = (outcome: DecisionView['outcome'], codes: Parameters<typeof reason>[0][]) => ({
    outcome,
    reasons: codes.map(reason),
    policyVersion: 1,
  });

  it('is false for the same outcome and the same reason codes in any order', () => {
    const offline = { ...allowed, outcome: 'FLAGGED' as const };
    offline.reasons = [reason('SINGLE_OFFICER'), reason('OUT_OF_GEOFENCE')];
    expect(decisionDiffers(offline, server('FLAGGED', ['OUT_OF_GEOFENCE', 'SINGLE_OFFICER']))).toBe(
      false,
    );
  });

  it('is true for another outcome, or the same outcome with other reasons', () => {
    expect(decisionDiffers(allowed, server('FLAGGED', ['LATE_SYNC']))).toBe(true);
    const flagged = { ...allowed, outcome: 'FLAGGED' as const, reasons: [reason('REPEAT_VISIT')] };
    expect(decisionDiffers(flagged, server('FLAGGED', ['LATE_SYNC']))).toBe(true);
  });

  it('is true when the phone had no verdict', () => {
    const none = verdictOf({ judged: false, reason: 'NO_SNAPSHOT' });
    expect(none).toEqual({
      judged: false,
      outcome: null,
      reasons: [],
      enterpriseName: null,
      gateName: null,
      unjudgedReason: 'NO_SNAPSHOT',
    });
    expect(decisionDiffers(none, server('ALLOWED', []))).toBe(true);
  });
});

describe('backoffDelayMs', () => {
  it('doubles from 30 s up to 10 minutes', () => {
    expect([1, 2, 3, 4, 5, 6, 10].map((failures) => backoffDelayMs(failures))).toEqual([
      30_000, 60_000, 120_000, 240_000, 480_000, 600_000, 600_000,
    ]);
  });

  it('never sooner than the server’s Retry-After (up to 10 minutes)', () => {
    expect(backoffDelayMs(1, 5_000)).toBe(30_000);
    expect(backoffDelayMs(1, 90_000)).toBe(90_000);
    expect(backoffDelayMs(2, 3_600_000)).toBe(600_000);
  });
});
