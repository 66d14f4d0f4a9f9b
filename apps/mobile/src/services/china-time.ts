/**
 * Times as the bureaus read them: China time (UTC+8, no daylight saving), whatever the device's
 * zone. One place for every date shown or sent by the app.
 */
const CHINA_OFFSET_MS = 8 * 3600_000;
const DAY_MS = 86_400_000;

const pad = (n: number) => String(n).padStart(2, '0');

/** The instant shifted so that getUTC* read China's wall clock; undefined for a bad ISO text. */
function chinaWall(iso: string): Date | undefined {
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? undefined : new Date(ms + CHINA_OFFSET_MS);
}

/** 2026-11-22T02:03:04Z → 2026-11-22 10:03 */
export function chinaTime(iso: string): string {
  const d = chinaWall(iso);
  if (!d) return iso;
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

/** 2026-11-22T02:03:04Z → 10:03 */
export function chinaClock(iso: string): string {
  const d = chinaWall(iso);
  return d ? `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}` : iso;
}

/** 2026-11-22T02:03:04Z → 11月22日 10:03 */
export function chinaDateTime(iso: string): string {
  const d = chinaWall(iso);
  return d ? `${d.getUTCMonth() + 1}月${d.getUTCDate()}日 ${chinaClock(iso)}` : iso;
}

/** Midnight in China `daysBack` days before `now`, as an ISO instant (for "from" filters). */
export function chinaMidnight(now: Date = new Date(), daysBack = 0): string {
  const midnight =
    Math.floor((now.getTime() + CHINA_OFFSET_MS) / DAY_MS) * DAY_MS - CHINA_OFFSET_MS;
  return new Date(midnight - daysBack * DAY_MS).toISOString();
}

/** Today in China as YYYY-MM-DD. */
export function chinaToday(now: Date = new Date()): string {
  return new Date(now.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}
