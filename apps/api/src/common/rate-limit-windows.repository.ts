import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { type PreparedStatement, runPrepared } from '../database/prepared';
import { sqlOf, type Tx } from '../database/transactions';

/**
 * One call of a key counted in its window, a new window when the last one ended, in one upsert
 * (the row is locked while it is counted): `key`, `now` and `windowMs` are SQL expressions (the
 * statement's parameters), `when` a condition for counting at all. Answers hits and window_start.
 * The check-in counts its calls with this inside its write statement (CheckInRepository).
 */
export function countCallSql(key: string, now: string, windowMs: string, when = 'true'): string {
  return `INSERT INTO rate_limit_window AS w (key, window_start, hits, expires_at)
         SELECT ${key}, ${now}::bigint, 1, ${now}::bigint + ${windowMs}::bigint WHERE ${when}
         ON CONFLICT (key) DO UPDATE SET
           window_start = CASE WHEN w.expires_at <= ${now}::bigint THEN ${now}::bigint
                               ELSE w.window_start END,
           hits = CASE WHEN w.expires_at <= ${now}::bigint THEN 1 ELSE w.hits + 1 END,
           expires_at = CASE WHEN w.expires_at <= ${now}::bigint
                             THEN ${now}::bigint + ${windowMs}::bigint ELSE w.expires_at END
         RETURNING w.hits, w.window_start`;
}

/** One call counted (RateLimitWindowsRepository.hit): on every rate-limited request, so prepared. */
const HIT: PreparedStatement = {
  name: 'rate-limit-hit',
  text: countCallSql('$1', '$2', '$3'),
};

/** rate_limit_window: one fixed window per key, counted atomically. */
@Injectable()
export class RateLimitWindowsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Counts one call of `key` at `now` in its window (a new window when the last one ended), in one
   * upsert: the row is locked while it is counted. Answers the calls counted and the window start.
   */
  async hit(key: string, windowMs: number, now: number, tx?: Tx) {
    const [row] = await runPrepared<{ hits: number; window_start: string }[]>(
      sqlOf(this.dataSource, tx),
      HIT,
      [key, now, windowMs],
    );
    return { count: row.hits, windowStart: Number(row.window_start) };
  }

  /** Deletes the windows ended by `now`; answers how many. */
  async deleteEnded(now: number, tx?: Tx): Promise<number> {
    const [{ deleted }] = (await sqlOf(this.dataSource, tx).query(
      `WITH gone AS (DELETE FROM rate_limit_window WHERE expires_at <= $1::bigint RETURNING 1)
       SELECT count(*)::int AS deleted FROM gone`,
      [now],
    )) as { deleted: number }[];
    return deleted;
  }
}
