/**
 * The measurements: check-ins through the real app with autocannon (max throughput, fixed rate)
 * and an open-loop paced client; the raw-insert baseline through plain pg; the visit list.
 */
import { createHash } from 'node:crypto';
import * as http from 'node:http';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import type { Pool, PoolClient } from 'pg';
import { chainKeyNumber, entryContent, entryHash } from '../apps/api/src/audit/audit-hash';
import type { CpuShare, ServerEvents } from './monitor';
import { seededRandom, seededUuid, sleep, summarize, type LatencySummary } from './stats';

/** The part of autocannon 9's programmatic API used here (it ships no types). */
interface AutocannonResult {
  duration: number;
  errors: number;
  timeouts: number;
  requests: { average: number };
  latency: { p50: number; p99: number };
}
interface AutocannonRun extends PromiseLike<AutocannonResult> {
  on(
    event: 'response',
    listener: (client: unknown, statusCode: number, bytes: number, ms: number) => void,
  ): void;
}
const autocannon: (options: Record<string, unknown>) => AutocannonRun = require('autocannon');

/** An officer logged in, with the colleague he names as co-officer. */
export interface Team {
  username: string;
  leadId: string;
  unitId: string;
  coOfficerId: string;
  token: string;
}

/** A firm whose gate got a code for the run. */
export interface CodedFirm {
  enterpriseId: string;
  gateId: string;
  code: string;
  lat: number;
  lng: number;
  listed: boolean;
}

export interface RunResult {
  label: string;
  seconds: number;
  requests: number;
  ok: number;
  non2xx: number;
  errors: number;
  /** Successful requests per second. */
  okPerSecond: number;
  latency: LatencySummary;
  /** autocannon's own figures (integer-ms HDR histogram), for reference. */
  autocannon?: { requestsAverage: number; p50: number; p99: number };
  statusCounts: Record<string, number>;
  errorSamples: string[];
  /** Filled by run.ts: CPU by process group, database waits, busiest statements. */
  cpu?: CpuShare;
  waits?: Record<string, number>;
  statements?: StatementStat[];
  /** Cores used by other processes on the machine just before the run. */
  otherLoadBefore?: number;
  /** Open loop only: requests not sent because too many were already waiting (overload). */
  notSent?: number;
  /** Filled by run.ts: checkpoints, new database sessions, the app's event-loop delay. */
  server?: ServerEvents;
  /** Open loop only: the slowest requests, with when (seconds into the run) they were due. */
  slowest?: { dueS: number; ms: number }[];
  /** Open loop only: how late the load generator sent a request at worst, and its loop delay. */
  generator?: { maxSendLagMs: number; loopDelayMaxMs: number };
}

export interface StatementStat {
  calls: number;
  perRequest: number;
  meanMs: number;
  /** the slowest execution */
  maxMs: number;
  totalMs: number;
  /** plans made (pg_stat_statements.track_planning): a prepared statement's generic plan is made
   * once per session, a custom plan at every execution */
  plansPerCall: number;
  /** planning time per call, ms */
  planMeanMs: number;
  query: string;
}

/** What a check-in sends: COMPLAINT_VERIFICATION or REQUESTED_SERVICE (allowed at listed firms,
 * never capped), a fresh reference (no repeat visit), at the gate, two officers, clientTime now. */
export class CheckInBodies {
  private readonly random: () => number;
  private n = 0;

  constructor(
    private readonly firms: CodedFirm[],
    private readonly seed: number,
  ) {
    this.random = seededRandom(seed);
  }

  next(team: Pick<Team, 'coOfficerId'>): { body: Record<string, unknown>; firm: CodedFirm } {
    const firm = this.firms[Math.floor(this.random() * this.firms.length)];
    const complaint = this.random() < 0.7;
    this.n += 1;
    const year = new Date().getUTCFullYear();
    const body = {
      clientId: seededUuid(this.random),
      code: firm.code,
      purpose: complaint ? 'COMPLAINT_VERIFICATION' : 'REQUESTED_SERVICE',
      // Unique per run and request: never a repeat of an earlier visit's cause.
      reference: complaint
        ? `郑环信访〔${year}〕B${this.seed}-${this.n}号`
        : `企业申请〔${year}〕B${this.seed}-${this.n}号`,
      coOfficerIds: [team.coOfficerId],
      location: {
        lat: firm.lat + (this.random() - 0.5) * 0.0002,
        lng: firm.lng + (this.random() - 0.5) * 0.0002,
        accuracy: 8 + Math.floor(this.random() * 20),
      },
      clientTime: new Date().toISOString(),
    };
    return { body, firm };
  }
}

