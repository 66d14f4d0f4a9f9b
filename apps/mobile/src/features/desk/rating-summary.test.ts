import type { RatingSummary } from '@qinqing/domain';

import { releasedRangeText, summaryRows } from './rating-summary';

const SUMMARY: RatingSummary = {
  total: 12,
  releasedFrom: '2026-02',
  releasedThrough: '2026-04',
  overall: { GOOD: 9, FAIR: 2, POOR: 1 },
  items: [
    { GOOD: 12, FAIR: 0, POOR: 0 },
    { GOOD: 6, FAIR: 6, POOR: 0 },
    { GOOD: 11, FAIR: 0, POOR: 1 },
    { GOOD: 10, FAIR: 2, POOR: 0 },
    { GOOD: 8, FAIR: 3, POOR: 1 },
  ],
  releaseRule: '按整月分批发布',
};

describe('summaryRows', () => {
  it('gives the overall mark, then the five card items, each as 好/中/差 bars', () => {
    const rows = summaryRows(SUMMARY);
    expect(rows.map((r) => r.label)).toEqual([
      '总体评价',
      '1. 服务指导企业情况',
      '2. 杜绝随意性执法、任性执法、选择性执法情况',
      '3. 廉政执法情况',
      expect.stringMatching(/^4\. 对国有企业/),
      '5. 对企业举报、反映合理诉求受理处置情况',
    ]);
    expect(rows[0].segments.map((s) => [s.label, s.count, s.percent])).toEqual([
      ['好', 9, 75],
      ['中', 2, 16.7],
      ['差', 1, 8.3],
    ]);
    expect(rows[2].segments.map((s) => [s.label, s.percent])).toEqual([
      ['好', 50],
      ['中', 50],
    ]);
  });

  it('shows empty items as zero when the API sends fewer', () => {
    const rows = summaryRows({ ...SUMMARY, items: [] });
    expect(rows).toHaveLength(6);
    expect(rows[5].total).toBe(0);
  });
});

describe('releasedRangeText', () => {
  it('names the released months, or nothing before the first release', () => {
    expect(releasedRangeText(SUMMARY)).toBe('2026年2月至2026年4月');
    expect(releasedRangeText({ ...SUMMARY, releasedFrom: '2026-04' })).toBe('2026年4月');
    expect(releasedRangeText({ ...SUMMARY, releasedFrom: null, releasedThrough: null })).toBeNull();
  });
});
