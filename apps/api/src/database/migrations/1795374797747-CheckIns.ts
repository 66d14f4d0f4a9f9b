import { MigrationInterface, QueryRunner } from 'typeorm';

export class CheckIns1795374797747 implements MigrationInterface {
  name = 'CheckIns1795374797747';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "audit_entry" ("seq" bigint NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL, "actor_id" uuid, "action" character varying(40) NOT NULL, "subject_type" character varying(30) NOT NULL, "subject_id" character varying(64), "data" jsonb NOT NULL, "prev_hash" character(64) NOT NULL, "hash" character(64) NOT NULL, CONSTRAINT "PK_bb4ea39cbd1686232d5fdda3a01" PRIMARY KEY ("seq"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "audit_chain_head" ("id" smallint NOT NULL, "seq" bigint NOT NULL, "hash" character(64) NOT NULL, CONSTRAINT "PK_9211408bf584034de409b1bbec5" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "gate_code" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "gate_id" uuid NOT NULL, "enterprise_id" uuid NOT NULL, "version" integer NOT NULL, "key_id" smallint NOT NULL, "code" text NOT NULL, "issued_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "issued_by" uuid, "revoked_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_da0b3e748fa4614ad5d0bc9c49c" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_gate_code_active" ON "gate_code"  ("gate_id") WHERE revoked_at IS NULL`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_e75f3e5923960704d28c32b276" ON "gate_code"  ("gate_id", "version") `,
    );
    await queryRunner.query(
      `CREATE TABLE "notification" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "kind" character varying(40) NOT NULL, "payload" jsonb NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "read_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_705b6c7cdf9b2c2ff7ac7872cb7" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_73bfce92922b5fdb3c378fc8b9" ON "notification"  ("user_id", "created_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "policy_version" ("version" integer NOT NULL, "body" jsonb NOT NULL, "note" text NOT NULL DEFAULT '', "created_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_825a6671fc6a44ccb03623f41ae" PRIMARY KEY ("version"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "visit_officer" ("visit_id" uuid NOT NULL, "officer_id" uuid NOT NULL, "is_lead" boolean NOT NULL, CONSTRAINT "PK_ed6f05e865b4b1d31811ca7b3b7" PRIMARY KEY ("visit_id", "officer_id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_49b6104fc580c280dedf6fbb19" ON "visit_officer"  ("officer_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "visit" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "client_id" uuid NOT NULL, "officer_id" uuid NOT NULL, "unit_id" uuid NOT NULL, "enterprise_id" uuid, "gate_id" uuid, "code_version" integer, "purpose" character varying(32) NOT NULL, "reference" character varying(100), "outcome" character varying(10) NOT NULL, "reasons" jsonb NOT NULL, "policy_version" integer NOT NULL, "lat" double precision, "lng" double precision, "location_accuracy" double precision, "client_time" TIMESTAMP WITH TIME ZONE NOT NULL, "received_at" TIMESTAMP WITH TIME ZONE NOT NULL, "checked_in_at" TIMESTAMP WITH TIME ZONE NOT NULL, "checked_out_at" TIMESTAMP WITH TIME ZONE, "findings" character varying(20), "notes" text, "rectify_by" date, "auto_closed" boolean NOT NULL DEFAULT false, CONSTRAINT "CHK_visit_findings" CHECK (findings IS NULL OR findings IN ('NO_ISSUE', 'RECTIFY_ORDERED', 'CASE_FILED', 'MINOR_NO_PENALTY', 'GUIDANCE')), CONSTRAINT "CHK_visit_purpose" CHECK (purpose IN ('RANDOM_INSPECTION', 'COMPLAINT_VERIFICATION', 'RECTIFICATION_REVIEW', 'SPECIAL_CAMPAIGN', 'HEAVY_POLLUTION_RESPONSE', 'ASSIGNED_BY_SUPERIOR', 'REQUESTED_SERVICE', 'ROUTINE')), CONSTRAINT "CHK_visit_outcome" CHECK (outcome IN ('ALLOWED', 'FLAGGED', 'REFUSED')), CONSTRAINT "PK_c9919ef5a07627657c535d8eb88" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_854587488845748615530e161b" ON "visit"  ("client_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_visit_enterprise_time" ON "visit"  ("enterprise_id", "checked_in_at") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_visit_unit_time" ON "visit"  ("unit_id", "checked_in_at", "id") `,
    );
    // The audit log is append-only: the database itself refuses to change or remove entries.
    await queryRunner.query(`CREATE FUNCTION audit_entry_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                RAISE EXCEPTION 'audit_entry is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
            END $$`);
    await queryRunner.query(
      `CREATE TRIGGER audit_entry_no_update_delete BEFORE UPDATE OR DELETE ON "audit_entry" FOR EACH ROW EXECUTE FUNCTION audit_entry_is_append_only()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER audit_entry_no_truncate BEFORE TRUNCATE ON "audit_entry" FOR EACH STATEMENT EXECUTE FUNCTION audit_entry_is_append_only()`,
    );
    await queryRunner.query(
      `INSERT INTO "audit_chain_head" ("id", "seq", "hash") VALUES (1, 0, repeat('0', 64))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER audit_entry_no_truncate ON "audit_entry"`);
    await queryRunner.query(`DROP TRIGGER audit_entry_no_update_delete ON "audit_entry"`);
    await queryRunner.query(`DROP FUNCTION audit_entry_is_append_only()`);
    await queryRunner.query(`DROP INDEX "public"."IDX_visit_unit_time"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_visit_enterprise_time"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_854587488845748615530e161b"`);
    await queryRunner.query(`DROP TABLE "visit"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_49b6104fc580c280dedf6fbb19"`);
    await queryRunner.query(`DROP TABLE "visit_officer"`);
    await queryRunner.query(`DROP TABLE "policy_version"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_73bfce92922b5fdb3c378fc8b9"`);
    await queryRunner.query(`DROP TABLE "notification"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_e75f3e5923960704d28c32b276"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_gate_code_active"`);
    await queryRunner.query(`DROP TABLE "gate_code"`);
    await queryRunner.query(`DROP TABLE "audit_chain_head"`);
    await queryRunner.query(`DROP TABLE "audit_entry"`);
  }
}
