import { execFile } from 'node:child_process';
import { chownSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { freePort } from './free-port';

const run = promisify(execFile);

export interface ClusterOptions {
  /** Folder of the cluster's files (created when missing). */
  dataDir: string;
  binDir: string;
  /** Trade durability for speed: for throw-away test clusters only. */
  ephemeral?: boolean;
  /** More server settings (`name=value`), after (so over) the ephemeral ones. */
  settings?: string[];
}

/** Longest Unix socket path the kernel takes (sun_path is 108 bytes with its NUL), with margin. */
const MAX_SOCKET_PATH = 100;

/**
 * A private PostgreSQL cluster started from the machine's binaries, listening on a free loopback
 * port and, when its path is short enough, on a Unix socket in its data folder: `localUrl` is the
 * socket, for clients on this machine (a round trip over the socket costs both sides less CPU than
 * over loopback TCP, whose stack runs in the sender's system call). Running as root, the server
 * runs as the `postgres` user (it refuses root).
 */
export class PostgresCluster {
  private port?: number;

  constructor(private readonly options: ClusterOptions) {}

  get url(): string {
    if (this.port === undefined) throw new Error('cluster not started');
    return `postgres://postgres@127.0.0.1:${this.port}/postgres`;
  }

  /**
   * The URL of `database` for a client on this machine: over the Unix socket when the cluster has
   * one, over loopback TCP otherwise.
   */
  localUrl(database = 'postgres'): string {
    if (this.port === undefined) throw new Error('cluster not started');
    const dir = this.socketDir();
    if (!dir) return this.url.replace(/\/postgres$/, `/${database}`);
    const query = new URLSearchParams({ host: dir, port: String(this.port) });
    return `postgres://postgres@/${encodeURIComponent(database)}?${query.toString()}`;
  }

  /** The data folder, if a socket file in it fits in a socket address. */
  private socketDir(): string | undefined {
    const dir = path.resolve(this.options.dataDir);
    return path.join(dir, `.s.PGSQL.${this.port}`).length <= MAX_SOCKET_PATH ? dir : undefined;
  }

  async start(): Promise<string> {
    const { dataDir } = this.options;
    mkdirSync(dataDir, { recursive: true });
    this.ownByPostgresUser(dataDir);
    if (!existsSync(path.join(dataDir, 'PG_VERSION'))) await this.initdb();
    const running = this.runningPort();
    if (running !== undefined && (await this.accepts(running))) {
      this.port = running;
      return this.url;
    }
    // A restart of this cluster listens where it listened before: its clients find it again.
    this.port ??= await freePort();
    const settings = [
      `-p ${this.port}`,
      `-c listen_addresses=127.0.0.1`,
      `-c unix_socket_directories='${this.socketDir() ?? ''}'`,
      ...(this.options.ephemeral
        ? ['-c fsync=off', '-c synchronous_commit=off', '-c full_page_writes=off']
        : []),
      ...(this.options.settings ?? []).map((setting) => `-c ${setting}`),
    ].join(' ');
    await this.pgctl([
      'start',
      '-w',
      '-t',
      '60',
      '-l',
      path.join(dataDir, 'server.log'),
      '-o',
      settings,
    ]);
    return this.url;
  }

  /** Stops the server: `fast` ends sessions cleanly; `immediate` kills it like a crash would. */
  async stop(mode: 'fast' | 'immediate' = 'fast'): Promise<void> {
    if (!existsSync(path.join(this.options.dataDir, 'postmaster.pid'))) return;
    await this.pgctl(['stop', '-m', mode, '-w']);
  }

  /** Creates a database if it does not exist yet, optionally as a copy of a template. */
  async ensureDatabase(name: string, template?: string): Promise<string> {
    const client = new Client({ connectionString: this.url });
    await client.connect();
    try {
      const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [
        name,
      ]);
      if (!rowCount) {
        const from = template ? ` TEMPLATE "${template}"` : '';
        await client.query(`CREATE DATABASE "${name}"${from}`);
      }
    } finally {
      await client.end();
    }
    return this.url.replace(/\/postgres$/, `/${name}`);
  }

  private initdb(): Promise<void> {
    return this.exec('initdb', [
      '-D',
      this.options.dataDir,
      '-U',
      'postgres',
      '-A',
      'trust',
      '-E',
      'UTF8',
      '--locale=C',
      ...(this.options.ephemeral ? ['--no-sync'] : []),
    ]);
  }

  /** The port of a server already running on this data folder (e.g. left by a killed app). */
  private runningPort(): number | undefined {
    const pidFile = path.join(this.options.dataDir, 'postmaster.pid');
    if (!existsSync(pidFile)) return undefined;
    const port = Number(readFileSync(pidFile, 'utf8').split('\n')[3]);
    return Number.isInteger(port) && port > 0 ? port : undefined;
  }

  private async accepts(port: number): Promise<boolean> {
    const client = new Client({
      connectionString: `postgres://postgres@127.0.0.1:${port}/postgres`,
    });
    try {
      await client.connect();
      return true;
    } catch {
      return false;
    } finally {
      await client.end().catch(() => undefined);
    }
  }

  private pgctl(args: string[]): Promise<void> {
    return this.exec('pg_ctl', ['-D', this.options.dataDir, ...args]);
  }

  private async exec(bin: string, args: string[]): Promise<void> {
    const file = path.join(this.options.binDir, bin);
    const asRoot = process.getuid?.() === 0;
    const [command, argv] = asRoot
      ? ['runuser', ['-u', 'postgres', '--', file, ...args]]
      : [file, args];
    try {
      await run(command, argv, { timeout: 120_000 });
    } catch (error) {
      const e = error as { stderr?: string; message: string };
      throw new Error(`${bin} failed: ${e.stderr || e.message}`);
    }
  }

  private ownByPostgresUser(dir: string): void {
    if (process.getuid?.() !== 0) return;
    const { uid, gid } = postgresUser();
    chownSync(dir, uid, gid);
  }
}

function postgresUser(): { uid: number; gid: number } {
  const line = readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .find((l) => l.startsWith('postgres:'));
  if (!line) throw new Error('running as root needs a "postgres" system user to run PostgreSQL');
  const [, , uid, gid] = line.split(':');
  return { uid: Number(uid), gid: Number(gid) };
}
