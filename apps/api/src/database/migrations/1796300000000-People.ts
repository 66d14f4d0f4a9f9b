import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Accounts and units administered in the app (issue 14): an account may have to change its
 * password before anything else (one-time passwords), and a unit may be retired (撤销) without
 * losing the history that names it.
 */
export class People1796300000000 implements MigrationInterface {
  name = 'People1796300000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "app_user" ADD "must_change_password" boolean NOT NULL DEFAULT false`,
    );
    await queryRunner.query(`ALTER TABLE "unit" ADD "active" boolean NOT NULL DEFAULT true`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "unit" DROP COLUMN "active"`);
    await queryRunner.query(`ALTER TABLE "app_user" DROP COLUMN "must_change_password"`);
  }
}
