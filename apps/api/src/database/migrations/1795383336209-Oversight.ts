import { MigrationInterface, QueryRunner } from 'typeorm';

export class Oversight1795383336209 implements MigrationInterface {
  name = 'Oversight1795383336209';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "audit_chain_check" ("id" BIGSERIAL NOT NULL, "checked_at" TIMESTAMP WITH TIME ZONE NOT NULL, "ok" boolean NOT NULL, "entries" integer NOT NULL, "first_broken_seq" bigint, "requested_by" uuid, CONSTRAINT "PK_69b83a9ce613edb2437669f9378" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_f33da969dc0a8b84b8981a4e0c" ON "audit_chain_check"  ("checked_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "rating" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "visit_id" uuid NOT NULL, "enterprise_id" uuid NOT NULL, "unit_id" uuid NOT NULL, "overall" character varying(4) NOT NULL, "items" jsonb NOT NULL, "comment" text NOT NULL DEFAULT '', "signature" bytea NOT NULL, "signature_sha256" character(64) NOT NULL, "signer_id" uuid NOT NULL, "submitted_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "REL_2d062cfb07391a43fcf8d31164" UNIQUE ("visit_id"), CONSTRAINT "CHK_rating_items" CHECK (jsonb_typeof(items) = 'array' AND jsonb_array_length(items) = 5), CONSTRAINT "CHK_rating_overall" CHECK (overall IN ('GOOD', 'FAIR', 'POOR')), CONSTRAINT "PK_ecda8ad32645327e4765b43649e" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_2d062cfb07391a43fcf8d31164" ON "rating"  ("visit_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_rating_unit_time" ON "rating"  ("unit_id", "submitted_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "follow_up_case" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "rating_id" uuid NOT NULL, "visit_id" uuid NOT NULL, "enterprise_id" uuid NOT NULL, "unit_id" uuid NOT NULL, "status" character varying(10) NOT NULL DEFAULT 'OPEN', "opened_at" TIMESTAMP WITH TIME ZONE NOT NULL, "due_at" TIMESTAMP WITH TIME ZONE NOT NULL, "finding" character varying(20), "resolution" text, "closed_at" TIMESTAMP WITH TIME ZONE, "closed_by" uuid, CONSTRAINT "REL_f0898e5e026fdc3eee77aab2cc" UNIQUE ("rating_id"), CONSTRAINT "CHK_follow_up_closed" CHECK ((status = 'OPEN') = (closed_at IS NULL) AND (status = 'OPEN' OR (finding IS NOT NULL AND resolution IS NOT NULL))), CONSTRAINT "CHK_follow_up_finding" CHECK (finding IS NULL OR finding IN ('CONFIRMED', 'PARTLY_CONFIRMED', 'NOT_CONFIRMED')), CONSTRAINT "CHK_follow_up_status" CHECK (status IN ('OPEN', 'CLOSED')), CONSTRAINT "PK_69f8713609f0a1d3589532d8648" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_f0898e5e026fdc3eee77aab2cc" ON "follow_up_case"  ("rating_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_follow_up_unit_status" ON "follow_up_case"  ("unit_id", "status", "due_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "follow_up_contact" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "case_id" uuid NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL, "method" character varying(10) NOT NULL, "note" text NOT NULL, "by_id" uuid NOT NULL, CONSTRAINT "CHK_follow_up_contact_method" CHECK (method IN ('PHONE', 'ON_SITE', 'OTHER')), CONSTRAINT "PK_b5dfaadabbd6d359e48d0b6403a" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_d4fe6d049bfb471b2974843bfd" ON "follow_up_contact"  ("case_id", "at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "rating_spot_check" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "month" character(7) NOT NULL, "unit_id" uuid NOT NULL, "seed" character varying(64) NOT NULL, "sample_size" integer NOT NULL, "pool_rating_ids" jsonb NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "created_by" uuid NOT NULL, CONSTRAINT "CHK_rating_spot_check_month" CHECK (month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'), CONSTRAINT "PK_bf8b99d56957b940c45b0db9667" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_rating_spot_check_unit_month" ON "rating_spot_check"  ("unit_id", "month") `,
    );
    await queryRunner.query(
      `CREATE TABLE "rating_spot_check_item" ("check_id" uuid NOT NULL, "rating_id" uuid NOT NULL, "rank" integer NOT NULL, "result" character varying(12), "note" text, "verified_at" TIMESTAMP WITH TIME ZONE, "verified_by" uuid, CONSTRAINT "CHK_rating_spot_check_result" CHECK (result IS NULL OR result IN ('CONFIRMED', 'DISPUTED', 'UNREACHABLE')), CONSTRAINT "PK_384079b483f0d33dcf30a01f6c9" PRIMARY KEY ("check_id", "rating_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "misconduct_report" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "enterprise_id" uuid NOT NULL, "reporter_id" uuid NOT NULL, "visit_id" uuid, "officer_id" uuid, "unit_id" uuid NOT NULL, "categories" jsonb NOT NULL, "description" text NOT NULL, "status" character varying(14) NOT NULL DEFAULT 'RECEIVED', "outcome" character varying(24), "conclusion" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "CHK_report_concluded" CHECK ((status = 'CONCLUDED') = (outcome IS NOT NULL)), CONSTRAINT "CHK_report_outcome" CHECK (outcome IS NULL OR outcome IN ('SUBSTANTIATED', 'PARTLY_SUBSTANTIATED', 'UNSUBSTANTIATED')), CONSTRAINT "CHK_report_status" CHECK (status IN ('RECEIVED', 'INVESTIGATING', 'CONCLUDED')), CONSTRAINT "PK_8e6ee518fa00f6c6d2be438d641" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_report_enterprise_time" ON "misconduct_report"  ("enterprise_id", "created_at") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_report_unit_time" ON "misconduct_report"  ("unit_id", "created_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "report_photo" ("report_id" uuid NOT NULL, "index" smallint NOT NULL, "content_type" character varying(20) NOT NULL, "data" bytea NOT NULL, CONSTRAINT "PK_18175ba2af67c614b530deba790" PRIMARY KEY ("report_id", "index"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "report_event" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "report_id" uuid NOT NULL, "status" character varying(14) NOT NULL, "note" text NOT NULL DEFAULT '', "at" TIMESTAMP WITH TIME ZONE NOT NULL, "by_id" uuid NOT NULL, CONSTRAINT "CHK_report_event_status" CHECK (status IN ('RECEIVED', 'INVESTIGATING', 'CONCLUDED')), CONSTRAINT "PK_247b406f3221ad7b2c4b4f09933" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_eca7e874b037e239cf4c5cba1f" ON "report_event"  ("report_id", "at") `,
    );
    await queryRunner.query(
      `ALTER TABLE "rating" ADD CONSTRAINT "FK_2d062cfb07391a43fcf8d311643" FOREIGN KEY ("visit_id") REFERENCES "visit"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "rating" ADD CONSTRAINT "FK_6edd2a60d97c6ac9a6f1c22b127" FOREIGN KEY ("enterprise_id") REFERENCES "enterprise"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "rating" ADD CONSTRAINT "FK_ec842059f956ac2620cc44fe9a7" FOREIGN KEY ("signer_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "follow_up_case" ADD CONSTRAINT "FK_f0898e5e026fdc3eee77aab2cc1" FOREIGN KEY ("rating_id") REFERENCES "rating"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "follow_up_case" ADD CONSTRAINT "FK_01800a1d48736b5f6827605b169" FOREIGN KEY ("closed_by") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "follow_up_contact" ADD CONSTRAINT "FK_eac97f8f2556f15f4edc82b54f1" FOREIGN KEY ("case_id") REFERENCES "follow_up_case"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "follow_up_contact" ADD CONSTRAINT "FK_b4547b35f249fec314a2f06d30c" FOREIGN KEY ("by_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "rating_spot_check" ADD CONSTRAINT "FK_f5a5d99176a51913cf3b232be1b" FOREIGN KEY ("unit_id") REFERENCES "unit"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "rating_spot_check" ADD CONSTRAINT "FK_abee760785941c73d5a03bb50c3" FOREIGN KEY ("created_by") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "rating_spot_check_item" ADD CONSTRAINT "FK_b4174f16d55ba3fc190e3712a2a" FOREIGN KEY ("check_id") REFERENCES "rating_spot_check"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "rating_spot_check_item" ADD CONSTRAINT "FK_e9f6228fbeae5e8fa18858e6f25" FOREIGN KEY ("rating_id") REFERENCES "rating"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "misconduct_report" ADD CONSTRAINT "FK_077de611ac973411d5b9cba5f1b" FOREIGN KEY ("enterprise_id") REFERENCES "enterprise"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "misconduct_report" ADD CONSTRAINT "FK_2cb998ef71fac0314f53955e78c" FOREIGN KEY ("reporter_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "misconduct_report" ADD CONSTRAINT "FK_ac3f9ab2616f807a8340abb7ad3" FOREIGN KEY ("officer_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "report_photo" ADD CONSTRAINT "FK_83e6cf354cab39e4cd61327e87b" FOREIGN KEY ("report_id") REFERENCES "misconduct_report"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "report_event" ADD CONSTRAINT "FK_9f7058f69340ff581e6edfe1f6f" FOREIGN KEY ("report_id") REFERENCES "misconduct_report"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "report_event" ADD CONSTRAINT "FK_cb1ad814856706e133cb1ce6ccc" FOREIGN KEY ("by_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    // A submitted rating is final: nobody edits or removes it, not even behind the API's back.
    await queryRunner.query(`CREATE FUNCTION rating_is_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
          BEGIN RAISE EXCEPTION 'rating is immutable (%)', TG_OP; END $$`);
    await queryRunner.query(
      `CREATE TRIGGER rating_no_update_delete BEFORE UPDATE OR DELETE ON "rating" FOR EACH ROW EXECUTE FUNCTION rating_is_immutable()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER rating_no_truncate BEFORE TRUNCATE ON "rating" FOR EACH STATEMENT EXECUTE FUNCTION rating_is_immutable()`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER rating_no_truncate ON "rating"`);
    await queryRunner.query(`DROP TRIGGER rating_no_update_delete ON "rating"`);
    await queryRunner.query(`DROP FUNCTION rating_is_immutable()`);
    await queryRunner.query(
      `ALTER TABLE "report_event" DROP CONSTRAINT "FK_cb1ad814856706e133cb1ce6ccc"`,
    );
    await queryRunner.query(
      `ALTER TABLE "report_event" DROP CONSTRAINT "FK_9f7058f69340ff581e6edfe1f6f"`,
    );
    await queryRunner.query(
      `ALTER TABLE "report_photo" DROP CONSTRAINT "FK_83e6cf354cab39e4cd61327e87b"`,
    );
    await queryRunner.query(
      `ALTER TABLE "misconduct_report" DROP CONSTRAINT "FK_ac3f9ab2616f807a8340abb7ad3"`,
    );
    await queryRunner.query(
      `ALTER TABLE "misconduct_report" DROP CONSTRAINT "FK_2cb998ef71fac0314f53955e78c"`,
    );
    await queryRunner.query(
      `ALTER TABLE "misconduct_report" DROP CONSTRAINT "FK_077de611ac973411d5b9cba5f1b"`,
    );
    await queryRunner.query(
      `ALTER TABLE "rating_spot_check_item" DROP CONSTRAINT "FK_e9f6228fbeae5e8fa18858e6f25"`,
    );
    await queryRunner.query(
      `ALTER TABLE "rating_spot_check_item" DROP CONSTRAINT "FK_b4174f16d55ba3fc190e3712a2a"`,
    );
    await queryRunner.query(
      `ALTER TABLE "rating_spot_check" DROP CONSTRAINT "FK_abee760785941c73d5a03bb50c3"`,
    );
    await queryRunner.query(
      `ALTER TABLE "rating_spot_check" DROP CONSTRAINT "FK_f5a5d99176a51913cf3b232be1b"`,
    );
    await queryRunner.query(
      `ALTER TABLE "follow_up_contact" DROP CONSTRAINT "FK_b4547b35f249fec314a2f06d30c"`,
    );
    await queryRunner.query(
      `ALTER TABLE "follow_up_contact" DROP CONSTRAINT "FK_eac97f8f2556f15f4edc82b54f1"`,
    );
    await queryRunner.query(
      `ALTER TABLE "follow_up_case" DROP CONSTRAINT "FK_01800a1d48736b5f6827605b169"`,
    );
    await queryRunner.query(
      `ALTER TABLE "follow_up_case" DROP CONSTRAINT "FK_f0898e5e026fdc3eee77aab2cc1"`,
    );
    await queryRunner.query(
      `ALTER TABLE "rating" DROP CONSTRAINT "FK_ec842059f956ac2620cc44fe9a7"`,
    );
    await queryRunner.query(
      `ALTER TABLE "rating" DROP CONSTRAINT "FK_6edd2a60d97c6ac9a6f1c22b127"`,
    );
    await queryRunner.query(
      `ALTER TABLE "rating" DROP CONSTRAINT "FK_2d062cfb07391a43fcf8d311643"`,
    );
    await queryRunner.query(`DROP INDEX "public"."IDX_eca7e874b037e239cf4c5cba1f"`);
    await queryRunner.query(`DROP TABLE "report_event"`);
    await queryRunner.query(`DROP TABLE "report_photo"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_report_unit_time"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_report_enterprise_time"`);
    await queryRunner.query(`DROP TABLE "misconduct_report"`);
    await queryRunner.query(`DROP TABLE "rating_spot_check_item"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_rating_spot_check_unit_month"`);
    await queryRunner.query(`DROP TABLE "rating_spot_check"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_d4fe6d049bfb471b2974843bfd"`);
    await queryRunner.query(`DROP TABLE "follow_up_contact"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_follow_up_unit_status"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_f0898e5e026fdc3eee77aab2cc"`);
    await queryRunner.query(`DROP TABLE "follow_up_case"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_rating_unit_time"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_2d062cfb07391a43fcf8d31164"`);
    await queryRunner.query(`DROP TABLE "rating"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_f33da969dc0a8b84b8981a4e0c"`);
    await queryRunner.query(`DROP TABLE "audit_chain_check"`);
  }
}
