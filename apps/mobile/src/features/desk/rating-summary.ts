import { RATING_ITEMS, RATING_OVERALL_LABEL, type RatingSummary } from '@qinqing/domain';

import { levelRows, type LevelRow } from './charts';
import { monthLabel } from './spot-check';

/** The officer's summary as 好/中/差 bars: the overall mark, then each card item. */
export function summaryRows(summary: RatingSummary): LevelRow[] {
  return levelRows([
    { key: 'overall', label: RATING_OVERALL_LABEL, counts: summary.overall },
    ...RATING_ITEMS.map((name, i) => ({
      key: `item-${i}`,
      label: `${i + 1}. ${name}`,
      counts: summary.items[i] ?? { GOOD: 0, FAIR: 0, POOR: 0 },
    })),
  ]);
}

/** '2026年3月至2026年5月' / '2026年5月' / null before the first release. */
export function releasedRangeText(summary: RatingSummary): string | null {
  const { releasedFrom: from, releasedThrough: through } = summary;
  if (!from || !through) return null;
  return from === through ? monthLabel(from) : `${monthLabel(from)}至${monthLabel(through)}`;
}

export const ANONYMITY_NOTE =
  '评价按月分批汇总发布，不显示具体企业。为保护企业，单条评价、企业名称和意见内容均不向执法人员展示。';