function newResult(label: string): RunResult {
  return {
    label,
    seconds: 0,
    requests: 0,
    ok: 0,
    non2xx: 0,
    errors: 0,
    okPerSecond: 0,
    latency: summarize([]),
    statusCounts: {},
    errorSamples: [],
  };
}

function recordError(result: RunResult, sample: string): void {
  if (result.errorSamples.length < 5 && !result.errorSamples.includes(sample)) {
    result.errorSamples.push(sample);
  }
}

/** POST /api/v1/check-ins with autocannon: per-request officer and body. */
export async function autocannonCheckIns(options: {
  label: string;
  baseUrl: string;
  teams: Team[];
  bodies: CheckInBodies;
  connections: number;
  seconds: number;
  overallRate?: number;
}): Promise<RunResult> {
  const { teams, bodies } = options;
  let nextTeam = 0;
  const result = newResult(options.label);
  const latencies: number[] = [];
  const started = performance.now();
  const instance = autocannon({
    url: options.baseUrl,
    connections: options.connections,
    duration: options.seconds,
    ...(options.overallRate
      ? {
          overallRate: options.overallRate,
          // autocannon corrects for coordinated omission with an expected interval of
          // ceil(1 / per-connection rate) = 1 ms, which adds made-up samples: off.
          ignoreCoordinatedOmission: true,
        }
      : {}),
    timeout: 30,
    setupClient: (client: { setHeaders(h: Record<string, string>): void }) => {
      client.setHeaders({ 'content-type': 'application/json' });
    },
    requests: [
      {
        method: 'POST',
        path: '/api/v1/check-ins',
        // Each request the next team (the app limits check-ins per officer and minute).
        setupRequest: (request: { headers?: Record<string, string> }) => {
          const team = teams[nextTeam++ % teams.length];
          return {
            ...request,
            headers: { ...request.headers, authorization: `Bearer ${team.token}` },
            body: JSON.stringify(bodies.next(team).body),
          };
        },
        onResponse: (status: number, body: string) => {
          if (status < 200 || status >= 300) recordError(result, `${status} ${body.slice(0, 300)}`);
        },
      },
    ],
  });
  instance.on('response', (_client, statusCode, _bytes, ms) => {
    latencies.push(ms);
    result.statusCounts[statusCode] = (result.statusCounts[statusCode] ?? 0) + 1;
  });
  const ac = await instance;
  result.seconds = (performance.now() - started) / 1000;
  result.requests = latencies.length;
  result.ok = Object.entries(result.statusCounts)
    .filter(([s]) => s.startsWith('2'))
    .reduce((n, [, c]) => n + c, 0);
  result.non2xx = result.requests - result.ok;
  result.errors = ac.errors + ac.timeouts;
  result.okPerSecond = result.ok / ac.duration;
  result.latency = summarize(latencies);
  result.autocannon = {
    requestsAverage: ac.requests.average,
    p50: ac.latency.p50,
    p99: ac.latency.p99,
  };
  return result;
}

/**
 * Open-loop check: one check-in every 1000/rate ms whatever the previous ones do, latency counted
 * from the moment the request was due (no coordinated omission). When the app falls behind by more
 * than `maxInFlight` requests, further due requests are counted as not sent (the run would otherwise
 * spend minutes draining a queue that only says "overloaded").
 */
