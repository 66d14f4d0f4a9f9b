/**
 * What the machine did during a run: CPU by process group (app, load generator, PostgreSQL, anything
 * else on the machine) and what the database sessions were waiting for (pg_stat_activity samples).
 * The machine is shared with other work (test runs…): "other" shows when a run was disturbed.
 */
import { readdirSync, readFileSync } from 'node:fs';
import * as os from 'node:os';
import { Client } from 'pg';
import { sleep } from './stats';

const TICK_MS = 10; // USER_HZ is 100 on Linux

function machineBusyMs(): { busy: number; total: number } {
  let busy = 0;
  let total = 0;
  for (const cpu of os.cpus()) {
    const t = cpu.times;
    busy += t.user + t.nice + t.sys + t.irq;
    total += t.user + t.nice + t.sys + t.irq + t.idle;
  }
  return { busy, total };
}

function procStat(pid: number): { ppid: number; cpuMs: number } | undefined {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    // fields[0] is field 3 (state): ppid is field 4, utime 14, stime 15
    return { ppid: Number(fields[1]), cpuMs: (Number(fields[11]) + Number(fields[12])) * TICK_MS };
  } catch {
    return undefined;
  }
}

/** CPU ms by pid of the postmaster and its children (backends, writer, WAL writer …). */
function clusterCpuMs(postmasterPid: number): Map<number, number> {
  const byPid = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    const pid = Number(name);
    if (!Number.isInteger(pid)) continue;
    const stat = procStat(pid);
    if (stat && (pid === postmasterPid || stat.ppid === postmasterPid)) byPid.set(pid, stat.cpuMs);
  }
  return byPid;
}

/** CPU used between two snapshots by the processes alive at the end (new ones: all of theirs). */
function cpuDelta(before: Map<number, number>, after: Map<number, number>): number {
  let sum = 0;
  for (const [pid, ms] of after) sum += Math.max(0, ms - (before.get(pid) ?? 0));
  return sum;
}

export interface CpuShare {
  /** Cores used on average over the run (2.0 = both cores busy). */
  app: number;
  loadGenerator: number;
  postgres: number;
  other: number;
  idle: number;
}

export class CpuMeter {
  private start?: {
    at: number;
    machine: { busy: number; total: number };
    app: number;
    self: number;
    pg: Map<number, number>;
  };

  constructor(
    private readonly appPid: () => number | undefined,
    private readonly postmasterPid: () => number | undefined,
  ) {}

  private snapshot() {
    const appPid = this.appPid();
    const pgPid = this.postmasterPid();
    const self = process.cpuUsage();
    return {
      at: Date.now(),
      machine: machineBusyMs(),
      app: appPid ? (procStat(appPid)?.cpuMs ?? 0) : 0,
      self: (self.user + self.system) / 1000,
      pg: pgPid ? clusterCpuMs(pgPid) : new Map<number, number>(),
    };
  }

  begin(): void {
    this.start = this.snapshot();
  }

  end(): CpuShare {
    const a = this.start!;
    const b = this.snapshot();
    const wall = b.at - a.at;
    const cores = os.cpus().length;
    const busy = ((b.machine.busy - a.machine.busy) / (b.machine.total - a.machine.total)) * cores;
    const app = (b.app - a.app) / wall;
    const loadGenerator = (b.self - a.self) / wall;
    const postgres = cpuDelta(a.pg, b.pg) / wall;
    return {
      app,
      loadGenerator,
      postgres,
      other: Math.max(0, busy - app - loadGenerator - postgres),
      idle: Math.max(0, cores - busy),
    };
  }
}

/** Cores used by processes other than ours over `ms` (to wait for a quiet machine). */
export async function otherLoad(meter: CpuMeter, ms = 2000): Promise<number> {
  meter.begin();
  await sleep(ms);
  return meter.end().other;
}

/** Samples pg_stat_activity every `everyMs`: average number of sessions per state/wait event. */
export class WaitSampler {
  private readonly counts = new Map<string, number>();
  /** autovacuum workers' tasks seen (e.g. `autovacuum: VACUUM public.visit_2026_12`), in samples */
  private readonly background = new Map<string, number>();
  private samples = 0;
  private running = false;
  private loop?: Promise<void>;
  private client?: Client;

  constructor(
    private readonly url: string,
    private readonly everyMs = 100,
  ) {}

