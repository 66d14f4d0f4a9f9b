/** The 责令整改 deadline: a day after today, at most two years ahead (China dates, YYYY-MM-DD). */

const DAY_MS = 86_400_000;

/** `day` plus `n` days, as YYYY-MM-DD. */
export function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
}

/** The last day a deadline may be: two years after today. */
export function latestDeadline(today: string): string {
  const [y, m, d] = today.split('-');
  const day = `${Number(y) + 2}-${m}-${d}`;
  // 29 February two years on does not exist: the day before.
  return Number.isNaN(Date.parse(`${day}T00:00:00Z`)) || addDays(day, 0) !== day
    ? addDays(`${Number(y) + 2}-${m}-28`, 0)
    : day;
}

/** Where the date picker opens: thirty days from today. */
export function suggestedDeadline(today: string): string {
  return addDays(today, 30);
}

/** What is wrong with a deadline, in words; '' when it will do. */
export function deadlineProblem(value: string, today: string): string {
  if (!value) return '责令整改须选择整改期限。';
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return '整改期限的日期格式不对，请重新选择。';
  if (value <= today) return '整改期限须晚于今天（最早明天）。';
  if (value > latestDeadline(today)) return '整改期限最长为两年，请重新选择。';
  return '';
}

/** A YYYY-MM-DD day as a local Date at noon (what the date picker works in), and back. */
export function dayToDate(day: string): Date {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(y, m - 1, d, 12);
}

export function dateToDay(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
