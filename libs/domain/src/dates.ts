/**
 * The one check of dates and times that clients send (request fields, policy data, imported
 * sheets): real calendar days only, in the forms the server, JavaScript's Date and PostgreSQL all
 * read the same way. 2026-13-01, 2026-02-30 and year 0000 (which PostgreSQL refuses) are not dates.
 */

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * ISO 8601 date-time: a day, optionally with a time (hours and minutes, optional seconds and
 * fraction) and, with a time, optionally a zone (Z or ±HH:MM).
 */
const DATE_TIME =
  /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-](\d{2}):(\d{2}))?)?$/;

/** A real calendar day written YYYY-MM-DD, years 0001–9999. */
export function isCalendarDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = DAY.exec(value);
  if (!match) return false;
  const [year, month, day] = match.slice(1).map(Number);
  if (year < 1 || month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

export interface DateTimeOptions {
  /** The value must carry a time and a zone (Z or ±HH:MM), e.g. a phone's scan time. */
  requireZone?: boolean;
}

/**
 * An ISO 8601 date-time on a real calendar day (see DATE_TIME): 2026-11-22,
 * 2026-11-22T09:30:00+08:00, 2026-11-22T01:30:00.000Z. Hours 00–23, minutes and seconds 00–59,
 * zone offsets up to ±14:00.
 */
export function isIsoDateTime(value: unknown, options: DateTimeOptions = {}): value is string {
  if (typeof value !== 'string') return false;
  const match = DATE_TIME.exec(value);
  if (!match) return false;
  const [, day, hours, minutes, seconds, zone, zoneHours, zoneMinutes] = match;
  if (!isCalendarDate(day)) return false;
  if (options.requireZone && zone === undefined) return false;
  if (hours !== undefined && (Number(hours) > 23 || Number(minutes) > 59)) return false;
  if (seconds !== undefined && Number(seconds) > 59) return false;
  if (zoneHours !== undefined && Number(zoneHours) * 60 + Number(zoneMinutes) > 14 * 60) {
    return false;
  }
  if (zoneMinutes !== undefined && Number(zoneMinutes) > 59) return false;
  return Number.isFinite(Date.parse(value));
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}
