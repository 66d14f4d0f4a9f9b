import {
  ERROR_MESSAGES,
  type RatingStatusView,
  type RatingView,
  type VisitView,
} from '@qinqing/domain';
import { useState } from 'react';

import { api } from '../../services/api';
import { useRequest } from '../../shared/request';

/** Where the rate page is: reading, the card to fill in, or why there is none. */
export type RatingPhase =
  | { kind: 'loading' }
  | { kind: 'failed'; message: string }
  | { kind: 'form'; closesAt: string | null }
  | { kind: 'closed'; message: string }
  | { kind: 'rated'; rating: RatingView | null }
  | { kind: 'done'; rating: RatingView; needsFollowUp: boolean };

/** Why a visit cannot be rated, in words for the firm. */
export function closedMessage(status: RatingStatusView): string {
  if (status.reason === 'NOT_CHECKED_OUT') return ERROR_MESSAGES.VISIT_NOT_CHECKED_OUT;
  if (status.reason === 'REFUSED') return ERROR_MESSAGES.RATING_NOT_APPLICABLE;
  return '评价已截止：已超过评价期限，不能再评价。如对该次检查有意见，可拨打下方监督电话或进行监督举报。';
}

export const MISSING_VISIT = '缺少检查记录：请从首页的到访记录点“去评价”进入。';

/**
 * The rate page's view-model: the visit and its rating state (and the rating itself when there is
 * one), then the phase the page shows; `rated` after a submit, `alreadyRated` to read it again.
 */
export function useRatingCard(visitId: string, enabled: boolean) {
  const [done, setDone] = useState<{ rating: RatingView; needsFollowUp: boolean } | null>(null);
  const request = useRequest(
    async (): Promise<{
      visit: VisitView;
      status: RatingStatusView;
      rating: RatingView | null;
    }> => {
      if (!visitId) throw new Error(MISSING_VISIT);
      const [visit, status] = await Promise.all([
        api.getVisit({ params: { id: visitId } }),
        api.ratingStatus({ params: { id: visitId } }),
      ]);
      const rating = status.rated ? await api.visitRating({ params: { id: visitId } }) : null;
      return { visit, status, rating };
    },
    [visitId],
    { enabled, notFound: '找不到这次检查（或不属于本企业）。请返回首页查看到访记录。' },
  );

  const phase = ((): RatingPhase => {
    if (done) return { kind: 'done', ...done };
    if (request.error) return { kind: 'failed', message: request.error };
    const data = request.data;
    if (!data || request.loading) return { kind: 'loading' };
    if (data.status.rated) return { kind: 'rated', rating: data.rating };
    if (!data.status.open) return { kind: 'closed', message: closedMessage(data.status) };
    return { kind: 'form', closesAt: data.status.closesAt };
  })();

  return {
    visit: request.data?.visit ?? null,
    phase,
    retry: request.reload,
    rated: (rating: RatingView, needsFollowUp: boolean) => setDone({ rating, needsFollowUp }),
    alreadyRated: request.reload,
  };
}
