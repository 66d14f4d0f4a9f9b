import { chmodSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { Client } from 'pg';
import { startEmbeddedDatabase } from '../src/database/embedded/embedded-database';
import { spawn } from 'node:child_process';

/** Starts PgliteServer in a child Node process; resolves its URL and a stop function. */
function startPgliteChild(dir: string): Promise<{ url: string; stop: () => Promise<void> }> {
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
      const line = out.split('\n')[0];
      if (out.includes('\n')) {
        resolve({
          url: line.trim(),
          stop: async () => {
            child.stdin.end();
            await exited;
          },
        });
      }
    });
    child.on('exit', (code) => reject(new Error(`pglite child exited with ${code}`)));
  });
}

async function query<T>(url: string, sql: string): Promise<T[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows as T[];
  } finally {
    await client.end();
  }
}

describe('embedded database', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(path.join(tmpdir(), 'qinqing-embedded-'));
    chmodSync(root, 0o755);
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('starts a private cluster from the machine binaries and keeps data across restarts', async () => {
    const first = await startEmbeddedDatabase(root);
    expect(first.kind).toBe('postgres-cluster');
    expect(first.dataDir).toBe(path.join(root, 'postgres'));
    // The app reaches it over the Unix socket in its data folder (no server address: not TCP).
    expect(first.url).toContain(`host=${encodeURIComponent(first.dataDir)}`);
    expect(await query(first.url, 'SELECT inet_server_addr() AS addr')).toEqual([{ addr: null }]);
    await query(first.url, 'CREATE TABLE kept (v text); INSERT INTO kept VALUES ($$郑州$$)');
    await first.stop();

    const second = await startEmbeddedDatabase(root);
    try {
      expect(await query(second.url, 'SELECT v FROM kept')).toEqual([{ v: '郑州' }]);
    } finally {
      await second.stop();
    }
  }, 60_000);

  it('reuses a cluster left running by a killed process instead of failing', async () => {
    const first = await startEmbeddedDatabase(root);
    const second = await startEmbeddedDatabase(root); // the first was never stopped
    try {
      expect(second.url).toBe(first.url);
      expect(await query(second.url, 'SELECT 1 AS ok')).toEqual([{ ok: 1 }]);
    } finally {
      await second.stop();
    }
  }, 60_000);

  it('is reached over loopback TCP when its folder is too deep for a socket address', async () => {
    const deep = path.join(root, 'a-folder-name-long-enough-'.repeat(3), 'to-push-the-socket-path');
    mkdirSync(deep, { recursive: true });
    chmodSync(path.join(root, 'a-folder-name-long-enough-'.repeat(3)), 0o755);
    chmodSync(deep, 0o755);
    const db = await startEmbeddedDatabase(deep);
    try {
      expect(db.url).toMatch(/^postgres:\/\/postgres@127\.0\.0\.1:\d+\/qinqing$/);
      expect(await query(db.url, 'SELECT host(inet_server_addr()) AS addr')).toEqual([
        { addr: '127.0.0.1' },
      ]);
    } finally {
      await db.stop();
    }
  }, 60_000);

  it('falls back to PGlite, reachable by the pg driver, with data kept across restarts', async () => {
    const dir = path.join(root, 'pglite');
    const first = await startPgliteChild(dir);
    await query(first.url, 'CREATE TABLE kept (v text)');
    await query(first.url, `INSERT INTO kept VALUES ('新郑')`);
    await first.stop();

    const second = await startPgliteChild(dir);
    try {
      expect(await query(second.url, 'SELECT v FROM kept')).toEqual([{ v: '新郑' }]);
    } finally {
      await second.stop();
    }
  }, 60_000);
});
