import { MigrationInterface, QueryRunner } from 'typeorm';

/** The references the core tables held by convention only, as `ALTER TABLE … ADD CONSTRAINT` below. */
const REFERENCES: [table: string, column: string, parent: string][] = [
  ['draw', 'unit_id', 'unit'],
  ['gate_code', 'gate_id', 'gate'],
  ['gate_code', 'enterprise_id', 'enterprise'],
  ['notification', 'user_id', 'app_user'],
  ['policy_version', 'created_by', 'app_user'],
  ['visit', 'officer_id', 'app_user'],
  ['visit', 'unit_id', 'unit'],
  ['visit', 'enterprise_id', 'enterprise'],
  ['visit', 'gate_id', 'gate'],
  ['rating', 'unit_id', 'unit'],
  ['follow_up_case', 'visit_id', 'visit'],
  ['follow_up_case', 'enterprise_id', 'enterprise'],
  ['follow_up_case', 'unit_id', 'unit'],
  ['misconduct_report', 'visit_id', 'visit'],
  ['misconduct_report', 'unit_id', 'unit'],
  ['visit_officer', 'visit_id', 'visit'],
  ['visit_officer', 'officer_id', 'app_user'],
];

/**
 * Foreign keys on the core tables (visit, visit_officer, gate_code, notification, policy_version)
 * and the oversight rows that point at visits and units. Nothing is ever deleted from these tables,
 * so every key is RESTRICT. A database holding a row that points nowhere stops here with the rows
 * named, instead of PostgreSQL's bare constraint error.
 */
