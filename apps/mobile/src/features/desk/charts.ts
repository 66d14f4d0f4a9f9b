import {
  PURPOSE_INFO,
  PURPOSES,
  RATING_LEVEL_LABELS,
  RATING_LEVELS,
  REASON_MESSAGES,
  REFUSING_REASON_CODES,
  type DeskSummary,
  type LevelCounts,
  type Purpose,
  type RatingLevel,
  type ReasonCode,
} from '@qinqing/domain';

import { chinaDateOf, shortDate, weekStarts, type DeskPeriod } from './period';

/**
 * Chart data for the desk, shaped for plain Views: every bar is a width in percent of the chart's
 * largest value, so the same markup works in H5 and in the mini-program (no SVG, no canvas).
 */

/** The smallest visible width of a non-zero bar, in percent. */
const MIN_VISIBLE_PERCENT = 2;

/** `value` as a percent (0–100) of `max`; a non-zero value stays visible. */
export function barPercent(value: number, max: number): number {
  if (value <= 0 || max <= 0) return 0;
  const percent = (value / max) * 100;
  return Math.min(100, Math.max(MIN_VISIBLE_PERCENT, Math.round(percent * 10) / 10));
}

/** '0.4' → '40%' (0 when nothing is due). */
export function percentText(share: number): string {
  if (!Number.isFinite(share) || share <= 0) return '0%';
  return `${Math.round(share * 100)}%`;
}

/** One colour per purpose: distinct, dark enough for white text, in PURPOSES order. */
export const PURPOSE_COLORS: Record<Purpose, string> = {
  RANDOM_INSPECTION: '#1d3557',
  COMPLAINT_VERIFICATION: '#b3261e',
  RECTIFICATION_REVIEW: '#0a7a36',
  SPECIAL_CAMPAIGN: '#6a3d9a',
  HEAVY_POLLUTION_RESPONSE: '#8a5a00',
  ASSIGNED_BY_SUPERIOR: '#00677f',
  REQUESTED_SERVICE: '#c2185b',
  ROUTINE: '#4a5560',
};

export const LEVEL_COLORS: Record<RatingLevel, string> = {
  GOOD: '#0a7a36',
  FAIR: '#a86500',
  POOR: '#b3261e',
};

export interface Segment<K extends string> {
  key: K;
  label: string;
  count: number;
  /** width in percent of the chart's largest row */
  percent: number;
  color: string;
}

export interface WeekRow {
  weekStart: string;
  label: string;
  total: number;
  segments: Segment<Purpose>[];
}

export interface VisitsPerWeekChart {
  /** purposes with at least one visit, in PURPOSES order, with their totals (the legend) */
  legend: { purpose: Purpose; label: string; total: number; color: string }[];
  weeks: WeekRow[];
  total: number;
}

/** The weeks × purposes matrix: every week of the period (empty weeks too), stacked by purpose. */
export function visitsPerWeekChart(
  rows: DeskSummary['visitsPerWeek'],
  period: DeskPeriod,
): VisitsPerWeekChart {
  const counts = new Map<string, Map<Purpose, number>>();
  for (const row of rows) {
    const week = chinaDateOf(row.weekStart);
    const byPurpose = counts.get(week) ?? new Map<Purpose, number>();
    byPurpose.set(row.purpose, (byPurpose.get(row.purpose) ?? 0) + row.count);
    counts.set(week, byPurpose);
  }
  const weekList = weekStarts(period);
  for (const week of [...counts.keys()].sort()) if (!weekList.includes(week)) weekList.push(week);
  weekList.sort();

  const totalOf = (week: string) =>
    [...(counts.get(week)?.values() ?? [])].reduce((sum, n) => sum + n, 0);
  const max = Math.max(0, ...weekList.map(totalOf));
  const purposeTotals = new Map<Purpose, number>();
  for (const byPurpose of counts.values()) {
    for (const [purpose, n] of byPurpose) {
      purposeTotals.set(purpose, (purposeTotals.get(purpose) ?? 0) + n);
    }
  }
  const shown = PURPOSES.filter((p) => (purposeTotals.get(p) ?? 0) > 0);

  return {
    legend: shown.map((purpose) => ({
      purpose,
      label: PURPOSE_INFO[purpose].label,
      total: purposeTotals.get(purpose) ?? 0,
      color: PURPOSE_COLORS[purpose],
    })),
    weeks: weekList.map((week) => ({
      weekStart: week,
      label: `${shortDate(week)}周`,
      total: totalOf(week),
      segments: shown
        .map((purpose) => {
          const count = counts.get(week)?.get(purpose) ?? 0;
          return {
            key: purpose,
            label: PURPOSE_INFO[purpose].label,
            count,
            percent: barPercent(count, max),
            color: PURPOSE_COLORS[purpose],
          };
        })
        .filter((s) => s.count > 0),
    })),
    total: [...purposeTotals.values()].reduce((sum, n) => sum + n, 0),
  };
}

/** A rule's name: the first clause of its message. */
export function reasonShortLabel(code: ReasonCode): string {
  const message: string | undefined = REASON_MESSAGES[code];
  if (!message) return '其他原因';
  return message.split(/[，：。]/)[0] || message;
}

export interface SimpleBar {
  key: string;
  label: string;
  count: number;
  percent: number;
}

