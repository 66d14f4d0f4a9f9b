import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A check-in is judged on what its context statement read and written by one statement of its
 * own, without a transaction held open between the two (CheckInRepository). Two check-ins at one
 * firm must still be judged one after the other: each bumps the firm's `check_in_seq` when it
 * writes, and writes only if the number is still the one its context read; otherwise it is judged
 * again. Every check-in updates its firm's row, so the table's pages keep room for the new row
 * version beside the old one (fillfactor: a HOT update, no new index entries).
 */
export class FirmCheckInSeq1796800000000 implements MigrationInterface {
  name = 'FirmCheckInSeq1796800000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "enterprise" ADD "check_in_seq" bigint NOT NULL DEFAULT '0'`,
    );
    await queryRunner.query(`ALTER TABLE "enterprise" SET (fillfactor = 90)`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "enterprise" RESET (fillfactor)`);
    await queryRunner.query(`ALTER TABLE "enterprise" DROP COLUMN "check_in_seq"`);
  }
}
