import type { RatingStatusView, VisitView } from '@qinqing/domain';

/** What the firm's visit list shows about a visit's rating. */
export type RatingBadgeKind = 'OPEN' | 'RATED' | 'CLOSED' | 'NONE';

export interface RatingBadge {
  kind: RatingBadgeKind;
  label: string;
}

/** Whether the visit can have a rating at all (admitted and checked out). */
export function isRateableVisit(visit: VisitView): boolean {
  return visit.decision.outcome !== 'REFUSED' && visit.checkedOutAt !== null;
}

/**
 * The badge of a visit's rating state. An open window whose closing time has passed (the list
 * was fetched a while ago) already counts as closed.
 */
export function ratingBadge(status: RatingStatusView | undefined, now: Date): RatingBadge {
  if (!status) return { kind: 'NONE', label: '' };
  if (status.rated) return { kind: 'RATED', label: '已评价' };
  if (status.open) {
    if (status.closesAt && Date.parse(status.closesAt) <= now.getTime()) {
      return { kind: 'CLOSED', label: '评价已截止' };
    }
    return { kind: 'OPEN', label: '去评价' };
  }
  if (status.reason === 'WINDOW_CLOSED') return { kind: 'CLOSED', label: '评价已截止' };
  return { kind: 'NONE', label: '' };
}

/** A rating state that cannot change any more: no need to ask the server again. */
export function isFinalStatus(status: RatingStatusView): boolean {
  return status.rated || (!status.open && status.reason === 'WINDOW_CLOSED');
}

/** The rateable visits whose rating state is not known yet, to ask the server. */
export function visitsNeedingStatus(
  visits: readonly VisitView[],
  known: ReadonlyMap<string, RatingStatusView>,
): string[] {
  return visits.filter((v) => isRateableVisit(v) && !known.has(v.id)).map((v) => v.id);
}

/**
 * The known states worth keeping when the list is shown again: final ones. Open windows are
 * asked again (the firm may just have rated, or the window closed meanwhile).
 */
export function keepFinalStatuses(
  known: ReadonlyMap<string, RatingStatusView>,
): Map<string, RatingStatusView> {
  return new Map([...known].filter(([, status]) => isFinalStatus(status)));
}

/** Where 去评价 leads. */
export function rateUrl(visitId: string): string {
  return `/pages/firm/rate/index?visitId=${encodeURIComponent(visitId)}`;
}
