import type { DeskSummary } from '@qinqing/domain';

import {
  barPercent,
  levelCountsText,
  percentText,
  positiveListRows,
  ratingsByOfficerRows,
  ratingsByUnitRows,
  reasonShortLabel,
  refusalBars,
  repeatBars,
  spotCheckShare,
  visitsPerWeekChart,
} from './charts';

const PERIOD = { from: '2026-04-19T16:00:00.000Z', to: '2026-05-12T04:00:00.000Z' };

describe('barPercent / percentText', () => {
  it('scales to the largest value and keeps small non-zero bars visible', () => {
    expect(barPercent(5, 10)).toBe(50);
    expect(barPercent(10, 10)).toBe(100);
    expect(barPercent(1, 1000)).toBe(2);
    expect(barPercent(0, 10)).toBe(0);
    expect(barPercent(3, 0)).toBe(0);
  });

  it('writes shares as whole percents', () => {
    expect(percentText(0.4)).toBe('40%');
    expect(percentText(2 / 3)).toBe('67%');
    expect(percentText(0)).toBe('0%');
    expect(percentText(Number.NaN)).toBe('0%');
  });
});

describe('visitsPerWeekChart', () => {
  const rows: DeskSummary['visitsPerWeek'] = [
    // the server may send instants (Monday 00:00 China) or plain dates
    { weekStart: '2026-04-26T16:00:00.000Z', purpose: 'ROUTINE', count: 2 },
    { weekStart: '2026-04-27', purpose: 'RANDOM_INSPECTION', count: 4 },
    { weekStart: '2026-05-11', purpose: 'ROUTINE', count: 3 },
  ];

  it('gives every week of the period, empty ones too, stacked by purpose', () => {
    const chart = visitsPerWeekChart(rows, PERIOD);
    expect(chart.weeks.map((w) => [w.weekStart, w.total])).toEqual([
      ['2026-04-20', 0],
      ['2026-04-27', 6],
      ['2026-05-04', 0],
      ['2026-05-11', 3],
    ]);
    expect(chart.total).toBe(9);
    const busiest = chart.weeks[1];
    expect(busiest.label).toBe('4/27周');
    expect(busiest.segments.map((s) => [s.key, s.count, s.percent])).toEqual([
      ['RANDOM_INSPECTION', 4, 66.7],
      ['ROUTINE', 2, 33.3],
    ]);
    expect(chart.weeks[3].segments).toEqual([
      expect.objectContaining({ key: 'ROUTINE', count: 3, percent: 50, label: '日常检查' }),
    ]);
  });

  it('has a legend of the purposes seen, in the vocabulary order, with totals', () => {
    const chart = visitsPerWeekChart(rows, PERIOD);
    expect(chart.legend.map((l) => [l.label, l.total])).toEqual([
      ['双随机抽查', 4],
      ['日常检查', 5],
    ]);
  });

  it('is empty but lists the weeks when nothing happened', () => {
    const chart = visitsPerWeekChart([], PERIOD);
    expect(chart.total).toBe(0);
    expect(chart.legend).toEqual([]);
    expect(chart.weeks).toHaveLength(4);
  });
});