export async function pacedCheckIns(options: {
  label: string;
  baseUrl: string;
  teams: Team[];
  bodies: CheckInBodies;
  rate: number;
  seconds: number;
  maxInFlight: number;
}): Promise<RunResult> {
  const { teams, bodies } = options;
  const url = new URL('/api/v1/check-ins', options.baseUrl);
  let inFlight = 0;
  let notSent = 0;
  const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
  const result = newResult(options.label);
  const latencies: number[] = [];
  const timeline: { dueS: number; ms: number }[] = [];
  // How late the generator itself sent each request (its own event loop busy), and its loop delay.
  const sendLag: number[] = [];
  const generatorLoop = monitorEventLoopDelay({ resolution: 10 });
  generatorLoop.enable();
  const interval = 1000 / options.rate;
  const total = Math.round(options.rate * options.seconds);
  const pending: Promise<void>[] = [];
  const t0 = performance.now();
  for (let k = 0; k < total; k++) {
    const due = t0 + k * interval;
    const wait = due - performance.now();
    if (wait > 0) await sleep(wait);
    if (inFlight >= options.maxInFlight) {
      notSent += 1;
      continue;
    }
    inFlight += 1;
    sendLag.push(performance.now() - due);
    const team = teams[k % teams.length];
    const payload = JSON.stringify(bodies.next(team).body);
    pending.push(
      new Promise<void>((resolve) => {
        const req = http.request(
          url,
          {
            method: 'POST',
            agent,
            headers: {
              authorization: `Bearer ${team.token}`,
              'content-type': 'application/json',
              'content-length': Buffer.byteLength(payload),
            },
          },
          (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (c: Buffer) => chunks.push(c));
            res.on('end', () => {
              inFlight -= 1;
              const latency = performance.now() - due;
              latencies.push(latency);
              timeline.push({ dueS: (due - t0) / 1000, ms: latency });
              const status = res.statusCode ?? 0;
              result.statusCounts[status] = (result.statusCounts[status] ?? 0) + 1;
              if (status < 200 || status >= 300) {
                recordError(result, `${status} ${Buffer.concat(chunks).toString().slice(0, 300)}`);
              }
              resolve();
            });
          },
        );
        req.on('error', (error) => {
          inFlight -= 1;
          result.errors += 1;
          recordError(result, String(error));
          resolve();
        });
        req.end(payload);
      }),
    );
  }
  await Promise.all(pending);
  agent.destroy();
  result.seconds = (performance.now() - t0) / 1000;
  result.requests = latencies.length;
  result.ok = Object.entries(result.statusCounts)
    .filter(([s]) => s.startsWith('2'))
    .reduce((n, [, c]) => n + c, 0);
  result.non2xx = result.requests - result.ok;
  result.okPerSecond = result.ok / result.seconds;
  result.latency = summarize(latencies);
  result.notSent = notSent;
  generatorLoop.disable();
  result.generator = {
    maxSendLagMs: Math.round(Math.max(0, ...sendLag) * 10) / 10,
    loopDelayMaxMs: Math.round((generatorLoop.max / 1e6) * 10) / 10,
  };
  result.slowest = timeline
    .sort((a, b) => b.ms - a.ms)
    .slice(0, 8)
    .map((r) => ({ dueS: Math.round(r.dueS * 100) / 100, ms: Math.round(r.ms * 10) / 10 }));
  return result;
}

/**
 * The baseline: the same writes as a check-in through plain pg, without HTTP, validation, code
 * verification, rules or notifications. Per request one transaction: the visit row, its two
 * visit_officer rows, then the unit's audit chain head locked, an audit_entry (SHA-256 chained
 * exactly as AuditService does, so the chain stays valid) and the head updated. Same pool size and concurrency
 * as the app.
 */
export async function baselineInserts(options: {
  label: string;
  /** A pg.Pool of the app's size, opened (and closed) by the caller. */
  pool: Pool;
  workers: number;
  seconds: number;
  teams: Team[];
  bodies: CheckInBodies;
}): Promise<RunResult> {
  const { pool } = options;
  const result = newResult(options.label);
  const latencies: number[] = [];
  const t0 = performance.now();
  const end = t0 + options.seconds * 1000;
  let nextTeam = 0;
  await Promise.all(
    Array.from({ length: options.workers }, async () => {
      while (performance.now() < end) {
        const team = options.teams[nextTeam++ % options.teams.length];
        const start = performance.now();
        const { body, firm } = options.bodies.next(team);
        const client = await pool.connect();
        try {
          await rawCheckIn(client, team, firm, body);
          latencies.push(performance.now() - start);
          result.statusCounts['ok'] = (result.statusCounts['ok'] ?? 0) + 1;
        } catch (error) {
          await client.query('ROLLBACK').catch(() => undefined);
          result.errors += 1;
          recordError(result, String(error));
        } finally {
          client.release();
        }
      }
    }),
  );
  result.seconds = (performance.now() - t0) / 1000;
  result.requests = latencies.length + result.errors;
  result.ok = latencies.length;
  result.okPerSecond = result.ok / result.seconds;
  result.latency = summarize(latencies);
  return result;
}

