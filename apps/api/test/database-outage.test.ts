import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { LightMyRequestResponse } from 'fastify';
import { findPostgresBinDir } from '../src/database/embedded/postgres-binaries';
import { PostgresCluster } from '../src/database/embedded/postgres-cluster';
import type { ApiUser } from './support/api-client';
import { checkInBody, startDemoWorld, type DemoWorld, type Firm } from './support/demo-world';

/**
 * PostgreSQL goes away in the middle of a burst of check-ins and comes back. On its own cluster
 * (the shared one of the other test files is never touched), stopped like a crash
 * (`pg_ctl stop -m immediate`) and started again on the same port.
 */
describe('the database goes away mid-burst and comes back', () => {
  const BURST = 120;
  const WORKERS = 6;
  /** how many answers arrive before the database is stopped */
  const STOP_AFTER = 40;

  let root: string;
  let cluster: PostgresCluster;
  let w: DemoWorld;

  beforeAll(async () => {
    const binDir = findPostgresBinDir();
    if (!binDir) throw new Error('PostgreSQL server binaries not found: set PG_BIN_DIR');
    root = mkdtempSync(path.join(tmpdir(), 'qinqing-outage-'));
    chmodSync(root, 0o755); // the postgres user must reach the data folder when we run as root
    cluster = new PostgresCluster({
      dataDir: path.join(root, 'data'),
      binDir,
      ephemeral: true,
      // An acknowledged commit must survive the crash below: its WAL is written before the answer
      // (fsync stays off: the machine does not crash, only PostgreSQL).
      settings: ['synchronous_commit=on'],
    });
    await cluster.start();
    const url = await cluster.ensureDatabase('qinqing');
    // Migrated at boot; requests fail fast while the database is away.
    w = await startDemoWorld({ DATABASE_URL: url, DB_CONNECT_TIMEOUT_MS: 1000 });
  });

  afterAll(async () => {
    await w?.t.close().catch(() => undefined);
    await cluster?.stop('immediate').catch(() => undefined);
    if (root) rmSync(root, { recursive: true, force: true });
  });

  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  it.each(['immediate', 'fast'] as const)(
    'pg_ctl stop -m %s: 503 SERVICE_UNAVAILABLE with Retry-After meanwhile, then nothing lost or duplicated',
    async (mode) => {
      const started = Date.now();
      const codes = new Map<Firm, string>();
      const teams: { lead: ApiUser; co: ApiUser; firm: Firm }[] = [
        { lead: w.users.officer1, co: w.users.officer2, firm: w.firms.hanyang },
        { lead: w.users.officer2, co: w.users.officer1, firm: w.firms.zhonglian },
        { lead: w.users.officer3, co: w.users.officer4, firm: w.firms.ruitai },
        { lead: w.users.officer4, co: w.users.officer3, firm: w.firms.haoxiangni },
      ];
      for (const { firm } of teams) codes.set(firm, await w.issueCode(firm));
      const requests = Array.from({ length: BURST }, (_, i) => {
        const team = teams[i % teams.length];
        const body = checkInBody(w, codes.get(team.firm)!, team.firm, {
          purpose: 'COMPLAINT_VERIFICATION',
          reference: `12369-${mode}-${i}`,
          coOfficerIds: [team.co.id],
        });
        return { clientId: body.clientId as string, body, lead: team.lead };
      });
      const send = (r: (typeof requests)[number]) =>
        r.lead.request('POST', '/api/v1/check-ins', r.body);
      const answered = new Map<string, LightMyRequestResponse>(); // clientId → recording answer
      const unavailable: LightMyRequestResponse[] = [];
      const others: LightMyRequestResponse[] = [];
      const record = (clientId: string, res: LightMyRequestResponse) => {
        if (res.statusCode === 201 || res.json().code === 'CHECK_IN_REFUSED') {
          answered.set(clientId, res);
        } else if (res.statusCode === 503) unavailable.push(res);
        else others.push(res);
      };
      const probeOtherRoutes = () =>
        Promise.all([
          w.users.officer1.request('GET', '/api/v1/visits'),
          w.users.admin.request('GET', '/api/v1/gates'),
          w.users.supervisor.request('GET', '/api/v1/exports/visits.csv'),
          w.users.supervisor.request('GET', '/api/v1/audit/verify'),
          w.t.inject({
            method: 'POST',
            url: '/api/v1/auth/login',
            payload: { username: 'officer1', password: 'whatever-1' },
            remoteAddress: '10.77.0.1',
          }),
          send(requests[0]), // a replay, too
        ]);

      // The burst, WORKERS at a time; PostgreSQL is stopped once STOP_AFTER answers are in, and
      // requests keep coming while it stops and while it is away.
      let next = 0;
      let stopping: Promise<LightMyRequestResponse[]> | undefined;
      const worker = async () => {
        while (next < requests.length) {
          const r = requests[next++];
          record(r.clientId, await send(r));
          if (!stopping && answered.size + unavailable.length >= STOP_AFTER) {
            stopping = cluster.stop(mode).then(probeOtherRoutes);
          }
          if (stopping) await sleep(10);
        }
      };
      await Promise.all(Array.from({ length: WORKERS }, worker));
      const outage = await stopping!;
      const duringOutage = unavailable.length;

      // Never a 500: 503 SERVICE_UNAVAILABLE with Retry-After, on every route.
      expect(others.map((r) => `${r.statusCode} ${r.body}`)).toEqual([]);
      expect(duringOutage).toBeGreaterThan(BURST / 3);
      for (const res of [...unavailable, ...outage]) {
        expect(res.statusCode).toBe(503);
        expect(res.json()).toEqual({
          code: 'SERVICE_UNAVAILABLE',
          message: '服务暂时不可用（数据库连接中断），请稍后重试。',
          retryAfterSeconds: 5,
        });
        expect(res.headers['retry-after']).toBe('5');
      }
      const health = await w.t.inject({ method: 'GET', url: '/api/health' });
      expect(health.statusCode).toBe(503);
      expect(health.json().code).toBe('DATABASE_UNAVAILABLE');
      expect(health.headers['retry-after']).toBe('5');

      // PostgreSQL starts again while the phones keep sending what was not answered, with the
      // same clientIds, until answered. The API reconnects by itself.
      const pending = requests.filter((r) => !answered.has(r.clientId));
      expect(pending).toHaveLength(duringOutage);
      let upAt = 0;
      let firstAnswerAt = 0;
      const restart = cluster.start().then(() => void (upAt = Date.now()));
      const deadline = Date.now() + 30_000;
      const retrier = async () => {
        for (let r = pending.shift(); r; r = pending.shift()) {
          for (;;) {
            const res = await send(r);
            record(r.clientId, res);
            if (res.statusCode !== 503) {
              firstAnswerAt ||= Date.now();
              break;
            }
            if (Date.now() > deadline) throw new Error(`no answer for ${r.clientId}`);
            await sleep(100);
          }
        }
      };
      await Promise.all([restart, ...Array.from({ length: WORKERS }, retrier)]);
      const lastAnswerMs = Date.now() - upAt;
      expect(others.map((r) => `${r.statusCode} ${r.body}`)).toEqual([]);
      expect((await w.t.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);

      // 0 lost, 0 duplicated: exactly one visit per clientId, the one its answer named.
      const rows: { client_id: string; id: string; n: number }[] = await w.t.dataSource.query(
        `SELECT client_id, min(id::text) AS id, count(*)::int AS n FROM visit
          WHERE client_id = ANY($1::uuid[]) GROUP BY client_id`,
        [requests.map((r) => r.clientId)],
      );
      expect(rows).toHaveLength(BURST);
      expect(rows.filter((row) => row.n !== 1)).toEqual([]);
      const visitOf = new Map(rows.map((row) => [row.client_id, row.id]));
      for (const r of requests) {
        const body = answered.get(r.clientId)!.json();
        expect(body.visit?.id ?? body.attemptId).toBe(visitOf.get(r.clientId));
      }
      // One CHECK_IN audit entry per visit, and the whole chain verifies.
      const [{ n: audited }] = await w.t.dataSource.query(
        `SELECT count(*)::int AS n FROM audit_entry
          WHERE action = 'CHECK_IN' AND subject_id = ANY($1)`,
        [[...visitOf.values()]],
      );
      expect(audited).toBe(BURST);
      const verify = await w.users.supervisor.request('GET', '/api/v1/audit/verify');
      expect(verify.statusCode).toBe(200);
      expect(verify.json()).toMatchObject({ ok: true, firstBrokenSeq: null });

      console.log(
        `outage (${mode}): ${BURST} check-ins, ${duringOutage} answered 503 during the outage, ` +
          `${unavailable.length - duringOutage} more while PostgreSQL started; after it was up the ` +
          `first answer came in ${firstAnswerAt - upAt} ms, the last in ${lastAnswerMs} ms; ` +
          `${Date.now() - started} ms in all`,
      );
    },
  );
});
