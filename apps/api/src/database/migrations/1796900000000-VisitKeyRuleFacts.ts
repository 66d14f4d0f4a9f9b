import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The check-in's context statement reads a firm's visits around the scan. Read from the monthly
 * partitions of `visit`, its prepared (generic) plan locked and set up every partition at each
 * execution, two times over; with ten connections that cost more than the rest of the statement.
 * `visit_key` is not partitioned and is written for every visit by the trigger on visit: it now
 * also holds what the rules read of a visit (its firm, unit, purpose, reference and outcome,
 * copied as the visit is inserted; none of them is ever changed), with an index by firm and time.
 */
export class VisitKeyRuleFacts1796900000000 implements MigrationInterface {
  name = 'VisitKeyRuleFacts1796900000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    const q = (sql: string) => queryRunner.query(sql);
    await q(`ALTER TABLE "visit_key" ADD "enterprise_id" uuid, ADD "unit_id" uuid,
               ADD "purpose" character varying(32), ADD "reference" character varying(100),
               ADD "outcome" character varying(10)`);
    // visit_is_kept lets an UPDATE through that leaves the keys as they are.
    await q(`UPDATE "visit_key" k
                SET enterprise_id = v.enterprise_id, unit_id = v.unit_id, purpose = v.purpose,
                    reference = v.reference, outcome = v.outcome
               FROM "visit" v
              WHERE v.id = k.id AND v.checked_in_at = k.checked_in_at`);
    await q(`ALTER TABLE "visit_key" ALTER "unit_id" SET NOT NULL, ALTER "purpose" SET NOT NULL,
               ALTER "outcome" SET NOT NULL`);
    await q(
      `CREATE INDEX "IDX_visit_key_enterprise_time" ON "visit_key" ("enterprise_id", "checked_in_at")`,
    );
    await q(`CREATE OR REPLACE FUNCTION visit_key_insert() RETURNS trigger LANGUAGE plpgsql AS $$
               BEGIN
                 INSERT INTO visit_key (id, client_id, checked_in_at, officer_id, enterprise_id,
                                        unit_id, purpose, reference, outcome)
                 VALUES (NEW.id, NEW.client_id, NEW.checked_in_at, NEW.officer_id,
                         NEW.enterprise_id, NEW.unit_id, NEW.purpose, NEW.reference, NEW.outcome);
                 RETURN NEW;
               END $$`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    const q = (sql: string) => queryRunner.query(sql);
    await q(`CREATE OR REPLACE FUNCTION visit_key_insert() RETURNS trigger LANGUAGE plpgsql AS $$
               BEGIN
                 INSERT INTO visit_key (id, client_id, checked_in_at, officer_id)
                 VALUES (NEW.id, NEW.client_id, NEW.checked_in_at, NEW.officer_id);
                 RETURN NEW;
               END $$`);
    await q(`DROP INDEX "IDX_visit_key_enterprise_time"`);
    await q(`ALTER TABLE "visit_key" DROP "outcome", DROP "reference", DROP "purpose",
               DROP "unit_id", DROP "enterprise_id"`);
  }
}
