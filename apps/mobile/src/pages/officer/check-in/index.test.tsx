import {
  REASON_TITLES,
  type CheckInRequest,
  type OfflineSnapshot,
  type VisitView,
} from '@qinqing/domain';
import Taro from '@tarojs/taro';
import { act, fireEvent, render, screen } from '@testing-library/react';

import {
  FIRM_ID,
  firmView,
  gateCodeFor,
  officers,
  serverPreviewOn,
  snapshotOf,
} from '../../../../test/check-in-world';
import { loadLastCheckIn } from '../../../features/check-in/last-result';
import { submitCheckIn } from '../../../features/check-in/submit';
import { loadSnapshot, snapshotInfo } from '../../../features/offline-snapshot/snapshot';
import { api, NetworkError } from '../../../services/api';
import { UUID_V4 } from './client-id';
import OfficerCheckInPage from './index';

jest.mock('../../../features/check-in/submit', () => ({ submitCheckIn: jest.fn() }));
jest.mock('../../../features/offline-snapshot/snapshot', () => ({
  ...jest.requireActual('../../../features/offline-snapshot/snapshot'),
  loadSnapshot: jest.fn(() => undefined),
  snapshotInfo: jest.fn(() => undefined),
  refreshSnapshotIfStale: jest.fn(async () => false),
}));
// NutUI's Dialog listens on Taro's event centre.
jest.mock('@tarojs/taro', () => {
  const actual = jest.requireActual('../../../../test/taro.mock');
  const taro = {
    ...actual.default,
    eventCenter: { on: jest.fn(), off: jest.fn(), trigger: jest.fn() },
  };
  return { __esModule: true, ...taro, default: taro };
});
jest.mock('../../../features/scan/gate-keys', () => ({
  loadGateCodeKeys: jest.fn(async () => {
    const { gateKey } = jest.requireActual('../../../../test/check-in-world');
    return new Map([[1, gateKey.publicKey]]);
  }),
}));

const code = gateCodeFor(FIRM_ID);
const firm = firmView();
/** What the server knows: the firm (on the 正面清单) and the default policy. */
let facts: OfflineSnapshot;

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
  facts = snapshotOf([firm]);
  jest.spyOn(api, 'previewCheckIn').mockImplementation(({ body }) => serverPreviewOn(facts)(body));
  jest.spyOn(api, 'listVisits').mockResolvedValue({ items: [], nextCursor: null });
  jest.spyOn(api, 'listOfficers').mockResolvedValue({ items: officers });
  jest.mocked(loadSnapshot).mockReturnValue(undefined);
  jest.mocked(snapshotInfo).mockReturnValue(undefined);
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
    jest.spyOn(api, 'listVisits').mockResolvedValue({ items: [open1], nextCursor: null });
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

