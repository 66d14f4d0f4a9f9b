import { MigrationInterface, QueryRunner } from 'typeorm';

export class NotifyIndex1795379735685 implements MigrationInterface {
  name = 'NotifyIndex1795379735685';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "IDX_db755cddddb43bbbf1e559a0fc" ON "enterprise_member"  ("enterprise_id") `,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_db755cddddb43bbbf1e559a0fc"`);
  }
}
