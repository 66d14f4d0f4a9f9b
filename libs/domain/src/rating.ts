/**
 * The 好差评 card (seed 000, verbatim): an overall mark and five items, each 好 / 中 / 差, an
 * 意见或建议 and the firm's signature.
 */
export const RATING_LEVELS = ['GOOD', 'FAIR', 'POOR'] as const;
export type RatingLevel = (typeof RATING_LEVELS)[number];

export const RATING_LEVEL_LABELS: Record<RatingLevel, string> = {
  GOOD: '好',
  FAIR: '中',
  POOR: '差',
};

/** The card's five items, in the card's order: `items[i]` of a rating answers `RATING_ITEMS[i]`. */
export const RATING_ITEMS: readonly string[] = [
  '服务指导企业情况',
  '杜绝随意性执法、任性执法、选择性执法情况',
  '廉政执法情况',
  '对国有企业、民营企业、本地和外来投资企业、大中小微及个体工商户各类企业平等对待情况',
  '对企业举报、反映合理诉求受理处置情况',
];

export const RATING_OVERALL_LABEL = '总体评价';
export const RATING_COMMENT_LABEL = '意见或建议';
export const RATING_SIGNATURE_LABEL = '企业签字';

/** Longest 意见或建议, in characters. */
export const RATING_COMMENT_MAX = 500;
/** Largest signature image, in bytes of PNG. */
export const SIGNATURE_MAX_BYTES = 200 * 1024;
export const SIGNATURE_DATA_URL_PREFIX = 'data:image/png;base64,';

export function isRatingLevel(value: unknown): value is RatingLevel {
  return typeof value === 'string' && (RATING_LEVELS as readonly string[]).includes(value);
}

/** A rating with 差 anywhere (overall or any item) opens a follow-up case (回访核实). */
export function ratingNeedsFollowUp(rating: {
  overall: RatingLevel;
  items: readonly RatingLevel[];
}): boolean {
  return rating.overall === 'POOR' || rating.items.includes('POOR');
}

/** Counts of each mark. */
export type LevelCounts = Record<RatingLevel, number>;

export function emptyLevelCounts(): LevelCounts {
  return { GOOD: 0, FAIR: 0, POOR: 0 };
}

/**
 * Which months of an officer's ratings may be shown to him (anonymity: firms fear retaliation).
 *
 * Ratings are released in batches of whole, ended months: walking the ended months in order, a
 * batch closes at the first month boundary where it holds at least `minPerBatch` ratings. Months of
 * a batch that has not closed yet stay hidden, so no released figure can be traced to one visit by
 * comparing the summary before and after. Returns the last released month ('YYYY-MM'), or null.
 */
export function lastReleasedMonth(
  monthCounts: readonly { month: string; count: number }[],
  minPerBatch: number,
): string | null {
  const ordered = [...monthCounts].sort((a, b) => a.month.localeCompare(b.month));
  let pending = 0;
  let released: string | null = null;
  for (const { month, count } of ordered) {
    pending += count;
    if (pending >= Math.max(1, minPerBatch)) {
      released = month;
      pending = 0;
    }
  }
  return released;
}