describe('预判: every rule before submitting', () => {
  const verdict = () => screen.getByTestId('checkin-verdict');
  const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

  it('says what each purpose will give at a 正面清单 firm, the reference before the verdict', async () => {
    await open(code);
    // the co-officers of the last check-in are ticked again; make sure 李明华 goes in too
    const colleague = screen.getByTestId('co-officer-o2');
    if (colleague.getAttribute('data-chosen') !== 'true') fireEvent.click(colleague);
    await act(async () => {});
    fireEvent.click(screen.getByTestId('purpose-ROUTINE'));
    expect(verdict().getAttribute('data-tone')).toBe('refused');
    expect(verdict().textContent).toContain(
      `将不予入企：${REASON_TITLES.POSITIVE_LIST_NO_DISTURBANCE}`,
    );
    expect(verdict().textContent).toContain('如仍提交，将作为不予入企记录在案');
    expect(verdict().textContent).toContain('预判依据服务器当前数据');

    fireEvent.click(screen.getByTestId('purpose-COMPLAINT_VERIFICATION'));
    expect(verdict().getAttribute('data-tone')).toBe('needs-reference');
    expect(verdict().textContent).toContain('请填写信访举报编号');
    const field = screen.getByTestId('reference-input');
    const input = (field.querySelector('input') ?? field) as HTMLInputElement;
    input.value = '12369-1';
    fireEvent.input(input, { target: { value: '12369-1' }, detail: { value: '12369-1' } });
    await act(async () => new Promise((r) => setTimeout(r, 600)));
    // no location in the test browser: recorded as 位置不在企业门口, entry allowed
    expect(verdict().getAttribute('data-tone')).toBe('flagged');
    expect(verdict().textContent).toContain(`可以入企，将标记：${REASON_TITLES.OUT_OF_GEOFENCE}`);
  });

  it('warns of the annual cap at a firm off the list, before the officer collects a refusal', async () => {
    const busy = firmView({ onPositiveList: false, creditGrade: 'B' as never });
    const year = new Date().getUTCFullYear();
    const prior = (month: number) => ({
      checkedInAt: new Date(Date.UTC(year, 0, month, 2)).toISOString(),
      purpose: 'ROUTINE' as const,
      reference: null,
      unitLevel: 'BRANCH',
    });
    facts = snapshotOf([busy], {
      policy: { ...facts.policy, annualCapPerUnitLevel: 2 },
      priorVisits: { [FIRM_ID]: [prior(2), prior(3)] },
    });
    await open(code);
    expect(screen.getByTestId('purpose-ROUTINE').getAttribute('data-blocked')).toBe('true');
    expect(screen.getByTestId('purpose-ROUTINE').textContent).toContain(
      REASON_TITLES.ANNUAL_CAP_REACHED,
    );
    fireEvent.click(screen.getByTestId('purpose-ROUTINE'));
    expect(verdict().textContent).toContain(`将不予入企：${REASON_TITLES.ANNUAL_CAP_REACHED}`);
    expect(screen.queryByTestId('checkin-no-disturbance')).toBeNull();
  });

  it('without the API reads the snapshot: the firm, its colleagues and the verdict, with its age', async () => {
    jest.spyOn(api, 'previewCheckIn').mockRejectedValue(new NetworkError());
    jest.spyOn(api, 'listOfficers').mockRejectedValue(new NetworkError());
    const issuedAt = new Date(Date.now() - 30 * 3_600_000).toISOString();
    jest.mocked(loadSnapshot).mockReturnValue(snapshotOf([firm], { issuedAt }));
    jest.mocked(snapshotInfo).mockReturnValue({ envelope: '', issuedAt, fetchedAt: issuedAt });
    await open(code);
    expect(screen.getByTestId('checkin-firm-name').textContent).toBe('郑州思念食品有限公司');
    expect(screen.getByTestId('checkin-positive-list').textContent).toBe('正面清单企业');
    fireEvent.click(screen.getByTestId('co-officer-o2'));
    fireEvent.click(screen.getByTestId('purpose-ROUTINE'));
    await act(async () => {});
    expect(verdict().getAttribute('data-tone')).toBe('refused');
    const source = screen.getByTestId('checkin-verdict-source').textContent;
    expect(source).toContain('预判依据手机离线数据');
    expect(source).toContain('1 天前');
    expect(source).toContain('已超过 24 小时');
  });

  it('a firm the snapshot does not hold, without signal, is named as such and never by its id', async () => {
    jest.spyOn(api, 'previewCheckIn').mockRejectedValue(new NetworkError());
    jest.mocked(loadSnapshot).mockReturnValue(snapshotOf([]));
    await open(code);
    expect(screen.getByTestId('checkin-firm').textContent).toContain('非本单位辖区企业');
    expect(screen.getByTestId('checkin-firm').textContent).toContain('联网后由服务器判定');
    expect(document.body.textContent).not.toMatch(UUID);
    expect(screen.getByTestId('checkin-submit')).toBeTruthy();
  });

  it('shows a loading state while the server is asked, and the snapshot’s firm at once', async () => {
    let answer: () => void = () => undefined;
    jest.spyOn(api, 'previewCheckIn').mockImplementation(
      ({ body }) =>
        new Promise((resolve) => {
          answer = () => void serverPreviewOn(facts)(body).then(resolve);
        }),
    );
    await open(code);
    expect(screen.getByTestId('checkin-firm-loading').textContent).toContain('正在读取企业信息');
    await act(async () => answer());
    expect(screen.getByTestId('checkin-firm-name').textContent).toBe('郑州思念食品有限公司');
  });
});