/** Reasons that can refuse entry (REPEAT_VISIT does at a firm on the positive list). */
function canRefuse(code: ReasonCode): boolean {
  return code === 'REPEAT_VISIT' || REFUSING_REASON_CODES.includes(code);
}

/**
 * Refusals per refusing rule, most frequent first. A flag (e.g. 两名以上执法人员) never refused
 * anyone, so it is no bar here even if a server counted it.
 */
export function refusalBars(rows: DeskSummary['refusalsByRule']): SimpleBar[] {
  const nonZero = rows
    .filter((r) => r.count > 0 && canRefuse(r.code))
    .sort((a, b) => b.count - a.count);
  const max = Math.max(0, ...nonZero.map((r) => r.count));
  return nonZero.map((r) => ({
    key: r.code,
    label: reasonShortLabel(r.code),
    count: r.count,
    percent: barPercent(r.count, max),
  }));
}

export const REPEAT_TOP = 10;

/** The firms visited most often, at most `top`. */
export function repeatBars(rows: DeskSummary['repeatVisits'], top = REPEAT_TOP): SimpleBar[] {
  const ordered = [...rows].sort((a, b) => b.visits - a.visits).slice(0, top);
  const max = Math.max(0, ...ordered.map((r) => r.visits));
  return ordered.map((r) => ({
    key: r.enterpriseId,
    label: r.enterpriseName ?? '（未知企业）',
    count: r.visits,
    percent: barPercent(r.visits, max),
  }));
}

export interface PositiveListRow {
  purpose: Purpose;
  label: string;
  allowedPurpose: boolean;
  attempts: number;
  entered: number;
  refused: number;
  /** a purpose the positive list does not allow, yet officers entered: what to look into */
  alarming: boolean;
  segments: Segment<'ENTERED' | 'REFUSED'>[];
}

/** Positive-list firms: per purpose, entered and refused attempts; entries with a barred purpose first. */
export function positiveListRows(rows: DeskSummary['positiveListVisits']): PositiveListRow[] {
  const max = Math.max(0, ...rows.map((r) => r.attempts));
  return rows
    .filter((r) => r.attempts > 0 || r.entered > 0)
    .map((r) => {
      const refused = Math.max(0, r.attempts - r.entered);
      const alarming = !r.allowedPurpose && r.entered > 0;
      return {
        purpose: r.purpose,
        label: PURPOSE_INFO[r.purpose].label,
        allowedPurpose: r.allowedPurpose,
        attempts: r.attempts,
        entered: r.entered,
        refused,
        alarming,
        segments: [
          {
            key: 'ENTERED' as const,
            label: '进入',
            count: r.entered,
            percent: barPercent(r.entered, max),
            color: alarming ? '#b3261e' : '#0a7a36',
          },
          {
            key: 'REFUSED' as const,
            label: '未获准入',
            count: refused,
            percent: barPercent(refused, max),
            color: '#8a9a92',
          },
        ].filter((s) => s.count > 0),
      };
    })
    .sort((a, b) => Number(b.alarming) - Number(a.alarming) || b.attempts - a.attempts);
}

export interface LevelRow {
  key: string;
  label: string;
  total: number;
  counts: LevelCounts;
  segments: Segment<RatingLevel>[];
}

function levelTotal(counts: LevelCounts): number {
  return RATING_LEVELS.reduce((sum, level) => sum + (counts[level] ?? 0), 0);
}

/** 好/中/差 stacked bars, scaled to the row with most ratings. */
export function levelRows(rows: { key: string; label: string; counts: LevelCounts }[]): LevelRow[] {
  const max = Math.max(0, ...rows.map((r) => levelTotal(r.counts)));
  return rows.map((r) => ({
    ...r,
    total: levelTotal(r.counts),
    segments: RATING_LEVELS.filter((level) => (r.counts[level] ?? 0) > 0).map((level) => ({
      key: level,
      label: RATING_LEVEL_LABELS[level],
      count: r.counts[level],
      percent: barPercent(r.counts[level], max),
      color: LEVEL_COLORS[level],
    })),
  }));
}

/** '好 3 · 中 1 · 差 0' */
export function levelCountsText(counts: LevelCounts): string {
  return RATING_LEVELS.map((level) => `${RATING_LEVEL_LABELS[level]} ${counts[level] ?? 0}`).join(
    ' · ',
  );
}

export function ratingsByUnitRows(rows: DeskSummary['ratingsByUnit']): LevelRow[] {
  return levelRows(
    rows.map((r) => ({
      key: r.unitId,
      label: r.unitName ?? '（未知单位）',
      counts: { GOOD: r.GOOD, FAIR: r.FAIR, POOR: r.POOR },
    })),
  );
}

export function ratingsByOfficerRows(rows: DeskSummary['ratingsByOfficer']): LevelRow[] {
  return levelRows(
    rows.map((r) => ({
      key: r.officerId,
      label: `${r.name}${r.badgeNumber ? `（${r.badgeNumber}）` : ''}`,
      counts: { GOOD: r.GOOD, FAIR: r.FAIR, POOR: r.POOR },
    })),
  );
}

/** The spot check of the month: share of sampled ratings verified by phone. */
export function spotCheckShare(spot: DeskSummary['spotCheck']): number {
  return spot && spot.sampled > 0 ? spot.verified / spot.sampled : 0;
}
