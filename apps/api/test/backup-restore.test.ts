import { execFileSync } from 'node:child_process';
import {
  chmodSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { ChainVerification } from '@qinqing/domain';
import { findPostgresBinDir } from '../src/database/embedded/postgres-binaries';
import { PostgresCluster } from '../src/database/embedded/postgres-cluster';
import { login } from './support/api-client';
import { checkInBody, startDemoWorld, type DemoWorld } from './support/demo-world';
import { startTestApp, type TestApp } from './support/test-app';

const REPO = path.resolve(__dirname, '../../..');
const BACKUP = path.join(REPO, 'deploy/backup.sh');
const RESTORE = path.join(REPO, 'deploy/restore.sh');

/**
 * The backup a bureau relies on, tried the only way that proves it: a database with activity is
 * dumped by deploy/backup.sh (what the Compose backup service runs), restored by deploy/restore.sh
 * into a cluster that never saw it, and the API started on the copy finds every visit and an
 * intact audit chain (row digests, hash chain and the signed checkpoints).
 */
describe('backup and restore (deploy/backup.sh, deploy/restore.sh)', () => {
  let binDir: string;
  let root: string;
  let backups: string;
  let w: DemoWorld;
  let cluster: PostgresCluster | undefined;
  let restored: TestApp | undefined;

  const run = (script: string, args: string[], env: Record<string, string>) =>
    execFileSync('sh', [script, ...args], {
      env: { ...process.env, PATH: `${binDir}:${process.env.PATH}`, ...env },
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });

  beforeAll(async () => {
    binDir = findPostgresBinDir() ?? '';
    if (!binDir) throw new Error('PostgreSQL server binaries not found: set PG_BIN_DIR');
    root = mkdtempSync(path.join(tmpdir(), 'qinqing-backup-'));
    chmodSync(root, 0o755); // the postgres user must reach the data folder when we run as root
    backups = path.join(root, 'backups');
    w = await startDemoWorld();
  });

  afterAll(async () => {
    await restored?.close().catch(() => undefined);
    await w?.t.close().catch(() => undefined);
    await cluster?.stop('immediate').catch(() => undefined);
    if (root) rmSync(root, { recursive: true, force: true });
  });

  it('restores into a fresh cluster a copy on which the API finds every visit and an intact audit chain', async () => {
    // Activity: a check-in, its check-out and a signed checkpoint (on top of the demo's history).
    const code = await w.issueCode(w.firms.hanyang);
    const admitted = await w.users.officer1.request(
      'POST',
      '/api/v1/check-ins',
      checkInBody(w, code, w.firms.hanyang),
    );
    expect(admitted.statusCode).toBe(201);
    const visitId: string = admitted.json().visit.id;
    const checkedOut = await w.users.officer1.request(
      'POST',
      `/api/v1/visits/${visitId}/check-out`,
      { findings: 'NO_ISSUE' },
    );
    expect(checkedOut.statusCode).toBe(200);
    const checkpoint = await w.users.supervisor.request('POST', '/api/v1/audit/checkpoints');
    expect(checkpoint.statusCode).toBe(201);
    const before = await w.users.supervisor.request('GET', '/api/v1/visits?limit=100');
    expect(before.statusCode).toBe(200);
    const visitsBefore: { id: string; status: string }[] = before.json().items;
    expect(visitsBefore.length).toBeGreaterThan(0);

    const output = run(BACKUP, ['once'], {
      DATABASE_URL: w.t.databaseUrl,
      BACKUP_DIR: backups,
    });
    expect(output).toMatch(/backup written: .*qinqing-\d{8}T\d{6}Z\.dump/);
    const files = readdirSync(backups);
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/^qinqing-\d{8}T\d{6}Z\.dump$/);

    // Another machine: a cluster that never saw this database, restored into an empty database.
    cluster = new PostgresCluster({ dataDir: path.join(root, 'data'), binDir, ephemeral: true });
    await cluster.start();
    const url = await cluster.ensureDatabase('qinqing');
    expect(run(RESTORE, [path.join(backups, files[0])], { DATABASE_URL: url })).toMatch(/restored/);

    // The same secrets as the original (startTestApp's), as a bureau restores with its own.
    restored = await startTestApp({ DATABASE_URL: url });
    const supervisor = await login(restored, 'supervisor');
    const after = await supervisor.request('GET', '/api/v1/visits?limit=100');
    expect(after.statusCode).toBe(200);
    const visitsAfter: { id: string; status: string }[] = after.json().items;
    expect(visitsAfter.map((v) => [v.id, v.status])).toEqual(
      visitsBefore.map((v) => [v.id, v.status]),
    );
    const verify = await supervisor.request('GET', '/api/v1/audit/verify');
    expect(verify.statusCode).toBe(200);
    const chain: ChainVerification = verify.json();
    expect(chain).toMatchObject({
      ok: true,
      firstBrokenSeq: null,
      rowMismatchCount: 0,
      checkpointConflicts: [],
    });
    expect(chain.entries).toBeGreaterThan(0);
    expect(chain.rowsChecked).toBeGreaterThan(0);
    expect(chain.checkpointsChecked).toBeGreaterThan(0);
  });

  it('restores nothing into a database that is not empty (all or nothing)', () => {
    const dir = path.join(root, 'into-used');
    run(BACKUP, ['once'], { DATABASE_URL: w.t.databaseUrl, BACKUP_DIR: dir });
    const [file] = readdirSync(dir);
    expect(() => run(RESTORE, [path.join(dir, file)], { DATABASE_URL: w.t.databaseUrl })).toThrow(
      /already exists/,
    );
  });

  it('keeps BACKUP_KEEP_DAYS of backups and never leaves a partial file', () => {
    const kept = path.join(root, 'kept');
    mkdirSync(kept);
    const old = path.join(kept, 'qinqing-20260101T023000Z.dump');
    const recent = path.join(kept, 'qinqing-20261125T023000Z.dump');
    writeFileSync(old, 'old');
    writeFileSync(recent, 'recent');
    const days = (n: number) => (Date.now() - n * 86_400_000) / 1000;
    utimesSync(old, days(40), days(40));
    utimesSync(recent, days(5), days(5));
    run(BACKUP, ['once'], {
      DATABASE_URL: w.t.databaseUrl,
      BACKUP_DIR: kept,
      BACKUP_KEEP_DAYS: '30',
    });
    const files = readdirSync(kept);
    expect(files).not.toContain('qinqing-20260101T023000Z.dump');
    expect(files).toContain('qinqing-20261125T023000Z.dump');
    expect(files).toHaveLength(2); // the recent one and today's

    // A database that cannot be reached: the run fails and leaves no file behind.
    const failing = path.join(root, 'failing');
    mkdirSync(failing);
    expect(() =>
      run(BACKUP, ['once'], {
        DATABASE_URL: 'postgres://postgres@127.0.0.1:1/nothing',
        BACKUP_DIR: failing,
      }),
    ).toThrow();
    expect(readdirSync(failing)).toEqual([]);
  });
});
