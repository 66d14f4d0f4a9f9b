/** Times as the bureau reads them: its local wall clock at the policy's UTC offset. */

/** 'YYYY-MM-DD HH:mm' of an instant at a UTC offset (China: 480 minutes). */
export function formatBureauTime(at: Date, utcOffsetMinutes: number): string {
  return new Date(at.getTime() + utcOffsetMinutes * 60_000)
    .toISOString()
    .slice(0, 16)
    .replace('T', ' ');
}

/** The month ('YYYY-MM') an instant falls in, and the instants it starts and ends at. */
export function bureauMonth(
  at: Date,
  utcOffsetMinutes: number,
): { month: string; start: Date; end: Date } {
  const local = new Date(at.getTime() + utcOffsetMinutes * 60_000);
  const year = local.getUTCFullYear();
  const monthIndex = local.getUTCMonth();
  const offsetMs = utcOffsetMinutes * 60_000;
  return {
    month: local.toISOString().slice(0, 7),
    start: new Date(Date.UTC(year, monthIndex, 1) - offsetMs),
    end: new Date(Date.UTC(year, monthIndex + 1, 1) - offsetMs),
  };
}

/**
 * SQL for the bureau's wall-clock time (timestamp without time zone) of a timestamptz column,
 * given the parameter holding the offset in minutes.
 */
export function bureauLocalSql(column: string, offsetParam: string): string {
  return `((${column} AT TIME ZONE 'UTC') + make_interval(mins => ${offsetParam}::int))`;
}
