import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Months of partitions made ahead of the current one (the job keeps it so: database/partitions.ts). */
export const PARTITION_MONTHS_AHEAD = 12;

/**
 * `ensure_monthly_partitions(parent, first_month, last_month)`: every calendar month (UTC bounds)
 * from first to last gets its partition `<parent>_YYYY_MM` unless it has one. The parent's indexes,
 * row triggers and foreign keys reach a partition by themselves; what PostgreSQL does not carry
 * over is done here: the parent's TRUNCATE triggers (statement triggers are not inherited) and,
 * for audit_entry, the unique (chain, seq) that a partitioned table cannot hold globally. Rows of
 * that month already in `<parent>_default` are moved: the month is made as a plain table, the rows
 * moved (the default's guard triggers disabled for that statement only, inside this transaction,
 * which holds the parent's lock), then attached. Answers the number of partitions made.
 */
const ENSURE_MONTHLY_PARTITIONS = `
CREATE FUNCTION ensure_monthly_partitions(parent regclass, first_month date, last_month date)
RETURNS integer LANGUAGE plpgsql AS $fn$
DECLARE
  nsp text;
  base text;
  key_column text;
  default_part text;
  part text;
  month date := date_trunc('month', first_month)::date;
  lo timestamptz;
  hi timestamptz;
  has_rows boolean;
  locked boolean := false;
  made integer := 0;
BEGIN
  SELECT n.nspname, c.relname, a.attname INTO nsp, base, key_column
    FROM pg_class c
    JOIN pg_namespace n ON n.oid = c.relnamespace
    JOIN pg_partitioned_table p ON p.partrelid = c.oid
    JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = p.partattrs[0]
   WHERE c.oid = parent;
  IF base IS NULL THEN
    RAISE EXCEPTION '% is not a partitioned table', parent;
  END IF;
  default_part := base || '_default';
  WHILE month <= last_month LOOP
    part := base || '_' || to_char(month, 'YYYY_MM');
    IF to_regclass(format('%I.%I', nsp, part)) IS NULL THEN
      IF NOT locked THEN
        -- No writer may put a row of the month into the default between the look and the attach.
        EXECUTE format('LOCK TABLE %I.%I IN ACCESS EXCLUSIVE MODE', nsp, base);
        locked := true;
      END IF;
      lo := month::timestamp AT TIME ZONE 'UTC';
      hi := (month + interval '1 month')::timestamp AT TIME ZONE 'UTC';
      EXECUTE format('SELECT EXISTS (SELECT 1 FROM %I.%I WHERE %I >= $1 AND %I < $2)',
                     nsp, default_part, key_column, key_column)
         INTO has_rows USING lo, hi;
      IF has_rows THEN
        EXECUTE format('CREATE TABLE %I.%I (LIKE %I.%I INCLUDING DEFAULTS INCLUDING CONSTRAINTS)',
                       nsp, part, nsp, base);
        EXECUTE format('ALTER TABLE %I.%I DISABLE TRIGGER USER', nsp, default_part);
        EXECUTE format('WITH moved AS (DELETE FROM %I.%I WHERE %I >= $1 AND %I < $2 RETURNING *)
                        INSERT INTO %I.%I SELECT * FROM moved',
                       nsp, default_part, key_column, key_column, nsp, part)
           USING lo, hi;
        EXECUTE format('ALTER TABLE %I.%I ENABLE TRIGGER USER', nsp, default_part);
        -- The bound as a constraint first spares ATTACH its scan of the rows.
        EXECUTE format('ALTER TABLE %I.%I ADD CONSTRAINT partition_bound CHECK (%I >= %L AND %I < %L)',
                       nsp, part, key_column, lo, key_column, hi);
        EXECUTE format('ALTER TABLE %I.%I ATTACH PARTITION %I.%I FOR VALUES FROM (%L) TO (%L)',
                       nsp, base, nsp, part, lo, hi);
        EXECUTE format('ALTER TABLE %I.%I DROP CONSTRAINT partition_bound', nsp, part);
      ELSE
        EXECUTE format('CREATE TABLE %I.%I PARTITION OF %I.%I FOR VALUES FROM (%L) TO (%L)',
                       nsp, part, nsp, base, lo, hi);
      END IF;
      PERFORM partition_local_objects(parent, format('%I.%I', nsp, part)::regclass);
      made := made + 1;
    END IF;
    month := (month + interval '1 month')::date;
  END LOOP;
  RETURN made;
END $fn$`;

