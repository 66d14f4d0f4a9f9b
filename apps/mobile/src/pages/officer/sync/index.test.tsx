import { reason, type CheckInRequest } from '@qinqing/domain';
import Taro from '@tarojs/taro';
import { act, fireEvent, render, screen } from '@testing-library/react';

import {
  officerQueue,
  queueKey,
  resetOfflineSupport,
} from '../../../features/sync-queue/officer-queue';
import type { OfflineVerdict } from '../../../features/sync-queue/sync-queue';
import SyncPage from './index';

jest.mock('@tarojs/taro', () => {
  const actual = jest.requireActual('../../../../test/taro.mock');
  const taro = { ...actual.default, useDidShow: jest.fn() };
  return { __esModule: true, ...taro, default: taro };
});

const taro = Taro as unknown as { request: jest.Mock; setStorageSync: jest.Mock };
const OFFICER = 'officer-1';

const request = (n: number): CheckInRequest => ({
  clientId: `00000000-0000-4000-8000-00000000000${n}`,
  code: 'x',
  purpose: 'ROUTINE',
  clientTime: '2026-11-22T02:03:00.000Z',
});
const allowed: OfflineVerdict = {
  judged: true,
  outcome: 'ALLOWED',
  reasons: [],
  enterpriseName: '郑州众联混凝土有限公司',
  gateName: '大门',
};

/** What POST /check-ins answers (undefined: no signal); every other request finds no signal. */
let checkInAnswer: { statusCode: number; data: unknown } | undefined;

function answer(statusCode: number, data: unknown): void {
  checkInAnswer = { statusCode, data };
}

/** Renders the page and lets its start-up work (an automatic sync without signal) finish. */
async function open(): Promise<void> {
  render(<SyncPage />);
  await act(async () => {});
}

describe('officer sync page', () => {
  beforeEach(() => {
    resetOfflineSupport();
    (Taro as unknown as { clearStorageSync: () => void }).clearStorageSync();
    taro.setStorageSync('qinqing.session', {
      accessToken: 't',
      refreshToken: 'r',
      expiresIn: 900,
      user: { id: OFFICER, role: 'officer', name: '张建国', username: 'officer1' },
    });
    checkInAnswer = undefined;
    taro.request.mockImplementation((options: { url: string }) =>
      options.url.endsWith('/api/v1/check-ins') && checkInAnswer
        ? Promise.resolve({ ...checkInAnswer, header: {}, errMsg: 'request:ok' })
        : Promise.reject({ errMsg: 'request:fail' }),
    );
  });

  it('lists the queue with the offline verdict and syncs it: progress, server decision, differs', async () => {
    officerQueue(OFFICER)!.enqueue({ request: request(1), offline: allowed });
    await open();
    expect(screen.getByTestId('sync-pending-count').textContent).toContain('待同步 1 条');
    expect(screen.getByTestId('sync-queue-item').textContent).toContain('郑州众联混凝土有限公司');
    expect(screen.getByTestId('sync-queue-item').textContent).toContain('离线预判：允许入企');
    expect(screen.getByTestId('sync-snapshot-age').textContent).toContain('还没有离线数据');

    // The server refuses (the annual cap was reached by a colleague meanwhile).
    answer(409, {
      code: 'CHECK_IN_REFUSED',
      message: '…',
      reasons: [reason('ANNUAL_CAP_REACHED')],
      attemptId: 'attempt-1',
      decision: { outcome: 'REFUSED', reasons: [reason('ANNUAL_CAP_REACHED')], policyVersion: 1 },
    });
    await act(async () => {
      fireEvent.click(screen.getByTestId('sync-now'));
    });

    expect(screen.getByTestId('sync-progress').textContent).toBe('已同步 1 / 1');
    expect(screen.getByTestId('sync-pending-count').textContent).toContain('待同步 0 条');
    const result = screen.getByTestId('sync-result');
    expect(result.getAttribute('data-differs')).toBe('true');
    expect(screen.getByTestId('sync-result-outcome').textContent).toBe('服务器判定：不予入企');
    expect(screen.getByTestId('sync-result-differs').textContent).toContain(
      '服务器判定与离线预判不同',
    );
    expect(result.textContent).toContain('离线预判：允许入企');
    const sent = taro.request.mock.calls.find((c) => c[0].url.endsWith('/api/v1/check-ins'));
    expect(sent?.[0].data.clientId).toBe(request(1).clientId);
  });

  it('shows an item the server rejected with its message and what to do, and keeps it', async () => {
    officerQueue(OFFICER)!.enqueue({ request: request(2), offline: allowed });
    await open();
    answer(400, { code: 'VALIDATION_FAILED', message: '提交的内容不完整或格式不正确。' });
    await act(async () => {
      fireEvent.click(screen.getByTestId('sync-now'));
    });
    const item = screen.getByTestId('sync-attention');
    expect(item.textContent).toContain('服务器未接受：提交的内容不完整或格式不正确。');
    expect(item.textContent).toContain('联系本单位管理员');
    expect(screen.getByTestId('sync-pending-count').textContent).toContain('待同步 1 条');
    expect(
      (Taro as unknown as { getStorageSync: (k: string) => { items: unknown[] } }).getStorageSync(
        queueKey(OFFICER),
      ).items,
    ).toHaveLength(1);
  });

  it('says so when there is no signal, and keeps the queue', async () => {
    officerQueue(OFFICER)!.enqueue({ request: request(3), offline: allowed });
    await open();
    await act(async () => {
      fireEvent.click(screen.getByTestId('sync-now'));
    });
    expect(screen.getByTestId('sync-message').textContent).toContain('网络不可用');
    expect(screen.getByTestId('sync-pending-count').textContent).toContain('待同步 1 条');
  });
});
