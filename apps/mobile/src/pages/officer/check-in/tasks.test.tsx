import { type CheckInRequest, type DrawTaskView } from '@qinqing/domain';
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
import { submitCheckIn } from '../../../features/check-in/submit';
import { loadSnapshot } from '../../../features/offline-snapshot/snapshot';
import { chinaToday } from '../../../services/china-time';
import { api, NetworkError } from '../../../services/api';
import OfficerCheckInPage from './index';

jest.mock('../../../features/check-in/submit', () => ({ submitCheckIn: jest.fn() }));
jest.mock('../../../features/offline-snapshot/snapshot', () => ({
  ...jest.requireActual('../../../features/offline-snapshot/snapshot'),
  loadSnapshot: jest.fn(() => undefined),
  snapshotInfo: jest.fn(() => undefined),
  refreshSnapshotIfStale: jest.fn(async () => false),
}));
jest.mock('../../../features/scan/gate-keys', () => ({
  loadGateCodeKeys: jest.fn(async () => {
    const { gateKey } = jest.requireActual('../../../../test/check-in-world');
    return new Map([[1, gateKey.publicKey]]);
  }),
}));

const OTHER_FIRM_ID = '22222222-2222-4333-8444-555555555555';
const code = gateCodeFor(FIRM_ID);
const firm = firmView({ name: '河南瑞泰化工有限公司', onPositiveList: false });

const today = chinaToday();

function task(reference: string, enterpriseId: string, officerIds: string[]): DrawTaskView {
  return {
    id: `t-${reference}`,
    drawId: 'd1',
    drawNumber: 'SJ-2026-001',
    reference,
    enterpriseId,
    enterpriseName: enterpriseId === FIRM_ID ? '河南瑞泰化工有限公司' : '郑州思念食品有限公司',
    officers: officerIds.map((id) => ({
      id,
      name: id === 'o1' ? '张建国' : '李明华',
      badgeNumber: null,
    })),
    periodStart: today,
    periodEnd: today,
    short: false,
    visitId: null,
    inspected: false,
  };
}

const taro = Taro as unknown as { useRouter: jest.Mock };
const submit = submitCheckIn as jest.Mock;

async function open(): Promise<void> {
  taro.useRouter.mockReturnValue({ params: { code: encodeURIComponent(code) } });
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
  Taro.removeStorageSync('qinqing.officer.lastCoOfficers');
  jest
    .spyOn(api, 'previewCheckIn')
    .mockImplementation(({ body }) => serverPreviewOn(snapshotOf([firm]))(body));
  jest.spyOn(api, 'listOfficers').mockResolvedValue({ items: officers });
  jest.mocked(loadSnapshot).mockReturnValue(undefined);
});

describe('check-in for a 双随机抽查', () => {
  it('offers the officer’s task for this firm only; a tap fills the reference and the co-officers', async () => {
    const myTasks = jest.spyOn(api, 'myTasks').mockResolvedValue({
      items: [
        task('SJ-2026-001-01', OTHER_FIRM_ID, ['o1', 'o2']),
        task('SJ-2026-001-02', FIRM_ID, ['o1', 'o2']),
      ],
    });
    await open();
    expect(myTasks).not.toHaveBeenCalled(); // only read for a 双随机抽查
    await act(async () => {
      fireEvent.click(screen.getByTestId('purpose-RANDOM_INSPECTION'));
    });
    const options = screen.getAllByTestId('task-option');
    expect(options.map((o) => o.getAttribute('data-reference'))).toEqual(['SJ-2026-001-02']);

    fireEvent.click(options[0]);
    expect((screen.getByTestId('reference-input') as HTMLInputElement).value).toBe(
      'SJ-2026-001-02',
    );
    expect(screen.getByTestId('co-officer-o2').getAttribute('data-chosen')).toBe('true');
    expect(screen.getByTestId('task-option').getAttribute('data-chosen')).toBe('true');

    submit.mockResolvedValueOnce({
      mode: 'online',
      accepted: true,
      result: {
        visit: { id: 'v1' },
        decision: { outcome: 'ALLOWED', reasons: [], policyVersion: 1 },
      },
    });
    await act(async () => {
      fireEvent.click(screen.getByTestId('checkin-submit'));
    });
    expect(submit.mock.calls[0][0] as CheckInRequest).toMatchObject({
      purpose: 'RANDOM_INSPECTION',
      reference: 'SJ-2026-001-02',
      coOfficerIds: ['o2'],
    });
  });

  it('says there is no task of this officer for the firm before submitting', async () => {
    jest
      .spyOn(api, 'myTasks')
      .mockResolvedValue({ items: [task('SJ-2026-001-01', OTHER_FIRM_ID, ['o1'])] });
    await open();
    await act(async () => {
      fireEvent.click(screen.getByTestId('purpose-RANDOM_INSPECTION'));
    });
    expect(screen.queryByTestId('task-option')).toBeNull();
    expect(screen.getByTestId('checkin-no-task').textContent).toBe(
      '双随机抽查须凭抽中的任务；本企业没有您的抽查任务。',
    );
  });

  it('without signal offers the tasks of the offline snapshot', async () => {
    jest.spyOn(api, 'myTasks').mockRejectedValue(new NetworkError());
    jest
      .mocked(loadSnapshot)
      .mockReturnValue(
        snapshotOf([firm], { tasks: [task('SJ-2026-001-07', FIRM_ID, ['o1', 'o2'])] }),
      );
    await open();
    await act(async () => {
      fireEvent.click(screen.getByTestId('purpose-RANDOM_INSPECTION'));
    });
    expect(screen.getByTestId('task-option').getAttribute('data-reference')).toBe('SJ-2026-001-07');
    expect(screen.getByTestId('checkin-tasks').textContent).toContain('离线数据');
  });
});
