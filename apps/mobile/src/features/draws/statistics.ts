import { CREDIT_GRADE_LABELS, CREDIT_GRADES, type DrawStatistics } from '@qinqing/domain';

import { barPercent } from '../desk/charts';
import { rateText } from './draw-form';

/** A row of the year's chart: realised against intended draw rate for a grade (or 正面清单). */
export interface RateBarRow {
  key: string;
  label: string;
  realised: { rate: number; text: string; percent: number };
  intended: { rate: number; text: string; percent: number };
  /** e.g. '池中 120 家次，抽中 11 家次' */
  detail: string;
  /** realised differs from intended by more than what chance explains (2 standard errors) */
  off: boolean;
}

export const POSITIVE_LIST_LABEL = '正面清单';

/**
 * The statistics as bars, in grade order then 正面清单; the bars of a chart share one scale (the
 * largest rate of any row), so a realised bar can be compared with its intended one at a glance.
 */
export function rateBarRows(statistics: DrawStatistics): RateBarRow[] {
  const order = [...CREDIT_GRADES, 'POSITIVE_LIST'] as const;
  const rows = [...statistics.rows].sort((a, b) => order.indexOf(a.group) - order.indexOf(b.group));
  const max = Math.max(0, ...rows.flatMap((r) => [r.realisedRate, r.intendedRate]));
  return rows.map((r) => {
    const spread =
      r.inPools > 0 ? Math.sqrt((r.intendedRate * (1 - r.intendedRate)) / r.inPools) : 0;
    return {
      key: r.group,
      label: r.group === 'POSITIVE_LIST' ? POSITIVE_LIST_LABEL : CREDIT_GRADE_LABELS[r.group],
      realised: {
        rate: r.realisedRate,
        text: rateText(r.realisedRate),
        percent: barPercent(r.realisedRate, max),
      },
      intended: {
        rate: r.intendedRate,
        text: rateText(r.intendedRate),
        percent: barPercent(r.intendedRate, max),
      },
      detail: `池中 ${r.inPools} 家次，抽中 ${r.drawn} 家次`,
      off: r.inPools > 0 && Math.abs(r.realisedRate - r.intendedRate) > 2 * spread + 1e-9,
    };
  });
}