export class CoreForeignKeys1796500000000 implements MigrationInterface {
  name = 'CoreForeignKeys1796500000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    const dangling: string[] = [];
    for (const [table, column, parent] of REFERENCES) {
      const [{ count }] = await queryRunner.query(
        `SELECT count(*)::int AS count FROM "${table}" t WHERE t."${column}" IS NOT NULL
                   AND NOT EXISTS (SELECT 1 FROM "${parent}" p WHERE p.id = t."${column}")`,
      );
      if (count > 0) dangling.push(`${table}.${column}: ${count} row(s) name no ${parent}`);
    }
    if (dangling.length > 0) {
      throw new Error(`Cannot add the foreign keys, rows point nowhere:\n${dangling.join('\n')}`);
    }
    await queryRunner.query(
      `ALTER TABLE "draw" ADD CONSTRAINT "FK_5f9a47b5cd39cfb2dae84177413" FOREIGN KEY ("unit_id") REFERENCES "unit"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "gate_code" ADD CONSTRAINT "FK_612920b9e8dc187ce6418f70e03" FOREIGN KEY ("gate_id") REFERENCES "gate"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "gate_code" ADD CONSTRAINT "FK_1967141124184667b20d3e62de9" FOREIGN KEY ("enterprise_id") REFERENCES "enterprise"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "notification" ADD CONSTRAINT "FK_928b7aa1754e08e1ed7052cb9d8" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "policy_version" ADD CONSTRAINT "FK_d588e4097ca246225d387556568" FOREIGN KEY ("created_by") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "visit" ADD CONSTRAINT "FK_a50ead09b2b5c30a15b77e13175" FOREIGN KEY ("officer_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "visit" ADD CONSTRAINT "FK_331c937aa77477e0fe6b8ae1b63" FOREIGN KEY ("unit_id") REFERENCES "unit"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "visit" ADD CONSTRAINT "FK_1e40e04d73f321dff6f45ab99b5" FOREIGN KEY ("enterprise_id") REFERENCES "enterprise"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "visit" ADD CONSTRAINT "FK_b843d8fa5d3e8d691da0183a99a" FOREIGN KEY ("gate_id") REFERENCES "gate"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "rating" ADD CONSTRAINT "FK_83231532acef45b7cc36330035a" FOREIGN KEY ("unit_id") REFERENCES "unit"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "follow_up_case" ADD CONSTRAINT "FK_910ff405ef95ccdb545627c37f8" FOREIGN KEY ("visit_id") REFERENCES "visit"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "follow_up_case" ADD CONSTRAINT "FK_47831d981142bb1f5c9fb9d568f" FOREIGN KEY ("enterprise_id") REFERENCES "enterprise"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "follow_up_case" ADD CONSTRAINT "FK_f56c8f2ab9d79ffee1ba68c0609" FOREIGN KEY ("unit_id") REFERENCES "unit"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "misconduct_report" ADD CONSTRAINT "FK_1ceb1a2c6ba12789cebc66b2d36" FOREIGN KEY ("visit_id") REFERENCES "visit"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "misconduct_report" ADD CONSTRAINT "FK_4964bdfe1b87e8d4b1e5c55e0a0" FOREIGN KEY ("unit_id") REFERENCES "unit"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "visit_officer" ADD CONSTRAINT "FK_078c4434de30b5fb78a395365a8" FOREIGN KEY ("visit_id") REFERENCES "visit"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "visit_officer" ADD CONSTRAINT "FK_49b6104fc580c280dedf6fbb19e" FOREIGN KEY ("officer_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "visit_officer" DROP CONSTRAINT "FK_49b6104fc580c280dedf6fbb19e"`,
    );
    await queryRunner.query(
      `ALTER TABLE "visit_officer" DROP CONSTRAINT "FK_078c4434de30b5fb78a395365a8"`,
    );
    await queryRunner.query(
      `ALTER TABLE "misconduct_report" DROP CONSTRAINT "FK_4964bdfe1b87e8d4b1e5c55e0a0"`,
    );
    await queryRunner.query(
      `ALTER TABLE "misconduct_report" DROP CONSTRAINT "FK_1ceb1a2c6ba12789cebc66b2d36"`,
    );
    await queryRunner.query(
      `ALTER TABLE "follow_up_case" DROP CONSTRAINT "FK_f56c8f2ab9d79ffee1ba68c0609"`,
    );
    await queryRunner.query(
      `ALTER TABLE "follow_up_case" DROP CONSTRAINT "FK_47831d981142bb1f5c9fb9d568f"`,
    );
    await queryRunner.query(
      `ALTER TABLE "follow_up_case" DROP CONSTRAINT "FK_910ff405ef95ccdb545627c37f8"`,
    );
    await queryRunner.query(
      `ALTER TABLE "rating" DROP CONSTRAINT "FK_83231532acef45b7cc36330035a"`,
    );
    await queryRunner.query(`ALTER TABLE "visit" DROP CONSTRAINT "FK_b843d8fa5d3e8d691da0183a99a"`);
    await queryRunner.query(`ALTER TABLE "visit" DROP CONSTRAINT "FK_1e40e04d73f321dff6f45ab99b5"`);
    await queryRunner.query(`ALTER TABLE "visit" DROP CONSTRAINT "FK_331c937aa77477e0fe6b8ae1b63"`);
    await queryRunner.query(`ALTER TABLE "visit" DROP CONSTRAINT "FK_a50ead09b2b5c30a15b77e13175"`);
    await queryRunner.query(
      `ALTER TABLE "policy_version" DROP CONSTRAINT "FK_d588e4097ca246225d387556568"`,
    );
    await queryRunner.query(
      `ALTER TABLE "notification" DROP CONSTRAINT "FK_928b7aa1754e08e1ed7052cb9d8"`,
    );
    await queryRunner.query(
      `ALTER TABLE "gate_code" DROP CONSTRAINT "FK_1967141124184667b20d3e62de9"`,
    );
    await queryRunner.query(
      `ALTER TABLE "gate_code" DROP CONSTRAINT "FK_612920b9e8dc187ce6418f70e03"`,
    );
    await queryRunner.query(`ALTER TABLE "draw" DROP CONSTRAINT "FK_5f9a47b5cd39cfb2dae84177413"`);
  }
}
