import { MigrationInterface, QueryRunner } from 'typeorm';

export class WechatLogin1795375619132 implements MigrationInterface {
  name = 'WechatLogin1795375619132';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "app_user" ADD "wechat_openid" character varying(64)`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_738d62518a1447ef7706afa478" ON "app_user"  ("wechat_openid") WHERE wechat_openid IS NOT NULL`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_738d62518a1447ef7706afa478"`);
    await queryRunner.query(`ALTER TABLE "app_user" DROP COLUMN "wechat_openid"`);
  }
}
