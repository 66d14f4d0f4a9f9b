import { MigrationInterface, QueryRunner } from 'typeorm';

export class SharedState1796154139184 implements MigrationInterface {
  name = 'SharedState1796154139184';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "login_attempt" ("key" character varying(200) NOT NULL, "times" bigint array NOT NULL, "expires_at" bigint NOT NULL, CONSTRAINT "PK_2b7decd11c28ffdfdde28e05382" PRIMARY KEY ("key"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_b886a91e351bac488708c54bf4" ON "login_attempt"  ("expires_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "rate_limit_window" ("key" character varying(200) NOT NULL, "window_start" bigint NOT NULL, "hits" integer NOT NULL, "expires_at" bigint NOT NULL, CONSTRAINT "PK_abed1cba8b3f195c0ed701bafb3" PRIMARY KEY ("key"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_2b28d43acc9f49c56dd0a05832" ON "rate_limit_window"  ("expires_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "job_run" ("job" character varying(40) NOT NULL, "slot" TIMESTAMP WITH TIME ZONE NOT NULL, "instance" character varying(120) NOT NULL, "started_at" TIMESTAMP WITH TIME ZONE NOT NULL, "finished_at" TIMESTAMP WITH TIME ZONE NOT NULL, "result" jsonb NOT NULL, CONSTRAINT "PK_d093d19d2d492208262cc4fe015" PRIMARY KEY ("job", "slot"))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "job_run"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_2b28d43acc9f49c56dd0a05832"`);
    await queryRunner.query(`DROP TABLE "rate_limit_window"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_b886a91e351bac488708c54bf4"`);
    await queryRunner.query(`DROP TABLE "login_attempt"`);
  }
}
