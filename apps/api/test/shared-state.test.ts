import { Logger } from '@nestjs/common';
import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { LoginThrottle } from '../src/auth/login-throttle';
import { LoginAttemptsRepository } from '../src/auth/login-attempts.repository';
import { PgRateLimitStore } from '../src/common/rate-limit';
import { RateLimitWindowsRepository } from '../src/common/rate-limit-windows.repository';
import { DomainException } from '../src/common/errors/domain.exception';
import { validateEnv } from '../src/config/env';
import { migrate } from '../src/database/migrate';
import { MIGRATIONS } from '../src/database/migrations';
import { typeOrmOptions } from '../src/database/typeorm-options';
import { JobScheduler } from '../src/jobs/job-scheduler';
import { JobRunsRepository } from '../src/jobs/job-runs.repository';
import { asTx, sqlOf, Transactions } from '../src/database/transactions';

/**
 * The state several API instances share through PostgreSQL, each "instance" here a DataSource
 * of its own (its own pool) on one database: the rate-limit windows, the login attempts, the job
 * runs, the migrations. Also on PGlite, where there is one connection for everything.
 */
Logger.overrideLogger(false); // the jobs' and migrations' log lines

const env = validateEnv({ SCHEDULED_JOBS: false, LOGIN_ACCOUNT_DELAY_MS: 0 });
const noJobs = { register: () => undefined } as unknown as JobScheduler;

async function emptyDatabase(): Promise<string> {
  const serverUrl = process.env.QINQING_TEST_PG_URL!;
  const name = `ha_${Math.random().toString(36).slice(2, 10)}`;
  const client = new Client({ connectionString: serverUrl });
  await client.connect();
  await client.query(`CREATE DATABASE "${name}"`);
  await client.end();
  return serverUrl.replace(/\/postgres$/, `/${name}`);
}

const open = (url: string, poolMax = 5) =>
  new DataSource(typeOrmOptions(url, poolMax)).initialize();

const rateLimited = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (e: unknown) => (e instanceof DomainException && e.code === 'RATE_LIMITED' ? e : undefined),
  );

