import {
  DEFAULT_CHECK_IN_POLICY,
  gateCodeKeyPairFromSeed,
  gateCodeUrl,
  signGateCode,
  type CheckInRequest,
  type EnterpriseView,
  type VisitView,
} from '@qinqing/domain';
import Taro from '@tarojs/taro';
import { act, fireEvent, render, screen } from '@testing-library/react';

import { loadLastCheckIn } from '../../../features/check-in/last-result';
import { submitCheckIn } from '../../../features/check-in/submit';
import { api, NetworkError } from '../../../services/api';
import { UUID_V4 } from './client-id';
import OfficerCheckInPage from './index';

jest.mock('../../../features/check-in/submit', () => ({ submitCheckIn: jest.fn() }));
// NutUI's Dialog listens on Taro's event centre.
jest.mock('@tarojs/taro', () => {
  const actual = jest.requireActual('../../../../test/taro.mock');
  const taro = {
    ...actual.default,
    eventCenter: { on: jest.fn(), off: jest.fn(), trigger: jest.fn() },
  };
  return { __esModule: true, ...taro, default: taro };
});

const mockKey = gateCodeKeyPairFromSeed(1, new Uint8Array(32).fill(7));
const FIRM_ID = '11111111-2222-4333-8444-555555555555';
const GATE_ID = '66666666-7777-4888-9999-000000000000';
const code = gateCodeUrl(
  'https://qinqing.example.gov.cn',
  signGateCode({ enterpriseId: FIRM_ID, gateId: GATE_ID, version: 1 }, mockKey),
);
jest.mock('../../../features/scan/gate-keys', () => ({
  loadGateCodeKeys: jest.fn(async () => new Map([[1, mockKey.publicKey]])),
}));

const firm = {
  id: FIRM_ID,
  name: '郑州思念食品有限公司',
  creditGrade: 'A',
  onPositiveList: true,
  gates: [{ id: GATE_ID, name: '正门', lat: 34.7, lng: 113.6, radiusM: 200 }],
} as unknown as EnterpriseView;

const taro = Taro as unknown as {
  useRouter: jest.Mock;
  redirectTo: jest.Mock;
  navigateTo: jest.Mock;
};
const submit = submitCheckIn as jest.Mock;

async function open(text: string): Promise<void> {
  taro.useRouter.mockReturnValue({ params: { code: encodeURIComponent(text) } });
  render(<OfficerCheckInPage />);
  await act(async () => {});
}

beforeEach(() => {
  Taro.setStorageSync('qinqing.session', {
    accessToken: 'a',
    refreshToken: 'r',
    expiresIn: 900,
    user: {
      id: 'o1',
      role: 'officer',
      name: '张建国',
      username: 'officer1',
      unitId: 'u1',
      badgeNumber: 'A1',
    },
  });
  jest.spyOn(api, 'enterprises').mockResolvedValue([firm]);
  jest.spyOn(api, 'policy').mockResolvedValue(DEFAULT_CHECK_IN_POLICY);
  jest.spyOn(api, 'visits').mockResolvedValue({ items: [], nextCursor: null });
  jest.spyOn(api, 'officers').mockResolvedValue([
    {
      id: 'o1',
      name: '张建国',
      badgeNumber: 'A1',
      unitId: 'u1',
      unitName: '金水分局',
      active: true,
    },
    {
      id: 'o2',
      name: '李明华',
      badgeNumber: 'A2',
      unitId: 'u1',
      unitName: '金水分局',
      active: true,
    },
  ]);
});

