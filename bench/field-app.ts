/**
 * The app bench:field measures: a throw-away PostgreSQL cluster (deleted at the end) and the API
 * of a given checkout in a child process (field-server.ts) serving a given H5 build, with the
 * demo data. Everything started here is stopped by `stop()`, also after a failure half-way.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { findPostgresBinDir } from '../apps/api/src/database/embedded/postgres-binaries';
import { PostgresCluster } from '../apps/api/src/database/embedded/postgres-cluster';

export interface FieldApp {
  baseUrl: string;
  /** A fresh gate code (the QR text) for the first gate of a demo firm, issued by the admin. */
  issueGateCode(firm: string): Promise<string>;
  stop(): Promise<void>;
}

const START_TIMEOUT_MS = 180_000;

/** Starts PostgreSQL and the API of `repo` serving `h5Dir`; resolves once it listens. */
export async function startFieldApp(repo: string, h5Dir: string): Promise<FieldApp> {
  const binDir = findPostgresBinDir();
  if (!binDir) throw new Error('PostgreSQL server binaries not found: set PG_BIN_DIR');
  const root = mkdtempSync(path.join(os.tmpdir(), 'qinqing-field-'));
  chmodSync(root, 0o755); // the postgres user must reach the data folder when we run as root
  const cluster = new PostgresCluster({
    dataDir: path.join(root, 'data'),
    binDir,
    ephemeral: true,
  });
  let child: ChildProcess | undefined;

  const stop = async () => {
    if (child && child.exitCode === null && child.signalCode === null) {
      const exited = new Promise<void>((done) => child!.once('exit', () => done()));
      if (child.connected) child.send('stop');
      const timer = setTimeout(() => child?.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    }
    await cluster.stop().catch((error: unknown) => console.error('stopping PostgreSQL:', error));
    rmSync(root, { recursive: true, force: true });
  };

  try {
    await cluster.start();
    const databaseUrl = await cluster.ensureDatabase('qinqing_field');
    child = fork(path.join(__dirname, 'field-server.ts'), [], {
      execArgv: ['-r', path.join(__dirname, 'register.js')],
      env: {
        ...process.env,
        FIELD_REPO: repo,
        FIELD_H5_DIR: h5Dir,
        FIELD_DATABASE_URL: databaseUrl,
        FIELD_DATA_DIR: path.join(root, 'app'),
        FIELD_JWT_SECRET: randomBytes(32).toString('base64url'),
        FIELD_GATE_CODE_SEED: randomBytes(32).toString('base64url'),
        FIELD_AUDIT_CHECKPOINT_SEED: randomBytes(32).toString('base64url'),
      },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    const port = await listening(child);
    return {
      baseUrl: `http://127.0.0.1:${port}`,
      issueGateCode: codeIssuer(child),
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

function listening(child: ChildProcess): Promise<number> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the API did not start within ${START_TIMEOUT_MS / 1000} s`));
    }, START_TIMEOUT_MS);
    const onMessage = (message: { type?: string; port?: number }) => {
      if (message.type !== 'listening') return;
      clearTimeout(timer);
      child.off('message', onMessage);
      child.off('exit', onExit);
      resolve(Number(message.port));
    };
    const onExit = (code: number | null) => {
      clearTimeout(timer);
      reject(new Error(`the API exited (${code}) before listening`));
    };
    child.on('message', onMessage);
    child.once('exit', onExit);
  });
}

function codeIssuer(child: ChildProcess): (firm: string) => Promise<string> {
  let next = 0;
  return (firm) =>
    new Promise((resolve, reject) => {
      const id = ++next;
      const timer = setTimeout(() => {
        child.off('message', onMessage);
        reject(new Error(`issuing a gate code for ${firm} took over 30 s`));
      }, 30_000);
      const onMessage = (message: {
        type?: string;
        id?: number;
        code?: string;
        error?: string;
      }) => {
        if (message.type !== 'code' || message.id !== id) return;
        clearTimeout(timer);
        child.off('message', onMessage);
        if (message.error) reject(new Error(message.error));
        else resolve(String(message.code));
      };
      child.on('message', onMessage);
      child.send({ type: 'issueCode', id, firm });
    });
}
