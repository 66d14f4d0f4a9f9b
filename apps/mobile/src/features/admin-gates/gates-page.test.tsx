import Taro from '@tarojs/taro';
import { act, fireEvent, render, screen, within } from '@testing-library/react';

import GatesPage from '../../pages/admin/gates/index';
import { api } from '../../services/api';
import { session } from '../../services/session';
import type { GateItem } from './gates';

const taro = Taro as unknown as { reLaunch: jest.Mock };

const gate = (overrides: Partial<GateItem>): GateItem => ({
  gateId: 'g1',
  gateName: '正门',
  enterpriseId: 'e1',
  enterpriseName: '郑州思念食品有限公司',
  uscc: '91410100MA00000001',
  district: '惠济区',
  activeVersion: 1,
  activeIssuedAt: '2026-12-01T07:40:00Z',
  activeIssuedByName: '系统管理员',
  ...overrides,
});

async function settle(): Promise<void> {
  await act(async () => {
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
}

describe('门口码与海报', () => {
  let gates: GateItem[];
  let request: jest.SpyInstance;

  beforeEach(() => {
    session.save({
      accessToken: 't',
      refreshToken: 'r',
      user: { id: 'a1', name: '系统管理员', role: 'admin' },
    } as never);
    gates = [gate({}), gate({ gateId: 'g2', gateName: '物流门', activeVersion: null })];
    request = jest.spyOn(api, 'request').mockImplementation(async (method, path) => {
      if (method === 'GET' && path === '/api/v1/gates') return { items: gates };
      if (method === 'POST' && path === '/api/v1/gates/g1/codes') {
        gates = [gate({ activeVersion: 2 }), gates[1]];
        return { version: 2, gateId: 'g1', code: 'x' };
      }
      throw new Error(`unexpected ${method} ${path}`);
    });
  });
  afterEach(() => {
    request.mockRestore();
    session.clear();
  });

  it('lists each gate with its code in force, and a gate without one', async () => {
    render(<GatesPage />);
    await settle();
    const cards = screen.getAllByTestId('gate-card');
    expect(cards).toHaveLength(2);
    expect(within(cards[0]).getByTestId('gate-active').textContent).toContain(
      '第 1 版 · 2026-12-01 15:40 由系统管理员生成',
    );
    expect(within(cards[1]).getByTestId('gate-active').textContent).toContain('尚未生成打卡码');
    // posters only for a gate with a code; the other says how to get one
    expect(within(cards[0]).getByTestId('gate-poster-pdf').textContent).toBe('下载海报 PDF（A4）');
    expect(within(cards[1]).queryByTestId('gate-poster-pdf')).toBeNull();
    expect(cards[1].textContent).toContain('生成打卡码后即可下载海报。');
    expect(screen.getByTestId('gate-count').textContent).toBe('共 2 个门岗');
  });

  it('asks before re-issuing, says the printed poster stops working, and shows the new version', async () => {
    render(<GatesPage />);
    await settle();
    const first = screen.getAllByTestId('gate-card')[0];
    fireEvent.click(within(first).getByTestId('gate-issue'));
    expect(screen.getByTestId('gate-issue-warning').textContent).toContain(
      '已打印张贴的海报将不能再扫码打卡',
    );
    expect(request).not.toHaveBeenCalledWith('POST', expect.anything());

    fireEvent.click(screen.getByTestId('gate-issue-cancel'));
    await settle();
    expect(screen.queryByTestId('gate-issue-warning')).toBeNull();
    expect(request).not.toHaveBeenCalledWith('POST', '/api/v1/gates/g1/codes', undefined);

    fireEvent.click(within(first).getByTestId('gate-issue'));
    fireEvent.click(screen.getByTestId('gate-issue-confirm'));
    await settle();
    expect(request).toHaveBeenCalledWith('POST', '/api/v1/gates/g1/codes', undefined);
    const card = screen.getAllByTestId('gate-card')[0];
    expect(within(card).getByTestId('gate-message').textContent).toContain(
      '已生成第 2 版打卡码，第 1 版已作废',
    );
    expect(within(card).getByTestId('gate-active').textContent).toContain('第 2 版');
  });

  it('finds gates by what is typed', async () => {
    render(<GatesPage />);
    await settle();
    // NutUI's Input is Taro's input element: it reads the value on `input` events
    const field = screen.getByTestId('gate-search');
    const input = (field.querySelector('input') ?? field) as HTMLInputElement;
    input.value = '物流';
    fireEvent.input(input, { target: { value: '物流' }, detail: { value: '物流' } });
    await settle();
    expect(screen.getAllByTestId('gate-card')).toHaveLength(1);
    expect(screen.getByTestId('gate-count').textContent).toBe('找到 1 个门岗（共 2 个）');
  });

  it('is for admins only', () => {
    session.save({
      accessToken: 't',
      refreshToken: 'r',
      user: { id: 's1', name: '王监督', role: 'supervisor' },
    } as never);
    render(<GatesPage />);
    expect(screen.queryByTestId('gate-card')).toBeNull();
    expect(taro.reLaunch).toHaveBeenCalledWith({ url: '/pages/supervisor/desk/index' });
  });
});
