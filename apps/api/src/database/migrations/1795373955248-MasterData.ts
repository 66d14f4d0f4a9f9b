import { MigrationInterface, QueryRunner } from 'typeorm';

export class MasterData1795373955248 implements MigrationInterface {
  name = 'MasterData1795373955248';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "unit" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "code" character varying(32) NOT NULL, "name" character varying(100) NOT NULL, "level" character varying(16) NOT NULL, "parent_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CHK_unit_level" CHECK (level IN ('DETACHMENT', 'BRANCH', 'BRIGADE')), CONSTRAINT "PK_4252c4be609041e559f0c80f58a" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_dfb75cdb2a790fb84327e1d1b1" ON "unit"  ("code") `,
    );
    await queryRunner.query(
      `CREATE TABLE "app_user" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "username" character varying(64) NOT NULL, "password_hash" text NOT NULL, "role" character varying(16) NOT NULL, "name" character varying(64) NOT NULL, "active" boolean NOT NULL DEFAULT true, "phone" character varying(20), "unit_id" uuid, "badge_number" character varying(32), "jurisdiction_unit_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CHK_app_user_role" CHECK (role IN ('officer', 'enterprise', 'supervisor', 'admin')), CONSTRAINT "PK_22a5c4a3d9b2fb8e4e73fc4ada1" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_c480e576dd71729addbc2d51b6" ON "app_user"  ("username") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_e9ad97999acf9f4a455c2a2729" ON "app_user"  ("badge_number") WHERE badge_number IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE TABLE "gate" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "enterprise_id" uuid NOT NULL, "name" character varying(100) NOT NULL, "lat" double precision NOT NULL, "lng" double precision NOT NULL, "radius_m" integer, CONSTRAINT "PK_f8d4ea65058f6177925357d1311" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_3ce07d2cb5d8c105b92ff39868" ON "gate"  ("enterprise_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "positive_list_entry" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "enterprise_id" uuid NOT NULL, "batch" character varying(50) NOT NULL, "effective_from" date NOT NULL, "effective_to" date, "removal_reason" text, CONSTRAINT "PK_1a149530daae441a529b2cda456" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_41fc4522dfdf2a1f4b86b89ee1" ON "positive_list_entry"  ("enterprise_id", "effective_from") `,
    );
    await queryRunner.query(
      `CREATE TABLE "enterprise" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "uscc" character(18) NOT NULL, "name" character varying(200) NOT NULL, "address" character varying(300) NOT NULL DEFAULT '', "district" character varying(50) NOT NULL DEFAULT '', "industry" character varying(100) NOT NULL DEFAULT '', "credit_grade" character varying(24) NOT NULL DEFAULT 'UNRATED', "supervision_class" character varying(16) NOT NULL DEFAULT 'GENERAL', "unit_id" uuid NOT NULL, "liaison_officer_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CHK_enterprise_supervision_class" CHECK (supervision_class IN ('KEY', 'GENERAL')), CONSTRAINT "CHK_enterprise_credit_grade" CHECK (credit_grade IN ('TRUSTWORTHY', 'GOOD', 'WARNING', 'SERIOUSLY_DISHONEST', 'UNRATED')), CONSTRAINT "PK_09687cd306dc5d486c0e227c471" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_c8f2c226bf7ff9f7da15710c1e" ON "enterprise"  ("uscc") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_0cbd9cbd8f2b3314a2fad86500" ON "enterprise"  ("unit_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "enterprise_member" ("user_id" uuid NOT NULL, "enterprise_id" uuid NOT NULL, CONSTRAINT "PK_eeecbc897f9cd1a376a363033df" PRIMARY KEY ("user_id", "enterprise_id"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "unit" ADD CONSTRAINT "FK_33443cd5de3c6b130acfd6aba63" FOREIGN KEY ("parent_id") REFERENCES "unit"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "app_user" ADD CONSTRAINT "FK_055c5291f4320e6e092162ae36c" FOREIGN KEY ("unit_id") REFERENCES "unit"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "app_user" ADD CONSTRAINT "FK_bcb6e9467d7bca5159252c96033" FOREIGN KEY ("jurisdiction_unit_id") REFERENCES "unit"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "gate" ADD CONSTRAINT "FK_3ce07d2cb5d8c105b92ff39868e" FOREIGN KEY ("enterprise_id") REFERENCES "enterprise"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "positive_list_entry" ADD CONSTRAINT "FK_6550dc600e653e18c711c7644b8" FOREIGN KEY ("enterprise_id") REFERENCES "enterprise"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "enterprise" ADD CONSTRAINT "FK_0cbd9cbd8f2b3314a2fad865009" FOREIGN KEY ("unit_id") REFERENCES "unit"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "enterprise" ADD CONSTRAINT "FK_a770270b0de482e6580b1ea271e" FOREIGN KEY ("liaison_officer_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "enterprise_member" ADD CONSTRAINT "FK_4767ab0b312975ea19570e52359" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "enterprise_member" ADD CONSTRAINT "FK_db755cddddb43bbbf1e559a0fca" FOREIGN KEY ("enterprise_id") REFERENCES "enterprise"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "enterprise_member" DROP CONSTRAINT "FK_db755cddddb43bbbf1e559a0fca"`,
    );
    await queryRunner.query(
      `ALTER TABLE "enterprise_member" DROP CONSTRAINT "FK_4767ab0b312975ea19570e52359"`,
    );
    await queryRunner.query(
      `ALTER TABLE "enterprise" DROP CONSTRAINT "FK_a770270b0de482e6580b1ea271e"`,
    );
    await queryRunner.query(
      `ALTER TABLE "enterprise" DROP CONSTRAINT "FK_0cbd9cbd8f2b3314a2fad865009"`,
    );
    await queryRunner.query(
      `ALTER TABLE "positive_list_entry" DROP CONSTRAINT "FK_6550dc600e653e18c711c7644b8"`,
    );
    await queryRunner.query(`ALTER TABLE "gate" DROP CONSTRAINT "FK_3ce07d2cb5d8c105b92ff39868e"`);
    await queryRunner.query(
      `ALTER TABLE "app_user" DROP CONSTRAINT "FK_bcb6e9467d7bca5159252c96033"`,
    );
    await queryRunner.query(
      `ALTER TABLE "app_user" DROP CONSTRAINT "FK_055c5291f4320e6e092162ae36c"`,
    );
    await queryRunner.query(`ALTER TABLE "unit" DROP CONSTRAINT "FK_33443cd5de3c6b130acfd6aba63"`);
    await queryRunner.query(`DROP TABLE "enterprise_member"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_0cbd9cbd8f2b3314a2fad86500"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_c8f2c226bf7ff9f7da15710c1e"`);
    await queryRunner.query(`DROP TABLE "enterprise"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_41fc4522dfdf2a1f4b86b89ee1"`);
    await queryRunner.query(`DROP TABLE "positive_list_entry"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_3ce07d2cb5d8c105b92ff39868"`);
    await queryRunner.query(`DROP TABLE "gate"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_e9ad97999acf9f4a455c2a2729"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_c480e576dd71729addbc2d51b6"`);
    await queryRunner.query(`DROP TABLE "app_user"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_dfb75cdb2a790fb84327e1d1b1"`);
    await queryRunner.query(`DROP TABLE "unit"`);
  }
}