  async start(): Promise<void> {
    this.client = new Client({ connectionString: this.url });
    await this.client.connect();
    this.running = true;
    this.loop = (async () => {
      while (this.running) {
        const { rows } = await this.client!.query<{ what: string; n: string }>(
          `SELECT state || coalesce(' / ' || wait_event_type || ':' || wait_event, ' / on CPU') AS what,
                  count(*) AS n
             FROM pg_stat_activity
            WHERE backend_type = 'client backend' AND datname = current_database()
              AND pid <> pg_backend_pid() AND state <> 'idle'
            GROUP BY 1`,
        );
        this.samples += 1;
        for (const r of rows) this.counts.set(r.what, (this.counts.get(r.what) ?? 0) + Number(r.n));
        const workers = await this.client!.query<{ query: string }>(
          `SELECT query FROM pg_stat_activity
            WHERE backend_type = 'autovacuum worker' AND query <> ''`,
        );
        for (const w of workers.rows) {
          this.background.set(w.query, (this.background.get(w.query) ?? 0) + 1);
        }
        await sleep(this.everyMs);
      }
    })();
  }

  /** The autovacuum tasks seen during the run, with how long (seconds, from the samples). */
  backgroundWork(): Record<string, number> {
    return Object.fromEntries(
      [...this.background.entries()].map(([task, n]) => [task, (n * this.everyMs) / 1000]),
    );
  }

  /** Average sessions per state, largest first. */
  async stop(): Promise<Record<string, number>> {
    this.running = false;
    await this.loop;
    await this.client?.end();
    return Object.fromEntries(
      [...this.counts.entries()]
        .map(([k, v]): [string, number] => [
          k,
          Math.round((v / Math.max(1, this.samples)) * 100) / 100,
        ])
        .sort((a, b) => b[1] - a[1]),
    );
  }
}

/** The app's event-loop delay over a run (monitorEventLoopDelay, 10 ms resolution). */
export interface LoopDelay {
  p99Ms: number;
  maxMs: number;
  meanMs: number;
  /** garbage collections during the run: how many, their pauses' total and longest */
  gcCount: number;
  gcTotalMs: number;
  gcMaxMs: number;
}

/** What the server did during a run that can stall a request: checkpoints and new sessions. */
export interface ServerEvents {
  /** checkpoints started (timed or requested) */
  checkpoints: number;
  checkpointWriteMs: number;
  checkpointSyncMs: number;
  /** sessions opened on the database (the app's pool connecting anew, the sampler's own) */
  newSessions: number;
  /** autovacuum or autoanalyze runs finished on the database's tables */
  autovacuums: number;
  /** autovacuum workers' tasks seen running during the run, with about how long (s) */
  autovacuumSeen?: Record<string, number>;
  loopDelay?: LoopDelay;
}

type Counters = Omit<ServerEvents, 'loopDelay' | 'autovacuumSeen'>;

/** Reads the server's cumulative counters; the difference of two readings is a run's events. */
export async function serverCounters(url: string): Promise<Counters> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<Record<keyof Counters, string>>(
      `SELECT b.checkpoints_timed + b.checkpoints_req AS checkpoints,
              b.checkpoint_write_time AS "checkpointWriteMs",
              b.checkpoint_sync_time AS "checkpointSyncMs",
              d.sessions AS "newSessions",
              (SELECT coalesce(sum(autovacuum_count + autoanalyze_count), 0)
                 FROM pg_stat_user_tables) AS autovacuums
         FROM pg_stat_bgwriter b, pg_stat_database d
        WHERE d.datname = current_database()`,
    );
    const row = rows[0];
    return {
      checkpoints: Number(row.checkpoints),
      checkpointWriteMs: Number(row.checkpointWriteMs),
      checkpointSyncMs: Number(row.checkpointSyncMs),
      newSessions: Number(row.newSessions),
      autovacuums: Number(row.autovacuums),
    };
  } finally {
    await client.end();
  }
}

export function countersBetween(before: Counters, after: Counters): Counters {
  return {
    checkpoints: after.checkpoints - before.checkpoints,
    checkpointWriteMs: after.checkpointWriteMs - before.checkpointWriteMs,
    checkpointSyncMs: after.checkpointSyncMs - before.checkpointSyncMs,
    // the reading's own session counts once
    newSessions: after.newSessions - before.newSessions - 1,
    autovacuums: after.autovacuums - before.autovacuums,
  };
}
