import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { type PreparedStatement, runPrepared } from '../database/prepared';
import { sqlOf, type Tx } from '../database/transactions';

/** One call counted (RateLimitWindowsRepository.hit): on every rate-limited request, so prepared. */
const HIT: PreparedStatement = {
  name: 'rate-limit-hit',
  text: `INSERT INTO rate_limit_window AS w (key, window_start, hits, expires_at)
         VALUES ($1, $2::bigint, 1, $2::bigint + $3::bigint)
         ON CONFLICT (key) DO UPDATE SET
           window_start = CASE WHEN w.expires_at <= $2::bigint THEN $2::bigint
                               ELSE w.window_start END,
           hits = CASE WHEN w.expires_at <= $2::bigint THEN 1 ELSE w.hits + 1 END,
           expires_at = CASE WHEN w.expires_at <= $2::bigint
                             THEN $2::bigint + $3::bigint ELSE w.expires_at END
         RETURNING hits, window_start`,
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

  /** Takes back one call of `key` in the window that started at `windowStart`, if still current. */
  async refund(key: string, windowStart: number, tx?: Tx): Promise<void> {
    await sqlOf(this.dataSource, tx).query(
      `UPDATE rate_limit_window SET hits = hits - 1
        WHERE key = $1 AND window_start = $2::bigint AND hits > 0`,
      [key, windowStart],
    );
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
