import { chinaMidnight, chinaToday } from '../../services/china-time';

const DAY_MS = 86_400_000;
const CHINA_OFFSET_MS = 8 * 3600_000;

/** The desk's period: the last N whole weeks (Monday to Sunday, China time), up to now. */
export type PeriodWeeks = 4 | 12 | 26;

export const PERIOD_CHOICES: { weeks: PeriodWeeks; label: string }[] = [
  { weeks: 4, label: '近4周' },
  { weeks: 12, label: '近12周' },
  { weeks: 26, label: '近26周' },
];

export interface DeskPeriod {
  /** ISO instant: Monday 00:00 China time, `weeks - 1` weeks before this week's Monday */
  from: string;
  /** ISO instant: now */
  to: string;
}

/** Days since Monday of `now`'s week in China (0 = Monday … 6 = Sunday). */
function daysSinceMonday(now: Date): number {
  const weekday = new Date(now.getTime() + CHINA_OFFSET_MS).getUTCDay(); // 0 = Sunday
  return (weekday + 6) % 7;
}

export function deskPeriod(weeks: PeriodWeeks, now: Date): DeskPeriod {
  return {
    from: chinaMidnight(now, daysSinceMonday(now) + (weeks - 1) * 7),
    to: now.toISOString(),
  };
}

/** The China date ('YYYY-MM-DD') of an ISO instant or of a plain date. */
export function chinaDateOf(isoOrDate: string): string {
  const ms = Date.parse(isoOrDate);
  return Number.isNaN(ms) ? isoOrDate : chinaToday(new Date(ms));
}

/** The Mondays ('YYYY-MM-DD', China time) of the weeks from `from` up to `to`. */
export function weekStarts(period: DeskPeriod): string[] {
  const first = Date.parse(`${chinaDateOf(period.from)}T00:00:00Z`);
  const last = Date.parse(`${chinaDateOf(period.to)}T00:00:00Z`);
  const weeks: string[] = [];
  for (let day = first; day <= last; day += 7 * DAY_MS) {
    weeks.push(new Date(day).toISOString().slice(0, 10));
  }
  return weeks;
}

/** '2026-05-11' → '5/11' */
export function shortDate(date: string): string {
  const [, month, day] = date.split('-');
  return month && day ? `${Number(month)}/${Number(day)}` : date;
}
