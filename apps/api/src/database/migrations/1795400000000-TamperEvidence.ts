import { AUDITED_TABLES, type AuditedTable } from '@qinqing/domain';
import type { MigrationInterface, QueryRunner } from 'typeorm';
import { entryHash } from '../../audit/audit-hash';
import { rowsWithDigests } from '../../audit/audit.repository';

/** The subject of a baseline entry, as the API's own entries name it. */
const SUBJECT_TYPE: Record<AuditedTable, string> = {
  visit: 'visit',
  rating: 'rating',
  misconduct_report: 'report',
  follow_up_case: 'follow_up',
};

const BATCH = 500;

/**
 * Issue 12, tamper evidence: audit entries name the audited row they write and carry its digest
 * (row-digest.ts); signed checkpoints of the chain are kept append-only; chain checks keep what
 * they found. Rows written before this migration get one ROW_DIGEST_BASELINE entry each, appended
 * here, with the digest of the row as it is now: from here on every row is vouched for, and a row
 * without an entry is one written behind the API's back.
 */
export class TamperEvidence1795400000000 implements MigrationInterface {
  name = 'TamperEvidence1795400000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "audit_entry" ADD "row_table" character varying(30)`);
    await queryRunner.query(`ALTER TABLE "audit_entry" ADD "row_id" uuid`);
    await queryRunner.query(`ALTER TABLE "audit_entry" ADD "row_digest" character(64)`);
    await queryRunner.query(
      `ALTER TABLE "audit_entry" ADD CONSTRAINT "CHK_audit_entry_row" CHECK ((row_table IS NULL) = (row_id IS NULL) AND (row_table IS NULL) = (row_digest IS NULL))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_audit_entry_row" ON "audit_entry" ("row_table", "row_id", "seq") `,
    );
    await queryRunner.query(
      `ALTER TABLE "audit_chain_check" ADD "details" jsonb NOT NULL DEFAULT '{}'`,
    );
    await queryRunner.query(
      `CREATE TABLE "audit_checkpoint" ("id" BIGSERIAL NOT NULL, "seq" bigint NOT NULL, "hash" character(64) NOT NULL, "at" character varying(30) NOT NULL, "key_id" smallint NOT NULL, "signature" character varying(100) NOT NULL, CONSTRAINT "PK_audit_checkpoint" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_audit_checkpoint_at" ON "audit_checkpoint" ("at") `);
    await queryRunner.query(`CREATE FUNCTION audit_checkpoint_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                RAISE EXCEPTION 'audit_checkpoint is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
            END $$`);
    await queryRunner.query(
      `CREATE TRIGGER audit_checkpoint_no_update_delete BEFORE UPDATE OR DELETE ON "audit_checkpoint" FOR EACH ROW EXECUTE FUNCTION audit_checkpoint_is_append_only()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER audit_checkpoint_no_truncate BEFORE TRUNCATE ON "audit_checkpoint" FOR EACH STATEMENT EXECUTE FUNCTION audit_checkpoint_is_append_only()`,
    );
    await appendBaselines(queryRunner);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER audit_checkpoint_no_truncate ON "audit_checkpoint"`);
    await queryRunner.query(`DROP TRIGGER audit_checkpoint_no_update_delete ON "audit_checkpoint"`);
    await queryRunner.query(`DROP FUNCTION audit_checkpoint_is_append_only()`);
    await queryRunner.query(`DROP INDEX "public"."IDX_audit_checkpoint_at"`);
    await queryRunner.query(`DROP TABLE "audit_checkpoint"`);
    await queryRunner.query(`ALTER TABLE "audit_chain_check" DROP COLUMN "details"`);
    // Entries that carry a row digest cannot lose it without breaking the chain: the columns stay
    // until the log is empty (a fresh database), and then go.
    const [{ carried }] = await queryRunner.query(
      `SELECT count(*)::int AS carried FROM audit_entry WHERE row_table IS NOT NULL`,
    );
    if (carried > 0) {
      throw new Error(
        'audit entries carry row digests: reverting would break the audit chain; restore a backup instead',
      );
    }
    await queryRunner.query(`DROP INDEX "public"."IDX_audit_entry_row"`);
    await queryRunner.query(`ALTER TABLE "audit_entry" DROP CONSTRAINT "CHK_audit_entry_row"`);
    await queryRunner.query(`ALTER TABLE "audit_entry" DROP COLUMN "row_digest"`);
    await queryRunner.query(`ALTER TABLE "audit_entry" DROP COLUMN "row_id"`);
    await queryRunner.query(`ALTER TABLE "audit_entry" DROP COLUMN "row_table"`);
  }
}

/**
 * One ROW_DIGEST_BASELINE entry per existing audited row, chained after the head, exactly as
 * AuditService.append would write it.
 */
async function appendBaselines(queryRunner: QueryRunner): Promise<void> {
  const [head]: { seq: string; hash: string }[] = await queryRunner.query(
    `SELECT seq::text AS seq, hash FROM audit_chain_head WHERE id = 1 FOR UPDATE`,
  );
  if (!head) return;
  let seq = BigInt(head.seq);
  let prevHash = head.hash;
  let appended = false;
  for (const table of AUDITED_TABLES) {
    let after: string | null = null;
    for (;;) {
      const rows = await rowsWithDigests(
        queryRunner,
        table,
        { after, limit: BATCH },
        { audited: false },
      );
      if (rows.length === 0) break;
      const values: unknown[] = [];
      const tuples: string[] = [];
      for (const row of rows) {
        seq += 1n;
        const at = new Date();
        const content = {
          seq: String(seq),
          at: at.toISOString(),
          actorId: null,
          action: 'ROW_DIGEST_BASELINE',
          subjectType: SUBJECT_TYPE[table],
          subjectId: row.id,
          data: {},
          row: { table, id: row.id, digest: row.digest },
        };
        const hash = entryHash(prevHash, content);
        const n = values.length;
        tuples.push(
          `($${n + 1}, $${n + 2}, NULL, 'ROW_DIGEST_BASELINE', $${n + 3}, $${n + 4}, '{}', $${n + 5}, $${n + 6}, $${n + 7}, $${n + 8}, $${n + 9})`,
        );
        values.push(
          content.seq,
          at,
          content.subjectType,
          row.id,
          prevHash,
          hash,
          table,
          row.id,
          row.digest,
        );
        prevHash = hash;
      }
      await queryRunner.query(
        `INSERT INTO audit_entry (seq, at, actor_id, action, subject_type, subject_id, data, prev_hash, hash, row_table, row_id, row_digest)
         VALUES ${tuples.join(', ')}`,
        values,
      );
      appended = true;
      if (rows.length < BATCH) break;
      after = rows[rows.length - 1].id;
    }
  }
  if (appended) {
    await queryRunner.query(`UPDATE audit_chain_head SET seq = $1, hash = $2 WHERE id = 1`, [
      String(seq),
      prevHash,
    ]);
  }
}