/**
 * What each partition of `parent` holds on its own: the parent's TRUNCATE triggers (a TRUNCATE
 * of the partition itself would not fire the parent's), and audit_entry's unique (chain, seq).
 */
const PARTITION_LOCAL_OBJECTS = `
CREATE FUNCTION partition_local_objects(parent regclass, part regclass)
RETURNS void LANGUAGE plpgsql AS $fn$
DECLARE
  guard record;
  part_name text := (SELECT relname FROM pg_class WHERE oid = part);
BEGIN
  FOR guard IN
    SELECT t.tgname, t.tgfoid::regproc AS fn FROM pg_trigger t
     WHERE t.tgrelid = parent AND NOT t.tgisinternal AND (t.tgtype & 32) <> 0
  LOOP
    EXECUTE format('CREATE TRIGGER %I BEFORE TRUNCATE ON %s FOR EACH STATEMENT EXECUTE FUNCTION %s()',
                   guard.tgname, part, guard.fn);
  END LOOP;
  IF parent = 'audit_entry'::regclass THEN
    EXECUTE format('CREATE UNIQUE INDEX %I ON %s (chain, seq)', 'UQ_' || part_name || '_chain_seq', part);
  END IF;
END $fn$`;

/** The first month to partition: the oldest row's (UTC), the current one on an empty table. */
const monthsFrom = (table: string, column: string) =>
  `date_trunc('month', LEAST((SELECT min("${column}") FROM "${table}"), now()) AT TIME ZONE 'UTC')::date`;
const MONTHS_TO = `(date_trunc('month', now() AT TIME ZONE 'UTC') + interval '${PARTITION_MONTHS_AHEAD} months')::date`;

/** The foreign keys on visit itself (CoreForeignKeys): recreated on the partitioned table. */
const VISIT_OWN_KEYS = [
  ['FK_a50ead09b2b5c30a15b77e13175', 'officer_id', 'app_user'],
  ['FK_331c937aa77477e0fe6b8ae1b63', 'unit_id', 'unit'],
  ['FK_1e40e04d73f321dff6f45ab99b5', 'enterprise_id', 'enterprise'],
  ['FK_b843d8fa5d3e8d691da0183a99a', 'gate_id', 'gate'],
] as const;

/**
 * Issue 15, big tables stay fast: `visit` (by checked_in_at) and `audit_entry` (by at) become
 * partitioned by calendar month (UTC), each with a DEFAULT partition so that no write ever fails
 * for want of a partition. See docs/partitioning.md.
 *
 * A partitioned table's unique keys must contain the partition key, so the global uniqueness of a
 * visit's id and client_id moves to `visit_key` (filled by a trigger on visit: no writer changes),
 * and the keys that pointed at visit(id) point at visit_key(id). audit_entry's (chain, seq) is
 * unique within each partition; the chain head lock and verify keep a chain from forking.
 */
export class MonthlyPartitions1796600000000 implements MigrationInterface {
  name = 'MonthlyPartitions1796600000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    const q = (sql: string) => queryRunner.query(sql);
    await q(PARTITION_LOCAL_OBJECTS);
    await q(ENSURE_MONTHLY_PARTITIONS);

