import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The rate limit's windows are counted on every check-in, in a statement of their own before the
 * check-in's transaction: a second commit per check-in, and with a logged table a second wait for
 * the WAL to reach the disk. The windows are worth nothing after a crash (a minute's counts), so
 * the table skips the WAL: its commit no longer waits for the disk. A crash empties it; a standby
 * does not have it (promoted, it starts with empty windows).
 */
export class UnloggedRateLimits1796700000000 implements MigrationInterface {
  name = 'UnloggedRateLimits1796700000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "rate_limit_window" SET UNLOGGED`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "rate_limit_window" SET LOGGED`);
  }
}
