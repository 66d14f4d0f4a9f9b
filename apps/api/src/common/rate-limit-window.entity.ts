import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * The current fixed window of one rate-limit key (a route's setting and a caller), shared by every
 * API instance. Times are milliseconds since the epoch, as the guard counts them.
 */
@Entity('rate_limit_window')
@Index(['expiresAt'])
export class RateLimitWindow {
  /** e.g. `CHECK_IN_RATE_LIMIT_PER_MINUTE:<user id>` */
  @PrimaryColumn({ type: 'varchar', length: 200 })
  key: string;

  @Column({ name: 'window_start', type: 'bigint' })
  windowStart: string;

  @Column({ type: 'integer' })
  hits: number;

  /** when the window ends: the sweep deletes the row after it */
  @Column({ name: 'expires_at', type: 'bigint' })
  expiresAt: string;
}