describe('state shared by API instances through PostgreSQL', () => {
  let a: DataSource;
  let b: DataSource;

  beforeAll(async () => {
    const url = await emptyDatabase();
    [a, b] = await Promise.all([open(url), open(url)]);
  });
  afterAll(async () => {
    await a?.destroy();
    await b?.destroy();
  });

  it('migrates an empty database once when two instances start at once', async () => {
    const ran = await Promise.all([migrate(a), migrate(b)]);
    expect(ran.map((names) => names.length).sort()).toEqual([0, MIGRATIONS.length]);
    const rows = await a.query('SELECT name FROM schema_migration');
    expect(rows).toHaveLength(MIGRATIONS.length);
    expect(await a.showMigrations()).toBe(false);
  });

  it('counts a rate-limit window across instances, atomically, and starts a new one after it', async () => {
    const stores = [
      new PgRateLimitStore(new RateLimitWindowsRepository(a), noJobs),
      new PgRateLimitStore(new RateLimitWindowsRepository(b), noJobs),
    ];
    const now = Date.UTC(2026, 10, 22, 8);
    const counts = await Promise.all(
      Array.from({ length: 40 }, (_, i) => stores[i % 2].hit('k', 60_000, now + i)),
    );
    expect(counts.map((c) => c.count).sort((x, y) => x - y)).toEqual(
      Array.from({ length: 40 }, (_, i) => i + 1),
    );
    // One window for all forty: it starts at the time of whichever hit reached the database first
    const first = counts.findIndex((c) => c.count === 1);
    expect(new Set(counts.map((c) => c.windowStart))).toEqual(new Set([now + first]));
    const windowStart = now + first;
    expect(await stores[1].hit('k', 60_000, windowStart + 60_000)).toEqual({
      count: 1,
      windowStart: windowStart + 60_000,
    });
    await stores[0].hit('other', 60_000, now);
    expect(await stores[0].sweep(asTx(a.manager), now + 60_000)).toBe(1); // `other`, not `k`
  });

  it('lets five of twenty guesses sent at once to two instances be checked, the others come back soon', async () => {
    const throttles = [a, b].map(
      (ds) => new LoginThrottle(new LoginAttemptsRepository(ds, noJobs), env),
    );
    const outcomes = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        rateLimited(throttles[i % 2].begin('officer4', '10.9.0.1')),
      ),
    );
    expect(outcomes.filter((refused) => !refused)).toHaveLength(5);
    expect(outcomes.filter(Boolean).map((refused) => refused?.details)).toEqual(
      Array(15).fill({ retryAfterSeconds: 1 }),
    );
  });

  it('blocks an address after five failures on either instance, and a success frees its place', async () => {
    const [ta, tb] = [a, b].map(
      (ds) => new LoginThrottle(new LoginAttemptsRepository(ds, noJobs), env),
    );
    const now = Date.now();
    for (let i = 0; i < 5; i++) {
      await (await (i % 2 ? tb : ta).begin(`user${i}`, '10.9.0.2', now + i)).failed();
    }
    const refused = await rateLimited(ta.begin('someone', '10.9.0.2', now + 60_000));
    expect(refused?.details).toEqual({ retryAfterSeconds: 15 * 60 - 60 });
    expect(await rateLimited(tb.begin('someone', '10.9.0.2', now + 60_000))).toBeDefined();

    for (let i = 0; i < 10; i++) await (await ta.begin('officer1', '10.9.0.3')).succeeded();
    for (let i = 0; i < 10; i++) await (await tb.begin('officer1', '10.9.0.3')).abandoned();
    await expect(ta.begin('officer1', '10.9.0.3')).resolves.toBeDefined();
    const [{ n }] = await a.query(
      `SELECT count(*)::int AS n FROM login_attempt WHERE key = 'checking:address:10.9.0.3'
         AND cardinality(times) > 0`,
    );
    expect(n).toBe(1); // only the attempt left open above
  });

  it('keeps the login store semantics: one entry removed at a time, old entries forgotten', async () => {
    const store = new LoginAttemptsRepository(a, noJobs);
    const t = Date.UTC(2026, 10, 22, 9);
    await store.add('account:x', t);
    await store.add('account:x', t);
    await store.add('account:x', t + 1);
    await store.remove('account:x', t);
    expect(await store.since('account:x', 0)).toEqual([t, t + 1]);
    expect(await store.since('account:x', t)).toEqual([t + 1]);
    await store.add('account:x', t + 16 * 60_000); // the older ones left the window
    expect(await store.since('account:x', 0)).toEqual([t + 16 * 60_000]);
    await store.clear('account:x');
    expect(await store.since('account:x', 0)).toEqual([]);
    await store.add('account:y', t);
    expect(await store.sweep(t + 15 * 60_000)).toBeGreaterThanOrEqual(1);
    expect(await store.since('account:y', 0)).toEqual([]);
  });

  it('runs a job slot once when two instances fire at once, and not again when one fires late', async () => {
    let runs = 0;
    const schedulers = [a, b].map((ds) => {
      const scheduler = new JobScheduler(new Transactions(ds), new JobRunsRepository(ds), env);
      scheduler.register({
        name: 'test-job',
        intervalMs: 60_000,
        run: async (tx) => {
          runs += 1;
          await sqlOf(ds, tx).query('SELECT pg_sleep(0.2)');
          return { runs };
        },
      });
      return scheduler;
    });
    const slot = new Date(Date.UTC(2026, 10, 22, 10));
    const outcomes = await Promise.all(schedulers.map((s) => s.runSlot('test-job', slot)));
    expect(outcomes.sort()).toEqual(['ran', 'running-elsewhere']);
    expect(await schedulers[1].runSlot('test-job', slot)).toBe('already-ran');
    expect(await schedulers[0].runSlot('test-job', new Date(slot.getTime() + 60_000))).toBe('ran');
    expect(runs).toBe(2);
    const rows = await a.query(`SELECT result FROM job_run WHERE job = 'test-job' ORDER BY slot`);
    expect(rows).toEqual([{ result: { runs: 1 } }, { result: { runs: 2 } }]);
  });

  it('forgets the claim of a run that failed, so the slot can run again', async () => {
    const scheduler = new JobScheduler(new Transactions(a), new JobRunsRepository(a), env);
    let fail = true;
    scheduler.register({
      name: 'flaky-job',
      intervalMs: 60_000,
      run: () => (fail ? Promise.reject(new Error('boom')) : Promise.resolve({})),
    });
    const slot = new Date(Date.UTC(2026, 10, 22, 11));
    await expect(scheduler.runSlot('flaky-job', slot)).rejects.toThrow('boom');
    fail = false;
    expect(await scheduler.runSlot('flaky-job', slot)).toBe('ran');
  });
});

