import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * The recent login events of one key (an account, an address, an address's attempts being
 * checked), shared by every API instance: times in milliseconds since the epoch, oldest first.
 */
@Entity('login_attempt')
@Index(['expiresAt'])
export class LoginAttemptTimes {
  /** e.g. `address:10.0.0.7`, `account:officer1` */
  @PrimaryColumn({ type: 'varchar', length: 200 })
  key: string;

  @Column({ type: 'bigint', array: true })
  times: string[];

  /** when the newest entry leaves the login window: the sweep deletes the row after it */
  @Column({ name: 'expires_at', type: 'bigint' })
  expiresAt: string;
}
