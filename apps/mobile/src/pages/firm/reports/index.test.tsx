import type { ReportView } from '@qinqing/domain';
import Taro from '@tarojs/taro';
import { act, render, screen } from '@testing-library/react';

import { api } from '../../../services/api';
import FirmReportsPage from './index';

function report(id: string, patch: Partial<ReportView>): ReportView {
  return {
    id,
    enterpriseId: 'e1',
    enterpriseName: '郑州思念食品有限公司',
    reporter: { id: 'f1', name: '王经理' },
    visitId: null,
    officer: null,
    unitId: 'u1',
    unitName: '新郑分局',
    categories: ['SIX_2'],
    description: '暗示企业安排宴请',
    photoCount: 0,
    status: 'RECEIVED',
    outcome: null,
    conclusion: null,
    createdAt: '2026-05-01T00:00:00Z',
    updatedAt: '2026-05-01T00:00:00Z',
    history: [],
    ...patch,
  };
}

beforeEach(() => {
  Taro.setStorageSync('qinqing.session', {
    accessToken: 'a',
    refreshToken: 'r',
    expiresIn: 900,
    user: { id: 'f1', role: 'enterprise', name: '王经理', username: 'firm1' },
  });
});

it('lists the reports newest first, with status, outcome and history', async () => {
  jest.spyOn(api, 'listReports').mockResolvedValue({
    items: [
      report('old', {}),
      report('new', {
        createdAt: '2026-05-03T00:00:00Z',
        status: 'CONCLUDED',
        outcome: 'SUBSTANTIATED',
        conclusion: '已对相关人员批评教育',
        officer: { id: 'o1', name: '张建国', badgeNumber: '豫A41010001' },
        history: [
          {
            status: 'INVESTIGATING',
            at: '2026-05-04T00:00:00Z',
            note: '开始调查',
            by: { id: 's', name: '赵' },
          },
          {
            status: 'CONCLUDED',
            at: '2026-05-05T00:00:00Z',
            note: '办结',
            by: { id: 's', name: '赵' },
          },
        ],
      }),
    ],
  });
  render(<FirmReportsPage />);
  await act(async () => {});

  const rows = screen.getAllByTestId('report-row');
  expect(rows).toHaveLength(2);
  expect(rows[0].textContent).toContain('已办结');
  expect(rows[0].textContent).toContain('办理结果：属实。已对相关人员批评教育');
  expect(rows[0].textContent).toContain('开始调查');
  expect(rows[0].textContent).toContain('六不准：不准接受被检查者宴请');
  expect(rows[1].textContent).toContain('已受理');
  expect(rows[1].textContent).not.toContain('办理结果');
});
