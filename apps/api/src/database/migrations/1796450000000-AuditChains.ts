import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The number of chains a database gets (audit_chain_head rows 0 … N − 1). */
export const DEFAULT_AUDIT_CHAINS = 16;

/**
 * Issue 15, no single lock for the whole city: the audit log becomes several hash chains, one head
 * row each, so writers of different chains (check-ins of different units) never wait on each other.
 * The existing head and entries become chain 0, unchanged (their hashes verify as they were);
 * `seq` numbers links within a chain, and a new `id` orders all entries as written (the old entries
 * keep their seq as id). Checkpoints gain the heads of the other chains (version 2).
 */
export class AuditChains1796450000000 implements MigrationInterface {
  name = 'AuditChains1796450000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "audit_entry" ADD "chain" smallint NOT NULL DEFAULT '0'`);
    // The id of an existing entry is its seq: a rewrite by ALTER … USING (no UPDATE, which the
    // append-only trigger refuses).
    await queryRunner.query(`ALTER TABLE "audit_entry" ADD "id" bigint`);
    await queryRunner.query(`ALTER TABLE "audit_entry" ALTER COLUMN "id" TYPE bigint USING "seq"`);
    await queryRunner.query(`CREATE SEQUENCE "audit_entry_id_seq" OWNED BY "audit_entry"."id"`);
    await queryRunner.query(
      `SELECT setval('audit_entry_id_seq', COALESCE((SELECT max(id) FROM audit_entry), 0) + 1, false)`,
    );
    await queryRunner.query(
      `ALTER TABLE "audit_entry" ALTER COLUMN "id" SET DEFAULT nextval('"audit_entry_id_seq"')`,
    );
    await queryRunner.query(`ALTER TABLE "audit_entry" ALTER COLUMN "id" SET NOT NULL`);
    await queryRunner.query(
      `ALTER TABLE "audit_entry" DROP CONSTRAINT "PK_bb4ea39cbd1686232d5fdda3a01"`,
    );
    await queryRunner.query(
      `ALTER TABLE "audit_entry" ADD CONSTRAINT "PK_audit_entry" PRIMARY KEY ("id")`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_audit_entry_chain_seq" ON "audit_entry" ("chain", "seq") `,
    );
    await queryRunner.query(`DROP INDEX "public"."IDX_audit_entry_row"`);
    await queryRunner.query(
      `CREATE INDEX "IDX_audit_entry_row" ON "audit_entry" ("row_table", "row_id", "id") `,
    );
    await queryRunner.query(`UPDATE "audit_chain_head" SET "id" = 0 WHERE "id" = 1`);
    await queryRunner.query(
      `INSERT INTO "audit_chain_head" ("id", "seq", "hash")
       SELECT n, 0, repeat('0', 64) FROM generate_series(0, $1 - 1) AS n
       ON CONFLICT ("id") DO NOTHING`,
      [DEFAULT_AUDIT_CHAINS],
    );
    await queryRunner.query(
      `ALTER TABLE "audit_chain_head" ADD CONSTRAINT "CHK_audit_chain_head_id" CHECK (id >= 0)`,
    );
    await queryRunner.query(`ALTER TABLE "audit_checkpoint" ADD "chains" jsonb`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    // Entries on other chains cannot join chain 0 without breaking it: revert only while all
    // entries are on chain 0 (otherwise restore a backup).
    const [{ elsewhere }] = await queryRunner.query(
      `SELECT count(*)::int AS elsewhere FROM audit_entry WHERE chain <> 0`,
    );
    if (elsewhere > 0) {
      throw new Error(
        'audit entries on chains other than 0: reverting would break the audit log; restore a backup instead',
      );
    }
    await queryRunner.query(`ALTER TABLE "audit_checkpoint" DROP COLUMN "chains"`);
    await queryRunner.query(
      `ALTER TABLE "audit_chain_head" DROP CONSTRAINT "CHK_audit_chain_head_id"`,
    );
    await queryRunner.query(`DELETE FROM "audit_chain_head" WHERE "id" <> 0`);
    await queryRunner.query(`UPDATE "audit_chain_head" SET "id" = 1 WHERE "id" = 0`);
    await queryRunner.query(`DROP INDEX "public"."IDX_audit_entry_row"`);
    await queryRunner.query(
      `CREATE INDEX "IDX_audit_entry_row" ON "audit_entry" ("row_table", "row_id", "seq") `,
    );
    await queryRunner.query(`DROP INDEX "public"."UQ_audit_entry_chain_seq"`);
    await queryRunner.query(`ALTER TABLE "audit_entry" DROP CONSTRAINT "PK_audit_entry"`);
    await queryRunner.query(
      `ALTER TABLE "audit_entry" ADD CONSTRAINT "PK_bb4ea39cbd1686232d5fdda3a01" PRIMARY KEY ("seq")`,
    );
    await queryRunner.query(`ALTER TABLE "audit_entry" DROP COLUMN "id"`);
    await queryRunner.query(`ALTER TABLE "audit_entry" DROP COLUMN "chain"`);
  }
}