    // --- visit ---
    const referencing: { tbl: string; conname: string; def: string }[] = await queryRunner.query(
      `SELECT conrelid::regclass::text AS tbl, conname, pg_get_constraintdef(oid) AS def
         FROM pg_constraint WHERE contype = 'f' AND confrelid = 'visit'::regclass ORDER BY conname`,
    );
    for (const { tbl, conname } of referencing) {
      await q(`ALTER TABLE ${tbl} DROP CONSTRAINT "${conname}"`);
    }
    await q(`ALTER TABLE "visit" RENAME TO "visit_unpartitioned"`);
    await q(`DROP INDEX "IDX_854587488845748615530e161b"`);
    await q(`DROP INDEX "IDX_visit_enterprise_time"`);
    await q(`DROP INDEX "IDX_visit_unit_time"`);

    await q(`CREATE TABLE "visit_key" ("id" uuid NOT NULL, "client_id" uuid NOT NULL,
               "checked_in_at" TIMESTAMP WITH TIME ZONE NOT NULL, "officer_id" uuid NOT NULL,
               CONSTRAINT "PK_visit_key" PRIMARY KEY ("id"))`);
    await q(`CREATE UNIQUE INDEX "UQ_visit_key_client_id" ON "visit_key" ("client_id")`);

    await q(`CREATE TABLE "visit" (LIKE "visit_unpartitioned" INCLUDING DEFAULTS INCLUDING CONSTRAINTS)
               PARTITION BY RANGE ("checked_in_at")`);
    await q(`ALTER TABLE "visit" ADD CONSTRAINT "PK_visit" PRIMARY KEY ("id", "checked_in_at")`);
    await q(`CREATE INDEX "IDX_visit_client_id" ON "visit" ("client_id")`);
    // The lists' order (checked_in_at DESC, id DESC): a page is the first rows of the newest
    // month's index, and a date range reads only its months' (docs/partitioning.md, the plans).
    await q(`CREATE INDEX "IDX_visit_time" ON "visit" ("checked_in_at", "id")`);
    await q(
      `CREATE INDEX "IDX_visit_enterprise_time" ON "visit" ("enterprise_id", "checked_in_at")`,
    );
    await q(`CREATE INDEX "IDX_visit_unit_time" ON "visit" ("unit_id", "checked_in_at", "id")`);
    // Every visit (and refused attempt) is the audit record: never deleted, its keys never changed.
    await q(`CREATE FUNCTION visit_key_insert() RETURNS trigger LANGUAGE plpgsql AS $$
               BEGIN
                 INSERT INTO visit_key (id, client_id, checked_in_at, officer_id)
                 VALUES (NEW.id, NEW.client_id, NEW.checked_in_at, NEW.officer_id);
                 RETURN NEW;
               END $$`);
    await q(`CREATE FUNCTION visit_is_kept() RETURNS trigger LANGUAGE plpgsql AS $$
               BEGIN
                 IF TG_OP = 'UPDATE' AND (NEW.id, NEW.client_id, NEW.checked_in_at, NEW.officer_id)
                      IS NOT DISTINCT FROM (OLD.id, OLD.client_id, OLD.checked_in_at, OLD.officer_id)
                 THEN
                   RETURN NEW;
                 END IF;
                 RAISE EXCEPTION 'visits are kept for good (%): % refused', TG_TABLE_NAME,
                   CASE TG_OP WHEN 'UPDATE' THEN 'changing its id, client_id, checked_in_at or officer'
                              ELSE TG_OP END
                   USING ERRCODE = 'insufficient_privilege';
               END $$`);
    await q(`CREATE TRIGGER visit_key_insert BEFORE INSERT ON "visit"
               FOR EACH ROW EXECUTE FUNCTION visit_key_insert()`);
    await q(`CREATE TRIGGER visit_is_kept BEFORE UPDATE OF id, client_id, checked_in_at, officer_id OR DELETE
               ON "visit" FOR EACH ROW EXECUTE FUNCTION visit_is_kept()`);
    await q(`CREATE TRIGGER visit_no_truncate BEFORE TRUNCATE ON "visit"
               FOR EACH STATEMENT EXECUTE FUNCTION visit_is_kept()`);
    await q(`CREATE TRIGGER visit_key_no_update_delete BEFORE UPDATE OR DELETE ON "visit_key"
               FOR EACH ROW EXECUTE FUNCTION visit_is_kept()`);
    await q(`CREATE TRIGGER visit_key_no_truncate BEFORE TRUNCATE ON "visit_key"
               FOR EACH STATEMENT EXECUTE FUNCTION visit_is_kept()`);
    await q(`CREATE TABLE "visit_default" PARTITION OF "visit" DEFAULT`);
    await q(`SELECT partition_local_objects('visit', 'visit_default')`);
    await q(
      `SELECT ensure_monthly_partitions('visit', ${monthsFrom('visit_unpartitioned', 'checked_in_at')}, ${MONTHS_TO})`,
    );
    // The trigger fills visit_key as the rows go in.
    await q(`INSERT INTO "visit" SELECT * FROM "visit_unpartitioned"`);
    await q(`ALTER TABLE "visit" ADD CONSTRAINT "FK_visit_visit_key" FOREIGN KEY ("id")
               REFERENCES "visit_key"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    for (const [name, column, parent] of VISIT_OWN_KEYS) {
      await q(`ALTER TABLE "visit" ADD CONSTRAINT "${name}" FOREIGN KEY ("${column}")
                 REFERENCES "${parent}"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    }
    for (const { tbl, conname, def } of referencing) {
      const toKey = def.replace(
        /REFERENCES (public\.)?"?visit"?\(id\)/,
        'REFERENCES visit_key(id)',
      );
      await q(`ALTER TABLE ${tbl} ADD CONSTRAINT "${conname}" ${toKey}`);
    }
    await q(`DROP TABLE "visit_unpartitioned"`);

