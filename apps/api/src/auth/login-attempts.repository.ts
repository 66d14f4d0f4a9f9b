import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { sqlOf, type Tx } from '../database/transactions';
import { JobScheduler } from '../jobs/job-scheduler';
import { LOGIN_WINDOW_MS, LoginAttemptStore } from './login-throttle';

/** How often keys whose entries all left the window are deleted (once across instances). */
const SWEEP_INTERVAL_MS = 10 * 60_000;

/** Keeps only the entries of `times` after `since` (a SQL expression over the row `a`). */
const recent = (since: string) => `ARRAY(SELECT t FROM unnest(a.times) t WHERE t > ${since})`;

/**
 * Login events in PostgreSQL (login_attempt: one row per key, its times in an array), so the
 * limits hold across API instances. Each operation is one statement on the key's row, which
 * PostgreSQL locks for it: concurrent attempts on one key, from any instance, are counted one
 * after the other.
 */
@Injectable()
export class LoginAttemptsRepository extends LoginAttemptStore implements OnModuleInit {
  constructor(
    private readonly dataSource: DataSource,
    private readonly jobs: JobScheduler,
  ) {
    super();
  }

  onModuleInit(): void {
    this.jobs.register({
      name: 'login-attempt-sweep',
      intervalMs: SWEEP_INTERVAL_MS,
      run: async (tx) => ({ deleted: await this.sweep(Date.now(), tx) }),
    });
  }

  async reserve(key: string, at: number, since: number, limit: number) {
    // The update (so the reservation) happens only while the key is under its limit.
    const rows = (await this.dataSource.query(
      `INSERT INTO login_attempt AS a (key, times, expires_at)
       VALUES ($1, ARRAY[$2::bigint], $2::bigint + $5::bigint)
       ON CONFLICT (key) DO UPDATE SET
         times = ${recent('$3::bigint')} || $2::bigint,
         expires_at = GREATEST(a.expires_at, $2::bigint + $5::bigint)
       WHERE cardinality(${recent('$3::bigint')}) < $4::int
       RETURNING times`,
      [key, at, since, limit, LOGIN_WINDOW_MS],
    )) as { times: string[] }[];
    if (rows.length === 0) return { added: false, entries: await this.since(key, since) };
    return { added: true, entries: rows[0].times.slice(0, -1).map(Number) };
  }

  async add(key: string, at: number): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO login_attempt AS a (key, times, expires_at)
       VALUES ($1, ARRAY[$2::bigint], $2::bigint + $3::bigint)
       ON CONFLICT (key) DO UPDATE SET
         times = ${recent('$2::bigint - $3::bigint')} || $2::bigint,
         expires_at = GREATEST(a.expires_at, $2::bigint + $3::bigint)`,
      [key, at, LOGIN_WINDOW_MS],
    );
  }

  async remove(key: string, at: number): Promise<void> {
    await this.dataSource.query(
      `UPDATE login_attempt
       SET times = times[:array_position(times, $2::bigint) - 1]
                   || times[array_position(times, $2::bigint) + 1:]
       WHERE key = $1 AND $2::bigint = ANY (times)`,
      [key, at],
    );
  }

  async since(key: string, since: number): Promise<number[]> {
    const rows = (await this.dataSource.query(
      `SELECT ${recent('$2::bigint')} AS times FROM login_attempt a WHERE key = $1`,
      [key, since],
    )) as { times: string[] }[];
    return rows.length ? rows[0].times.map(Number) : [];
  }

  async clear(key: string): Promise<void> {
    await this.dataSource.query('DELETE FROM login_attempt WHERE key = $1', [key]);
  }

  /** Deletes the keys whose newest entry left the window by `now`; answers how many. */
  async sweep(now: number, tx?: Tx): Promise<number> {
    const [{ deleted }] = (await sqlOf(this.dataSource, tx).query(
      `WITH gone AS (DELETE FROM login_attempt WHERE expires_at <= $1::bigint RETURNING 1)
       SELECT count(*)::int AS deleted FROM gone`,
      [now],
    )) as { deleted: number }[];
    return deleted;
  }
}
