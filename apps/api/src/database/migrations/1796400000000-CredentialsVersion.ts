import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A password reset, a deactivation or the user's own password change ends the account's other
 * sessions: tokens carry the account's credentials version, and the authenticator refuses a token
 * of an older one (issue 14).
 */
export class CredentialsVersion1796400000000 implements MigrationInterface {
  name = 'CredentialsVersion1796400000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "app_user" ADD "credentials_version" integer NOT NULL DEFAULT 0`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "app_user" DROP COLUMN "credentials_version"`);
  }
}