    // --- audit_entry ---
    await q(`ALTER TABLE "audit_entry" RENAME TO "audit_entry_unpartitioned"`);
    await q(`ALTER TABLE "audit_entry_unpartitioned" DROP CONSTRAINT "PK_audit_entry"`);
    await q(`DROP INDEX "UQ_audit_entry_chain_seq"`);
    await q(`DROP INDEX "IDX_audit_entry_row"`);
    await q(`CREATE TABLE "audit_entry" (LIKE "audit_entry_unpartitioned" INCLUDING DEFAULTS INCLUDING CONSTRAINTS)
               PARTITION BY RANGE ("at")`);
    await q(`ALTER SEQUENCE "audit_entry_id_seq" OWNED BY "audit_entry"."id"`);
    await q(`ALTER TABLE "audit_entry" ADD CONSTRAINT "PK_audit_entry" PRIMARY KEY ("id", "at")`);
    await q(`CREATE INDEX "IDX_audit_entry_row" ON "audit_entry" ("row_table", "row_id", "id")`);
    await q(`CREATE TRIGGER audit_entry_no_update_delete BEFORE UPDATE OR DELETE ON "audit_entry"
               FOR EACH ROW EXECUTE FUNCTION audit_entry_is_append_only()`);
    await q(`CREATE TRIGGER audit_entry_no_truncate BEFORE TRUNCATE ON "audit_entry"
               FOR EACH STATEMENT EXECUTE FUNCTION audit_entry_is_append_only()`);
    await q(`CREATE TABLE "audit_entry_default" PARTITION OF "audit_entry" DEFAULT`);
    await q(`SELECT partition_local_objects('audit_entry', 'audit_entry_default')`);
    await q(
      `SELECT ensure_monthly_partitions('audit_entry', ${monthsFrom('audit_entry_unpartitioned', 'at')}, ${MONTHS_TO})`,
    );
    await q(`INSERT INTO "audit_entry" SELECT * FROM "audit_entry_unpartitioned"`);
    await q(`DROP TABLE "audit_entry_unpartitioned"`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    const q = (sql: string) => queryRunner.query(sql);

    // --- audit_entry: one plain table again ---
    await q(`ALTER TABLE "audit_entry" RENAME TO "audit_entry_partitioned"`);
    await q(
      `CREATE TABLE "audit_entry" (LIKE "audit_entry_partitioned" INCLUDING DEFAULTS INCLUDING CONSTRAINTS)`,
    );
    await q(`INSERT INTO "audit_entry" SELECT * FROM "audit_entry_partitioned"`);
    await q(`ALTER SEQUENCE "audit_entry_id_seq" OWNED BY "audit_entry"."id"`);
    await q(`DROP TABLE "audit_entry_partitioned"`);
    await q(`ALTER TABLE "audit_entry" ADD CONSTRAINT "PK_audit_entry" PRIMARY KEY ("id")`);
    await q(`CREATE UNIQUE INDEX "UQ_audit_entry_chain_seq" ON "audit_entry" ("chain", "seq")`);
    await q(`CREATE INDEX "IDX_audit_entry_row" ON "audit_entry" ("row_table", "row_id", "id")`);
    await q(`CREATE TRIGGER audit_entry_no_update_delete BEFORE UPDATE OR DELETE ON "audit_entry"
               FOR EACH ROW EXECUTE FUNCTION audit_entry_is_append_only()`);
    await q(`CREATE TRIGGER audit_entry_no_truncate BEFORE TRUNCATE ON "audit_entry"
               FOR EACH STATEMENT EXECUTE FUNCTION audit_entry_is_append_only()`);

    // --- visit ---
    const referencing: { tbl: string; conname: string; def: string }[] = await queryRunner.query(
      `SELECT conrelid::regclass::text AS tbl, conname, pg_get_constraintdef(oid) AS def
         FROM pg_constraint WHERE contype = 'f' AND confrelid = 'visit_key'::regclass
          AND conparentid = 0 AND conrelid <> 'visit'::regclass ORDER BY conname`,
    );
    for (const { tbl, conname } of referencing) {
      await q(`ALTER TABLE ${tbl} DROP CONSTRAINT "${conname}"`);
    }
    await q(`ALTER TABLE "visit" RENAME TO "visit_partitioned"`);
    await q(
      `CREATE TABLE "visit" (LIKE "visit_partitioned" INCLUDING DEFAULTS INCLUDING CONSTRAINTS)`,
    );
    await q(`INSERT INTO "visit" SELECT * FROM "visit_partitioned"`);
    await q(`DROP TABLE "visit_partitioned"`);
    await q(`DROP TABLE "visit_key"`);
    await q(`DROP FUNCTION visit_key_insert()`);
    await q(`DROP FUNCTION visit_is_kept()`);
    await q(
      `ALTER TABLE "visit" ADD CONSTRAINT "PK_c9919ef5a07627657c535d8eb88" PRIMARY KEY ("id")`,
    );
    await q(`CREATE UNIQUE INDEX "IDX_854587488845748615530e161b" ON "visit" ("client_id")`);
    await q(
      `CREATE INDEX "IDX_visit_enterprise_time" ON "visit" ("enterprise_id", "checked_in_at")`,
    );
    await q(`CREATE INDEX "IDX_visit_unit_time" ON "visit" ("unit_id", "checked_in_at", "id")`);
    for (const [name, column, parent] of VISIT_OWN_KEYS) {
      await q(`ALTER TABLE "visit" ADD CONSTRAINT "${name}" FOREIGN KEY ("${column}")
                 REFERENCES "${parent}"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    }
    for (const { tbl, conname, def } of referencing) {
      const toVisit = def.replace(
        /REFERENCES (public\.)?"?visit_key"?\(id\)/,
        'REFERENCES visit(id)',
      );
      await q(`ALTER TABLE ${tbl} ADD CONSTRAINT "${conname}" ${toVisit}`);
    }
    await q(`DROP FUNCTION ensure_monthly_partitions(regclass, date, date)`);
    await q(`DROP FUNCTION partition_local_objects(regclass, regclass)`);
  }
}
