import type { ChainCheckStatus, DeskSummary } from '@qinqing/domain';
import Taro from '@tarojs/taro';
import { act, fireEvent, render, screen } from '@testing-library/react';

import DeskPage from '../../pages/supervisor/desk/index';
import { session } from '../../services/session';

const taro = Taro as unknown as { request: jest.Mock; navigateTo: jest.Mock };

const BROKEN: ChainCheckStatus = {
  latest: { ok: false, entries: 40, firstBrokenSeq: 17, checkedAt: '2026-05-12T02:00:00Z' },
  lastFailure: { ok: false, entries: 40, firstBrokenSeq: 17, checkedAt: '2026-05-12T02:00:00Z' },
  alert: true,
};
const SOUND: ChainCheckStatus = {
  latest: { ok: true, entries: 41, firstBrokenSeq: null, checkedAt: '2026-05-12T03:00:00Z' },
  lastFailure: null,
  alert: false,
};

function summary(chain: ChainCheckStatus): DeskSummary {
  return {
    from: '2026-04-19T16:00:00.000Z',
    to: '2026-05-12T04:00:00.000Z',
    visitsPerWeek: [
      { weekStart: '2026-04-27', purpose: 'ROUTINE', count: 2 },
      { weekStart: '2026-04-27', purpose: 'RANDOM_INSPECTION', count: 3 },
    ],
    refusalsByRule: [{ code: 'POSITIVE_LIST_NO_DISTURBANCE', count: 2 }],
    positiveListVisits: [{ purpose: 'ROUTINE', allowedPurpose: false, attempts: 3, entered: 1 }],
    repeatVisits: [{ enterpriseId: 'e1', enterpriseName: '思念食品', visits: 3 }],
    ratingsByUnit: [{ unitId: 'u1', unitName: '金水分局', GOOD: 4, FAIR: 1, POOR: 1 }],
    ratingsByOfficer: [],
    followUps: { open: 2, overdue: 1, closed: 5 },
    reports: { RECEIVED: 1, INVESTIGATING: 0, CONCLUDED: 2 },
    spotCheck: { month: '2026-05', ratings: 30, sampled: 10, verified: 4 },
    chain,
  };
}

/** Answers the API by method and path, as the server would. */
function serve(routes: Record<string, () => unknown>): void {
  taro.request.mockImplementation(async ({ url, method }: { url: string; method: string }) => {
    const path = url.replace(/^https?:\/\/[^/]+/, '').split('?')[0];
    const answer = routes[`${method} ${path}`];
    return answer
      ? { statusCode: 200, data: answer(), header: {} }
      : { statusCode: 503, data: { code: 'UNAVAILABLE', message: '服务暂不可用。' }, header: {} };
  });
}

async function settle(): Promise<void> {
  await act(async () => {
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
}

function text(testId: string): string {
  return screen.getByTestId(testId).textContent ?? '';
}

describe('监督工作台', () => {
  beforeEach(() => {
    session.save({
      accessToken: 't',
      refreshToken: 'r',
      user: { id: 's1', name: '王监督', role: 'supervisor' },
    } as never);
  });
  afterEach(() => session.clear());

  it('alerts on a broken chain and clears the alert after a sound check on demand', async () => {
    serve({
      'GET /api/v1/desk/summary': () => summary(BROKEN),
      'GET /api/v1/audit/checks/latest': () => BROKEN,
      'GET /api/v1/officers': () => ({ items: [] }),
      'POST /api/v1/audit/checks': () => SOUND,
    });
    render(<DeskPage />);
    await settle();

    expect(text('desk-chain-alert')).toContain('第 17 条记录处断裂');
    expect(text('desk-chain-alert')).toContain('5月12日 10:00');
    expect(text('desk-chain-status')).toContain('在第 17 条断裂');

    fireEvent.click(screen.getByTestId('desk-chain-run'));
    await settle();

    expect(screen.queryByTestId('desk-chain-alert')).toBeNull();
    expect(text('desk-chain-status')).toBe('最近校验 5月12日 11:00：审计链完整（41 条记录）');
    expect(taro.request).toHaveBeenCalledWith(
      expect.objectContaining({
        method: 'POST',
        url: expect.stringContaining('/api/v1/audit/checks'),
      }),
    );
  });

  it('writes every chart’s counts as text and asks for the chosen period', async () => {
    serve({
      'GET /api/v1/desk/summary': () => summary(SOUND),
      'GET /api/v1/audit/checks/latest': () => SOUND,
      'GET /api/v1/officers': () => ({ items: [] }),
    });
    render(<DeskPage />);
    await settle();

    expect(text('chart-visits-per-week')).toContain('共 5 次');
    expect(text('chart-visits-per-week')).toContain('双随机抽查 3 · 日常检查 2');
    expect(text('chart-refusals')).toContain('该企业在正面清单内2次');
    expect(text('chart-positive-list')).toContain('以不允许的事由进入 1 次');
    expect(text('chart-repeat')).toContain('思念食品3次');
    expect(text('chart-ratings-unit')).toContain('好 4 · 中 1 · 差 1');
    expect(text('chart-ratings-officer')).toContain('本期没有评价');
    expect(text('desk-follow-ups-overdue')).toBe('1已逾期');
    expect(text('desk-follow-ups-open')).toBe('2待核实');
    expect(text('desk-spot-check')).toContain('4 条已核实（40%）');
    expect(screen.queryByTestId('desk-chain-alert')).toBeNull();

    const summaryCall = taro.request.mock.calls
      .map((c) => c[0].url as string)
      .find((url) => url.includes('/desk/summary'));
    expect(summaryCall).toMatch(/from=.*&to=/);

    fireEvent.click(screen.getByTestId('desk-follow-ups-overdue'));
    expect(taro.navigateTo).toHaveBeenCalledWith({
      url: '/pages/supervisor/follow-ups/index?view=OVERDUE',
    });
  });

  it('shows the error and keeps the chain check when the summary fails', async () => {
    serve({
      'GET /api/v1/audit/checks/latest': () => SOUND,
      'GET /api/v1/officers': () => ({ items: [] }),
    });
    render(<DeskPage />);
    await settle();

    expect(screen.getByText('服务暂不可用。')).toBeTruthy();
    expect(screen.getByText('重试')).toBeTruthy();
    expect(text('desk-chain-status')).toContain('审计链完整');
    expect(screen.queryByTestId('chart-visits-per-week')).toBeNull();
  });
});