/** PgliteServer in a child Node process (jest cannot load PGlite's WASM); see pglite-child.ts. */
function startPglite(dir: string): Promise<{ url: string; stop: () => Promise<void> }> {
  const child = spawn(
    process.execPath,
    ['-r', 'ts-node/register/transpile-only', path.join(__dirname, 'support/pglite-child.ts'), dir],
    { cwd: path.join(__dirname, '..'), stdio: ['pipe', 'pipe', 'inherit'] },
  );
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (!out.includes('\n')) return;
      resolve({
        url: out.split('\n')[0].trim(),
        stop: async () => {
          child.stdin.end();
          await exited;
        },
      });
    });
    child.on('exit', (code) => reject(new Error(`pglite child exited with ${code}`)));
  });
}

describe('the same on PGlite (one connection for everything)', () => {
  let root: string;
  let pglite: { url: string; stop: () => Promise<void> };
  let ds: DataSource;

  beforeAll(async () => {
    root = mkdtempSync(path.join(tmpdir(), 'qinqing-pglite-ha-'));
    chmodSync(root, 0o755);
    pglite = await startPglite(path.join(root, 'pglite'));
    ds = await open(pglite.url, 1);
  }, 60_000);
  afterAll(async () => {
    await ds?.destroy();
    await pglite?.stop();
    rmSync(root, { recursive: true, force: true });
  });

  it('migrates under the lock, counts limits and login attempts, runs a job in its transaction', async () => {
    expect(await migrate(ds)).toHaveLength(MIGRATIONS.length);
    expect(await migrate(ds)).toEqual([]);

    const limits = new PgRateLimitStore(new RateLimitWindowsRepository(ds), noJobs);
    const now = Date.now();
    const counts = await Promise.all([1, 2, 3].map(() => limits.hit('k', 60_000, now)));
    expect(counts.map((c) => c.count).sort()).toEqual([1, 2, 3]);

    const throttle = new LoginThrottle(new LoginAttemptsRepository(ds, noJobs), env);
    for (let i = 0; i < 5; i++) await (await throttle.begin('u', '10.9.1.1')).failed();
    expect(await rateLimited(throttle.begin('u', '10.9.1.1'))).toBeDefined();

    const scheduler = new JobScheduler(new Transactions(ds), new JobRunsRepository(ds), env);
    scheduler.register({
      name: 'pglite-job',
      intervalMs: 60_000,
      run: async (tx) => ({ sweptWindows: await limits.sweep(tx, now + 60_000) }),
    });
    expect(await scheduler.runSlot('pglite-job', new Date(0))).toBe('ran');
    expect(await ds.query('SELECT result FROM job_run')).toEqual([{ result: { sweptWindows: 1 } }]);
  }, 60_000);
});