describe('check-in screen', () => {
  it('verifies the code on the phone and shows the firm, its 正面清单 status and the purposes it refuses', async () => {
    await open(code);
    expect(screen.getByTestId('checkin-firm-name').textContent).toBe('郑州思念食品有限公司');
    expect(screen.getByTestId('checkin-positive-list').textContent).toBe('正面清单企业');
    expect(screen.getByTestId('purpose-ROUTINE').getAttribute('data-blocked')).toBe('true');
    expect(screen.getByTestId('purpose-COMPLAINT_VERIFICATION').getAttribute('data-blocked')).toBe(
      'false',
    );
    // the officer themself is not offered as a co-officer
    expect(screen.queryByTestId('co-officer-o1')).toBeNull();
    expect(screen.getByTestId('co-officer-o2')).toBeTruthy();
  });

  it('says a forged code is not a valid gate code and offers no submission', async () => {
    const token = code.slice(code.lastIndexOf('/c/') + 3);
    const forged = token.slice(0, 100) + (token[100] === 'A' ? 'B' : 'A') + token.slice(101);
    await open(forged);
    expect(screen.getByTestId('checkin-invalid').textContent).toContain('不是有效的执法打卡码');
    expect(screen.queryByTestId('checkin-submit')).toBeNull();
  });

  it('without signal shows 网络不可用 and retries with the same clientId, then opens the decision', async () => {
    await open(code);
    fireEvent.click(screen.getByTestId('purpose-REQUESTED_SERVICE'));
    fireEvent.click(screen.getByTestId('checkin-submit'));
    expect(screen.getByTestId('checkin-error').textContent).toBe('请填写企业申请编号。');
    expect(submit).not.toHaveBeenCalled();

    fireEvent.click(screen.getByTestId('purpose-ROUTINE'));
    fireEvent.click(screen.getByTestId('co-officer-o2'));
    submit.mockRejectedValueOnce(new NetworkError());
    await act(async () => {
      fireEvent.click(screen.getByTestId('checkin-submit'));
    });
    expect(screen.getByTestId('checkin-error').textContent).toContain('网络不可用');

    submit.mockResolvedValueOnce({
      mode: 'online',
      accepted: true,
      result: {
        visit: { id: 'v1' },
        decision: { outcome: 'ALLOWED', reasons: [], policyVersion: 1 },
      },
    });
    await act(async () => {
      fireEvent.click(screen.getByTestId('checkin-retry'));
    });
    expect(submit).toHaveBeenCalledTimes(2);
    const [first, second] = submit.mock.calls.map(([r]) => r as CheckInRequest);
    expect(first.clientId).toMatch(UUID_V4);
    expect(second.clientId).toBe(first.clientId);
    expect(second.clientTime).toBe(first.clientTime);
    expect(second).toMatchObject({
      code,
      purpose: 'ROUTINE',
      reference: null,
      coOfficerIds: ['o2'],
      location: null,
    });
    // The decision opens on top: back returns here.
    expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/officer/decision/index' });
    expect(taro.redirectTo).not.toHaveBeenCalled();
    expect(loadLastCheckIn()?.firmName).toBe('郑州思念食品有限公司');
    expect(loadLastCheckIn()?.officerNames).toEqual(['张建国', '李明华']);
    // Back on this screen: it says the scan is registered and offers no second submission.
    expect(screen.getByTestId('checkin-submitted').textContent).toContain('本次扫码已登记');
    expect(screen.queryByTestId('checkin-submit')).toBeNull();
    expect(screen.queryByTestId('checkin-retry')).toBeNull();
    expect(submit).toHaveBeenCalledTimes(2);
  });

  it('after a refusal, back on this screen another purpose is a new attempt (a new clientId)', async () => {
    await open(code);
    fireEvent.click(screen.getByTestId('purpose-ROUTINE'));
    submit.mockResolvedValueOnce({
      mode: 'online',
      accepted: false,
      result: {
        code: 'CHECK_IN_REFUSED',
        message: '不予入企',
        attemptId: 'a1',
        reasons: [{ code: 'POSITIVE_LIST_NO_DISTURBANCE', message: '' }],
        decision: { outcome: 'REFUSED', reasons: [], policyVersion: 1 },
      },
    });
    await act(async () => {
      fireEvent.click(screen.getByTestId('checkin-submit'));
    });
    expect(screen.getByTestId('checkin-submitted').textContent).toContain('上次提交不予入企');
    expect(submit).toHaveBeenCalledTimes(1);
    expect(screen.getByTestId('checkin-submit').textContent).toBe('重新提交');

    fireEvent.click(screen.getByTestId('purpose-ROUTINE'));
    submit.mockResolvedValueOnce({
      mode: 'online',
      accepted: true,
      result: { visit: { id: 'v2' }, decision: { outcome: 'ALLOWED', reasons: [] } },
    });
    await act(async () => {
      fireEvent.click(screen.getByTestId('checkin-submit'));
    });
    const [first, second] = submit.mock.calls.map(([r]) => r as CheckInRequest);
    expect(second.clientId).toMatch(UUID_V4);
    expect(second.clientId).not.toBe(first.clientId);
  });

  it('names a visit still open at another firm and asks before checking in here', async () => {
    const open1 = {
      id: 'v-open',
      enterpriseId: 'other-firm',
      enterpriseName: '郑州众联混凝土有限公司',
      purpose: 'ROUTINE',
      checkedInAt: '2026-11-22T01:00:00.000Z',
      checkedOutAt: null,
      decision: { outcome: 'ALLOWED', reasons: [], policyVersion: 1 },
    } as unknown as VisitView;
    jest.spyOn(api, 'visits').mockResolvedValue({ items: [open1], nextCursor: null });
    await open(code);
    const notice = screen.getByTestId('checkin-open-visits');
    expect(notice.textContent).toContain('您还有未签退的检查');
    expect(notice.textContent).toContain('郑州众联混凝土有限公司');
    expect(notice.textContent).toContain('2026-11-22 09:00');
    fireEvent.click(screen.getByTestId('checkin-go-check-out-v-open'));
    expect(taro.navigateTo).toHaveBeenCalledWith({
      url: '/pages/officer/check-out/index?visitId=v-open',
    });

    fireEvent.click(screen.getByTestId('purpose-ROUTINE'));
    await act(async () => {
      fireEvent.click(screen.getByTestId('checkin-submit'));
    });
    expect(submit).not.toHaveBeenCalled();
    expect(screen.getByTestId('checkin-confirm-elsewhere').textContent).toContain(
      '郑州众联混凝土有限公司',
    );
    submit.mockResolvedValueOnce({
      mode: 'online',
      accepted: true,
      result: { visit: { id: 'v3' }, decision: { outcome: 'ALLOWED', reasons: [] } },
    });
    await act(async () => {
      fireEvent.click(screen.getByText('仍要在本企业登记'));
    });
    expect(submit).toHaveBeenCalledTimes(1);
  });
});
