import { PARTITION_MONTHS_AHEAD } from './migrations/1796600000000-MonthlyPartitions';

/** Anything that runs SQL: an EntityManager (a job's transaction), a DataSource, a QueryRunner. */
export interface SqlRunner {
  query(sql: string, parameters?: unknown[]): Promise<unknown>;
}

/** The tables partitioned by calendar month (UTC) and their partition key. */
export const MONTHLY_PARTITIONED = [
  { table: 'visit', column: 'checked_in_at' },
  { table: 'audit_entry', column: 'at' },
] as const;

export type PartitionedTable = (typeof MONTHLY_PARTITIONED)[number]['table'];

/** Partitions made by one maintenance run, per table. */
export type PartitionsMade = Record<PartitionedTable, number>;

/**
 * Keeps every monthly-partitioned table's partitions from the current month (UTC) through
 * PARTITION_MONTHS_AHEAD months ahead, and gives each month that has rows waiting in the DEFAULT
 * partition its own partition (the rows move into it): a visit synced late from a month before
 * the oldest partition, or a row written past the months made ahead. Both by
 * `ensure_monthly_partitions` (migration MonthlyPartitions), which takes the table's lock only
 * when a partition is missing: a run with nothing to do changes nothing and waits for no one.
 */
export async function ensureMonthlyPartitions(
  db: SqlRunner,
  now: Date = new Date(),
): Promise<PartitionsMade> {
  const made = { visit: 0, audit_entry: 0 };
  for (const { table, column } of MONTHLY_PARTITIONED) {
    const [ahead] = (await db.query(
      `SELECT ensure_monthly_partitions($1::regclass,
                date_trunc('month', $2::timestamptz AT TIME ZONE 'UTC')::date,
                (date_trunc('month', $2::timestamptz AT TIME ZONE 'UTC')
                   + make_interval(months => $3))::date) AS made`,
      [table, now, PARTITION_MONTHS_AHEAD],
    )) as { made: number }[];
    made[table] += ahead.made;
    const waiting = (await db.query(
      `SELECT DISTINCT date_trunc('month', "${column}" AT TIME ZONE 'UTC')::date::text AS month
         FROM "${table}_default" ORDER BY month`,
    )) as { month: string }[];
    for (const { month } of waiting) {
      const [own] = (await db.query(
        `SELECT ensure_monthly_partitions($1::regclass, $2::date, $2::date) AS made`,
        [table, month],
      )) as { made: number }[];
      made[table] += own.made;
    }
  }
  return made;
}