describe('refusalBars / repeatBars', () => {
  it('sorts refusals by count, drops zeros and names the rule briefly', () => {
    const bars = refusalBars([
      { code: 'ANNUAL_CAP_REACHED', count: 1 },
      { code: 'POSITIVE_LIST_NO_DISTURBANCE', count: 4 },
      { code: 'ANNUAL_CAP_REACHED', count: 0 },
    ]);
    expect(bars.map((b) => [b.key, b.count, b.percent])).toEqual([
      ['POSITIVE_LIST_NO_DISTURBANCE', 4, 100],
      ['ANNUAL_CAP_REACHED', 1, 25],
    ]);
    expect(bars[0].label).toBe(reasonShortLabel('POSITIVE_LIST_NO_DISTURBANCE'));
    expect(bars[0].label).toBe('该企业在正面清单内');
  });

  it('shows only rules that refuse: a flag carried by a refused attempt is no refusal', () => {
    const bars = refusalBars([
      { code: 'SINGLE_OFFICER', count: 10 },
      { code: 'OUT_OF_GEOFENCE', count: 3 },
      { code: 'QUIET_PERIOD', count: 2 },
      { code: 'REPEAT_VISIT', count: 1 },
    ]);
    expect(bars.map((b) => [b.key, b.count])).toEqual([
      ['QUIET_PERIOD', 2],
      ['REPEAT_VISIT', 1],
    ]);
    expect(bars.map((b) => b.label).join()).not.toContain('两名以上执法人员');
  });

  it('keeps the ten most visited firms', () => {
    const rows = Array.from({ length: 12 }, (_, i) => ({
      enterpriseId: `e${i}`,
      enterpriseName: i === 0 ? null : `企业${i}`,
      visits: i + 2,
    }));
    const bars = repeatBars(rows);
    expect(bars).toHaveLength(10);
    expect(bars[0]).toEqual({ key: 'e11', label: '企业11', count: 13, percent: 100 });
    expect(bars.map((b) => b.key)).not.toContain('e0');
    expect(repeatBars(rows, 20).at(-1)?.label).toBe('（未知企业）');
  });
});

describe('positiveListRows', () => {
  it('puts entries with a purpose the list does not allow first, in red', () => {
    const rows = positiveListRows([
      { purpose: 'COMPLAINT_VERIFICATION', allowedPurpose: true, attempts: 5, entered: 5 },
      { purpose: 'ROUTINE', allowedPurpose: false, attempts: 4, entered: 1 },
      { purpose: 'SPECIAL_CAMPAIGN', allowedPurpose: false, attempts: 2, entered: 0 },
      { purpose: 'RANDOM_INSPECTION', allowedPurpose: false, attempts: 0, entered: 0 },
    ]);
    expect(rows.map((r) => [r.purpose, r.alarming, r.refused])).toEqual([
      ['ROUTINE', true, 3],
      ['COMPLAINT_VERIFICATION', false, 0],
      ['SPECIAL_CAMPAIGN', false, 2],
    ]);
    expect(rows[0].segments.map((s) => [s.key, s.count, s.percent, s.color])).toEqual([
      ['ENTERED', 1, 20, '#b3261e'],
      ['REFUSED', 3, 60, '#8a9a92'],
    ]);
    expect(rows[1].segments).toHaveLength(1);
  });
});

describe('rating rows', () => {
  it('stacks 好/中/差 scaled to the unit with most ratings', () => {
    const rows = ratingsByUnitRows([
      { unitId: 'u1', unitName: '金水分局', GOOD: 6, FAIR: 2, POOR: 2 },
      { unitId: 'u2', unitName: null, GOOD: 5, FAIR: 0, POOR: 0 },
    ]);
    expect(rows[0]).toMatchObject({ label: '金水分局', total: 10 });
    expect(rows[0].segments.map((s) => [s.label, s.count, s.percent])).toEqual([
      ['好', 6, 60],
      ['中', 2, 20],
      ['差', 2, 20],
    ]);
    expect(rows[1]).toMatchObject({ label: '（未知单位）', total: 5 });
    expect(rows[1].segments.map((s) => s.label)).toEqual(['好']);
  });

  it('names officers with their badge numbers', () => {
    const [row] = ratingsByOfficerRows([
      { officerId: 'o1', name: '张三', badgeNumber: '41010001', GOOD: 1, FAIR: 0, POOR: 1 },
    ]);
    expect(row.label).toBe('张三（41010001）');
    expect(levelCountsText(row.counts)).toBe('好 1 · 中 0 · 差 1');
  });
});

describe('spotCheckShare', () => {
  it('is verified over sampled, 0 without a draw', () => {
    expect(spotCheckShare({ month: '2026-05', ratings: 40, sampled: 10, verified: 4 })).toBe(0.4);
    expect(spotCheckShare({ month: '2026-05', ratings: 0, sampled: 0, verified: 0 })).toBe(0);
    expect(spotCheckShare(null)).toBe(0);
  });
});
