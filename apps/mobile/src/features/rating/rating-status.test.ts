import type { RatingStatusView, VisitView } from '@qinqing/domain';

import {
  isRateableVisit,
  keepFinalStatuses,
  rateUrl,
  ratingBadge,
  visitsNeedingStatus,
} from './rating-status';

const NOW = new Date('2026-05-12T04:00:00Z');

function status(patch: Partial<RatingStatusView>): RatingStatusView {
  return {
    visitId: 'v1',
    rated: false,
    open: true,
    closesAt: '2026-05-19T04:00:00Z',
    reason: null,
    ...patch,
  };
}

function visit(id: string, patch: Partial<VisitView> = {}): VisitView {
  return {
    id,
    decision: { outcome: 'ALLOWED', reasons: [] },
    checkedOutAt: '2026-05-12T03:00:00Z',
    ...patch,
  } as unknown as VisitView;
}

describe('ratingBadge', () => {
  it('offers 去评价 while the window is open', () => {
    expect(ratingBadge(status({}), NOW)).toEqual({ kind: 'OPEN', label: '去评价' });
  });

  it('shows 已评价 once rated', () => {
    expect(ratingBadge(status({ rated: true, open: false }), NOW)).toEqual({
      kind: 'RATED',
      label: '已评价',
    });
  });

  it('shows 评价已截止 when the window closed, or its time has passed since it was fetched', () => {
    expect(ratingBadge(status({ open: false, reason: 'WINDOW_CLOSED' }), NOW).kind).toBe('CLOSED');
    expect(ratingBadge(status({ closesAt: '2026-05-12T03:59:59Z' }), NOW)).toEqual({
      kind: 'CLOSED',
      label: '评价已截止',
    });
  });

  it('shows nothing before the state is known, or when a visit cannot be rated', () => {
    expect(ratingBadge(undefined, NOW).kind).toBe('NONE');
    expect(ratingBadge(status({ open: false, reason: 'NOT_CHECKED_OUT' }), NOW).kind).toBe('NONE');
  });
});

describe('visitsNeedingStatus', () => {
  it('asks only checked-out, admitted visits not known yet', () => {
    const visits = [
      visit('a'),
      visit('b', { checkedOutAt: null }),
      visit('c', {
        decision: { outcome: 'REFUSED', reasons: [] },
      } as unknown as Partial<VisitView>),
      visit('d'),
    ];
    const known = new Map([['d', status({ visitId: 'd' })]]);
    expect(visitsNeedingStatus(visits, known)).toEqual(['a']);
    expect(isRateableVisit(visits[1])).toBe(false);
  });
});

describe('keepFinalStatuses', () => {
  it('forgets open windows so they are asked again, keeps rated and closed', () => {
    const known = new Map([
      ['open', status({ visitId: 'open' })],
      ['rated', status({ visitId: 'rated', rated: true, open: false })],
      ['closed', status({ visitId: 'closed', open: false, reason: 'WINDOW_CLOSED' })],
    ]);
    expect([...keepFinalStatuses(known).keys()].sort()).toEqual(['closed', 'rated']);
  });
});

it('rateUrl leads to the rating card of the visit', () => {
  expect(rateUrl('v 1')).toBe('/pages/firm/rate/index?visitId=v%201');
});
