import { MigrationInterface, QueryRunner } from 'typeorm';

export class Draws1795385733840 implements MigrationInterface {
  name = 'Draws1795385733840';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "draw" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "number" character varying(20) NOT NULL, "name" character varying(100) NOT NULL, "status" character varying(10) NOT NULL, "period_start" date NOT NULL, "period_end" date NOT NULL, "pool_filter" jsonb NOT NULL, "inputs" jsonb NOT NULL, "inputs_hash" character(128) NOT NULL, "seed_commitment" character(128) NOT NULL, "seed" character varying(64) NOT NULL, "committed_at" TIMESTAMP WITH TIME ZONE NOT NULL, "revealed_at" TIMESTAMP WITH TIME ZONE, "created_by" uuid NOT NULL, "unit_id" uuid NOT NULL, CONSTRAINT "CHK_draw_period" CHECK (period_start <= period_end), CONSTRAINT "CHK_draw_revealed" CHECK ((status = 'REVEALED') = (revealed_at IS NOT NULL)), CONSTRAINT "CHK_draw_status" CHECK (status IN ('COMMITTED', 'REVEALED')), CONSTRAINT "PK_93d305b8405e4b975c54d609dc8" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_e671ccbb74a2e9c14f21c8b1a1" ON "draw"  ("number") `,
    );
    await queryRunner.query(
      `CREATE TABLE "draw_task" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "draw_id" uuid NOT NULL, "number" integer NOT NULL, "reference" character varying(30) NOT NULL, "enterprise_id" uuid NOT NULL, "officer_ids" jsonb NOT NULL, "short" boolean NOT NULL DEFAULT false, CONSTRAINT "PK_ecfe2b706be3d100909cce4f819" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_a77aaa416365067e257e134ce6" ON "draw_task"  ("reference") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_draw_task_number" ON "draw_task"  ("draw_id", "number") `,
    );
    await queryRunner.query(
      `CREATE TABLE "officer_conflict" ("officer_id" uuid NOT NULL, "enterprise_id" uuid NOT NULL, "reason" text NOT NULL DEFAULT '', "declared_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_b64ba2989c8c49204c0332cdbcb" PRIMARY KEY ("officer_id", "enterprise_id"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "draw" ADD CONSTRAINT "FK_c61e47507d60c7be15be4c37776" FOREIGN KEY ("created_by") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "draw_task" ADD CONSTRAINT "FK_635f12d138fe85c1993c5e5b36f" FOREIGN KEY ("draw_id") REFERENCES "draw"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "draw_task" ADD CONSTRAINT "FK_157b8c138d0fbff93300bb21a1a" FOREIGN KEY ("enterprise_id") REFERENCES "enterprise"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "officer_conflict" ADD CONSTRAINT "FK_99c845ed538eeb9be42750d5ebf" FOREIGN KEY ("officer_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "officer_conflict" ADD CONSTRAINT "FK_56c9392a06aebdad0a15885000f" FOREIGN KEY ("enterprise_id") REFERENCES "enterprise"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "officer_conflict" DROP CONSTRAINT "FK_56c9392a06aebdad0a15885000f"`,
    );
    await queryRunner.query(
      `ALTER TABLE "officer_conflict" DROP CONSTRAINT "FK_99c845ed538eeb9be42750d5ebf"`,
    );
    await queryRunner.query(
      `ALTER TABLE "draw_task" DROP CONSTRAINT "FK_157b8c138d0fbff93300bb21a1a"`,
    );
    await queryRunner.query(
      `ALTER TABLE "draw_task" DROP CONSTRAINT "FK_635f12d138fe85c1993c5e5b36f"`,
    );
    await queryRunner.query(`ALTER TABLE "draw" DROP CONSTRAINT "FK_c61e47507d60c7be15be4c37776"`);
    await queryRunner.query(`DROP TABLE "officer_conflict"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_draw_task_number"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_a77aaa416365067e257e134ce6"`);
    await queryRunner.query(`DROP TABLE "draw_task"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_e671ccbb74a2e9c14f21c8b1a1"`);
    await queryRunner.query(`DROP TABLE "draw"`);
  }
}
