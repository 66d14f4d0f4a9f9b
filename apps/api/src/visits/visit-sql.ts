/**
 * Named predicates on the visit table, for the repositories' SQL. One place for each rule: a
 * repository never spells `outcome <> 'REFUSED'` itself, nor its own copy of the visit scope.
 */
import type { AccessScope } from '../scope/access-scope';

/** A visit that took place (the officer entered): every outcome but a refused attempt. */
export function enteredVisitSql(alias: string): string {
  return `${alias}.outcome <> 'REFUSED'`;
}

/** A visit's checked_in_at as its partition key's text: ISO 8601, UTC, to the microsecond. */
export function partitionKeySql(checkedInAt: string): string {
  return `to_char(${checkedInAt} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
}

/**
 * The partition key of the visit with the id `$1` (column "partitionKey"), exact to the
 * microsecond, as text for a second statement's parameter (visitByIdSql). visit_key holds it for
 * every visit, and it never changes (visit_is_kept).
 */
export const VISIT_KEY_TIME_SQL = `SELECT ${partitionKeySql('checked_in_at')} AS "partitionKey"
  FROM visit_key WHERE id = $1`;

/**
 * The visit of `alias` with the id `id` and the partition key `checkedInAt` (SQL expressions:
 * parameters; the key as VISIT_KEY_TIME_SQL gives it). With the key a parameter the statement is
 * planned for that month's partition alone; by id alone it would be planned, and probe the id
 * index, for every month (docs/partitioning.md).
 */
export function visitByIdSql(alias: string, id: string, checkedInAt: string): string {
  return `${alias}.id = ${id} AND ${visitInMonthSql(alias, checkedInAt)}`;
}

/** The visits of `alias` with the partition key `checkedInAt` (VISIT_KEY_TIME_SQL's text). */
export function visitInMonthSql(alias: string, checkedInAt: string): string {
  return `${alias}.checked_in_at = ${checkedInAt}::timestamptz`;
}

/**
 * The visits of `alias` the caller may see, as an SQL condition; its parameters are pushed onto
 * `params` (numbered `$n` after those already there). An officer: the unit's visits and the visits
 * he took part in; a supervisor: the jurisdiction's; both also the visits made TO the firms their
 * units supervise, whoever made them (属地管辖: an outside unit's visit is seen by both units);
 * a firm's user: the firm's visits; an admin: everything ('TRUE').
 */
export function visitScopeSql(alias: string, scope: AccessScope, params: unknown[]): string {
  switch (scope.kind) {
    case 'all':
      return 'TRUE';
    case 'units': {
      params.push(scope.unitIds);
      const units = `$${params.length}::uuid[]`;
      params.push(scope.userId);
      const user = `$${params.length}::uuid`;
      return `(${alias}.unit_id = ANY(${units})
          OR EXISTS (SELECT 1 FROM enterprise se
                      WHERE se.id = ${alias}.enterprise_id AND se.unit_id = ANY(${units}))
          OR EXISTS (SELECT 1 FROM visit_officer svo
                      WHERE svo.visit_id = ${alias}.id AND svo.officer_id = ${user}))`;
    }
    case 'enterprises':
      params.push(scope.enterpriseIds);
      return `${alias}.enterprise_id = ANY($${params.length}::uuid[])`;
  }
}

const DAY_MS = 86_400_000;

/**
 * The cap window of a check-in at `at`: the visits that can matter to it. From the start of its
 * calendar year in bureau time (the yearly cap counts from there) or the repeat-visit window
 * before it (one day more, for the day boundary), whichever is earlier; to the end of that year or
 * the window after it, whichever is later (a check-in synced late is judged with the visits
 * recorded after it). "Prior visits in the cap window" are the entered visits from `from` to `at`.
 */
export function capWindow(
  at: Date,
  repeatVisitWindowDays: number,
  utcOffsetMinutes: number,
): { from: Date; to: Date } {
  const offsetMs = utcOffsetMinutes * 60_000;
  const year = new Date(at.getTime() + offsetMs).getUTCFullYear();
  const yearStart = Date.UTC(year, 0, 1) - offsetMs;
  const yearEnd = Date.UTC(year + 1, 0, 1) - offsetMs;
  const windowMs = (repeatVisitWindowDays + 1) * DAY_MS;
  return {
    from: new Date(Math.min(yearStart, at.getTime() - windowMs)),
    to: new Date(Math.max(yearEnd, at.getTime() + windowMs)),
  };
}

/**
 * capWindow in SQL, for a statement that reads the policy itself (the check-in's context): the
 * same bounds for SQL expressions of the instant (timestamptz), the window's days and the offset's
 * minutes. `visit-sql.test.ts` holds the two to the same answers.
 */
export function capWindowSql(
  at: string,
  repeatVisitWindowDays: string,
  utcOffsetMinutes: string,
): { from: string; to: string } {
  const offset = `(${utcOffsetMinutes} * interval '1 minute')`;
  const local = `((${at} AT TIME ZONE 'UTC') + ${offset})`;
  const window = `((${repeatVisitWindowDays} + 1) * interval '1 day')`;
  const yearStart = `((date_trunc('year', ${local}) - ${offset}) AT TIME ZONE 'UTC')`;
  const yearEnd = `((date_trunc('year', ${local}) + interval '1 year' - ${offset}) AT TIME ZONE 'UTC')`;
  return {
    from: `least(${yearStart}, ${at} - ${window})`,
    to: `greatest(${yearEnd}, ${at} + ${window})`,
  };
}
