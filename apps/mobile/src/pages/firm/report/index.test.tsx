import type { EnterpriseView, ReportView, VisitView } from '@qinqing/domain';
import Taro from '@tarojs/taro';
import { act, fireEvent, render, screen } from '@testing-library/react';

import { api, NetworkError } from '../../../services/api';
import FirmReportPage from './index';

const taro = Taro as unknown as { useRouter: jest.Mock };

const FIRMS = [
  { id: 'e1', name: '郑州思念食品有限公司' },
  { id: 'e2', name: '郑州瑞泰耐火科技有限公司' },
] as unknown as EnterpriseView[];

const VISIT = {
  id: 'v1',
  enterpriseId: 'e2',
  purpose: 'ROUTINE',
  officers: [
    { id: 'o1', name: '张建国', badgeNumber: '豫A41010001', unitName: '金水分局', isLead: true },
    { id: 'o2', name: '李明华', badgeNumber: '豫A41010002', unitName: '金水分局', isLead: false },
  ],
  decision: { outcome: 'ALLOWED', reasons: [] },
  checkedInAt: '2026-05-12T01:00:00Z',
  checkedOutAt: '2026-05-12T02:00:00Z',
} as unknown as VisitView;

const CREATED = {
  id: 'r1',
  status: 'RECEIVED',
  createdAt: '2026-05-12T04:00:00Z',
} as unknown as ReportView;

beforeEach(() => {
  Taro.setStorageSync('qinqing.session', {
    accessToken: 'a',
    refreshToken: 'r',
    expiresIn: 900,
    user: { id: 'f1', role: 'enterprise', name: '王经理', username: 'firm2' },
  });
  jest.spyOn(api, 'listEnterprises').mockResolvedValue({ items: FIRMS });
  jest.spyOn(api, 'getVisit').mockResolvedValue(VISIT);
  jest.spyOn(api, 'listVisits').mockResolvedValue({ items: [VISIT], nextCursor: null });
});

async function open(params: Record<string, string> = {}): Promise<void> {
  taro.useRouter.mockReturnValue({ params });
  render(<FirmReportPage />);
  await act(async () => {});
}

it('preselects the firm and the visit passed from the firm home, then an officer of it', async () => {
  const report = jest.spyOn(api, 'createReport').mockResolvedValue(CREATED);
  await open({ visitId: 'v1' });

  expect(screen.getByTestId('report-firm-e2').getAttribute('aria-checked')).toBe('true');
  expect(screen.getByTestId('report-visit-v1').getAttribute('aria-checked')).toBe('true');
  expect(api.listVisits).toHaveBeenCalledWith({ query: { enterpriseId: 'e2', limit: 10 } });

  fireEvent.click(screen.getByTestId('report-officer-o2'));
  fireEvent.click(screen.getByTestId('report-category-SIX_2'));
  fireEvent.click(screen.getByTestId('report-category-NINE_5'));
  expect(screen.getByTestId('report-privacy').textContent).toContain('被举报的执法人员看不到');

  // Without a description the report is not sent, and the form says why.
  await act(async () => {
    fireEvent.click(screen.getByTestId('report-submit'));
  });
  expect(report).not.toHaveBeenCalled();
  expect(screen.getByTestId('report-problem').textContent).toContain('请描述具体情况');
});

it('sends the report and shows where to follow it', async () => {
  const report = jest.spyOn(api, 'createReport').mockResolvedValue(CREATED);
  await open({ visitId: 'v1' });
  fireEvent.click(screen.getByTestId('report-category-SIX_2'));
  const description = screen.getByTestId('report-description');
  await act(async () => {
    description.dispatchEvent(
      new CustomEvent('input', { detail: { value: '检查结束后暗示企业安排宴请。' } }),
    );
  });
  await act(async () => {
    fireEvent.click(screen.getByTestId('report-submit'));
  });
  expect(report).toHaveBeenCalledWith({
    body: {
      enterpriseId: 'e2',
      visitId: 'v1',
      officerId: null,
      categories: ['SIX_2'],
      description: '检查结束后暗示企业安排宴请。',
    },
  });
  expect(screen.getByTestId('report-done').textContent).toContain('我的举报');
});

it('keeps the form and says what to do when the network fails', async () => {
  jest.spyOn(api, 'createReport').mockRejectedValue(new NetworkError());
  await open({ visitId: 'v1' });
  fireEvent.click(screen.getByTestId('report-category-OTHER'));
  await act(async () => {
    screen
      .getByTestId('report-description')
      .dispatchEvent(
        new CustomEvent('input', { detail: { value: '执法人员态度恶劣，随意呵斥。' } }),
      );
  });
  await act(async () => {
    fireEvent.click(screen.getByTestId('report-submit'));
  });
  expect(screen.getByTestId('report-error').textContent).toContain('举报尚未提交');
  expect(screen.queryByTestId('report-done')).toBeNull();
});

it('asks the user to choose among several firms when nothing is preset', async () => {
  await open();
  expect(screen.getByTestId('report-firm-e1').getAttribute('aria-checked')).toBe('false');
  expect(screen.queryByTestId('report-visit')).toBeNull();
  fireEvent.click(screen.getByTestId('report-firm-e1'));
  await act(async () => {});
  expect(api.listVisits).toHaveBeenCalledWith({ query: { enterpriseId: 'e1', limit: 10 } });
  expect(screen.getByTestId('report-visit-none').getAttribute('aria-checked')).toBe('true');
});
