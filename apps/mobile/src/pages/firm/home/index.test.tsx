import type { RatingStatusView, VisitView } from '@qinqing/domain';
import Taro from '@tarojs/taro';
import { act, fireEvent, render, screen } from '@testing-library/react';

import { api } from '../../../services/api';
import FirmHomePage from './index';

// The shared Taro stand-in has no page lifecycle hooks; the home only needs them to exist.
jest.mock('@tarojs/taro', () => {
  const mock = jest.requireActual('../../../../test/taro.mock');
  return {
    __esModule: true,
    ...mock,
    default: mock.default,
    useDidShow: jest.fn(),
    useDidHide: jest.fn(),
  };
});

const taro = Taro as unknown as { navigateTo: jest.Mock };

function visit(id: string, patch: Partial<VisitView> = {}): VisitView {
  return {
    id,
    clientId: id,
    enterpriseId: 'e1',
    enterpriseName: '郑州思念食品有限公司',
    gateId: 'g1',
    gateName: '正门',
    unitId: 'u1',
    purpose: 'ROUTINE',
    reference: null,
    officers: [
      {
        id: 'o1',
        name: '张建国',
        badgeNumber: '豫A41010001',
        unitId: 'u1',
        unitName: '金水分局',
        isLead: true,
      },
    ],
    decision: { outcome: 'ALLOWED', reasons: [] },
    location: null,
    clientTime: '2026-05-12T01:00:00Z',
    receivedAt: '2026-05-12T01:00:00Z',
    checkedInAt: '2026-05-12T01:00:00Z',
    checkedOutAt: '2026-05-12T02:00:00Z',
    findings: 'NO_ISSUE',
    notes: null,
    rectifyBy: null,
    autoClosed: false,
    ...patch,
  } as VisitView;
}

const FAR_FUTURE = '2099-01-01T00:00:00Z';
const STATUSES: Record<string, RatingStatusView> = {
  open: { visitId: 'open', rated: false, open: true, closesAt: FAR_FUTURE, reason: null },
  rated: { visitId: 'rated', rated: true, open: false, closesAt: null, reason: null },
  closed: { visitId: 'closed', rated: false, open: false, closesAt: null, reason: 'WINDOW_CLOSED' },
};

beforeEach(() => {
  Taro.setStorageSync('qinqing.session', {
    accessToken: 'a',
    refreshToken: 'r',
    expiresIn: 900,
    user: { id: 'f1', role: 'enterprise', name: '王经理', username: 'firm1' },
  });
  jest.spyOn(api, 'listEnterprises').mockResolvedValue({ items: [] });
  jest.spyOn(api, 'listNotifications').mockResolvedValue({ items: [] });
  jest.spyOn(api, 'listVisits').mockResolvedValue({
    items: [
      visit('open'),
      visit('rated'),
      visit('closed'),
      visit('inside', { checkedOutAt: null, findings: null }),
    ],
    nextCursor: null,
  });
});

it('shows each checked-out visit as 去评价 / 已评价 / 评价已截止, and asks only those', async () => {
  const ratingStatus = jest
    .spyOn(api, 'ratingStatus')
    .mockImplementation(async ({ params }) => STATUSES[params.id]);
  render(<FirmHomePage />);
  await act(async () => {});

  expect(ratingStatus.mock.calls.map(([input]) => input.params.id).sort()).toEqual([
    'closed',
    'open',
    'rated',
  ]);
  expect(screen.getAllByTestId('firm-visit')).toHaveLength(4);
  expect(screen.getAllByTestId('visit-rating')).toHaveLength(3);
  expect(screen.getByTestId('visit-rated').textContent).toBe('已评价');
  expect(screen.getByTestId('visit-rating-closed').textContent).toBe('评价已截止');

  fireEvent.click(screen.getByTestId('visit-rate'));
  expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/firm/rate/index?visitId=open' });
});

it('leads to 监督举报 and 我的举报, and a visit to its report', async () => {
  jest.spyOn(api, 'ratingStatus').mockImplementation(async ({ params }) => STATUSES[params.id]);
  render(<FirmHomePage />);
  await act(async () => {});

  fireEvent.click(screen.getByTestId('goto-report'));
  expect(taro.navigateTo).toHaveBeenLastCalledWith({ url: '/pages/firm/report/index' });
  fireEvent.click(screen.getByTestId('goto-reports'));
  expect(taro.navigateTo).toHaveBeenLastCalledWith({ url: '/pages/firm/reports/index' });
  fireEvent.click(screen.getAllByTestId('visit-report')[0]);
  expect(taro.navigateTo).toHaveBeenLastCalledWith({
    url: '/pages/firm/report/index?visitId=open',
  });
  // the existing entries stay
  expect(screen.getByTestId('goto-verify-badge')).toBeTruthy();
  expect(screen.getByTestId('firm-six-prohibitions')).toBeTruthy();
});