async function rawCheckIn(
  client: PoolClient,
  team: Team,
  firm: CodedFirm,
  body: Record<string, unknown>,
): Promise<void> {
  const visitId = seededUuidFrom(String(body.clientId));
  const location = body.location as { lat: number; lng: number; accuracy: number };
  const now = new Date();
  const clientTime = new Date(String(body.clientTime));
  await client.query('BEGIN');
  await client.query(
    `INSERT INTO visit (id, client_id, officer_id, unit_id, enterprise_id, gate_id, code_version,
                        purpose, reference, outcome, reasons, policy_version, lat, lng,
                        location_accuracy, client_time, received_at, checked_in_at)
     VALUES ($1, $2, $3, $4, $5, $6, 1, $7, $8, 'ALLOWED', '[]', 1, $9, $10, $11, $12, $13, $12)`,
    [
      visitId,
      body.clientId,
      team.leadId,
      team.unitId,
      firm.enterpriseId,
      firm.gateId,
      body.purpose,
      body.reference,
      location.lat,
      location.lng,
      location.accuracy,
      clientTime,
      now,
    ],
  );
  await client.query(
    `INSERT INTO visit_officer (visit_id, officer_id, is_lead) VALUES ($1, $2, true), ($1, $3, false)`,
    [visitId, team.leadId, team.coOfficerId],
  );
  // The unit's audit chain, picked and locked as AuditService.append does.
  const head = await client.query<{ id: number; seq: string; hash: string }>(
    `SELECT id, seq, hash FROM audit_chain_head
      WHERE id = $1::bigint % (SELECT count(*) FROM audit_chain_head) FOR UPDATE`,
    [chainKeyNumber(team.unitId)],
  );
  const chain = head.rows[0].id;
  const seq = String(BigInt(head.rows[0].seq) + 1n);
  const at = new Date();
  const record = {
    actorId: team.leadId,
    action: 'CHECK_IN',
    subjectType: 'visit',
    subjectId: visitId,
    data: {
      clientId: body.clientId,
      enterpriseId: firm.enterpriseId,
      gateId: firm.gateId,
      purpose: body.purpose,
      reference: body.reference,
      officerIds: [team.leadId, team.coOfficerId],
      outcome: 'ALLOWED',
      reasons: [],
      policyVersion: 1,
      clientTime: clientTime.toISOString(),
      codeProblem: null,
    },
  };
  const hash = entryHash(
    head.rows[0].hash,
    entryContent({ chain, seq, at, ...record, rowTable: null, rowId: null, rowDigest: null }),
  );
  await client.query(
    `INSERT INTO audit_entry (chain, seq, at, actor_id, action, subject_type, subject_id, data, prev_hash, hash)
     VALUES ($10, $1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [
      seq,
      at,
      record.actorId,
      record.action,
      record.subjectType,
      record.subjectId,
      JSON.stringify(record.data),
      head.rows[0].hash,
      hash,
      chain,
    ],
  );
  await client.query('UPDATE audit_chain_head SET seq = $1, hash = $2 WHERE id = $3', [
    seq,
    hash,
    chain,
  ]);
  await client.query('COMMIT');
}

/** A UUID derived from another one (the baseline's visit id from its clientId). */
function seededUuidFrom(text: string): string {
  const h = createHash('sha256').update(text).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** Sequential GETs (one client, as a supervisor's screen would), latency of each. */
export async function timeGets(
  baseUrl: string,
  token: string,
  paths: string[],
  repeat: number,
): Promise<{ latency: LatencySummary; failures: string[]; lastBody: unknown }> {
  const latencies: number[] = [];
  const failures: string[] = [];
  let lastBody: unknown;
  for (let r = 0; r < repeat; r++) {
    for (const path of paths) {
      const start = performance.now();
      const res = await fetch(new URL(path, baseUrl), {
        headers: { authorization: `Bearer ${token}` },
      });
      const text = await res.text();
      latencies.push(performance.now() - start);
      if (!res.ok) {
        if (failures.length < 5) failures.push(`${res.status} ${text.slice(0, 200)}`);
      } else lastBody = JSON.parse(text);
    }
  }
  return { latency: summarize(latencies), failures, lastBody };
}
