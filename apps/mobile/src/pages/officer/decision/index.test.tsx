import {
  REASON_MESSAGES,
  reason,
  type CheckInRequest,
  type DecisionReason,
  type VisitView,
} from '@qinqing/domain';
import Taro from '@tarojs/taro';
import { fireEvent, render, screen } from '@testing-library/react';

import { saveLastCheckIn, type AnySubmission } from '../../../features/check-in/last-result';
import { memoryStore } from '../../../services/storage';
import OfficerDecisionPage from './index';

const taro = Taro as unknown as {
  navigateTo: jest.Mock;
  redirectTo: jest.Mock;
  reLaunch: jest.Mock;
  navigateBack: jest.Mock;
  getCurrentPages: jest.Mock;
  getCurrentInstance: jest.Mock;
};

const request: CheckInRequest = {
  clientId: '5b0c3f4e-1d2a-4c3b-8a9f-0123456789ab',
  code: 'x',
  purpose: 'COMPLAINT_VERIFICATION',
  reference: 'XF-2026-001',
  coOfficerIds: ['o2'],
  location: null,
  clientTime: '2026-11-22T02:03:00.000Z',
};

function visit(outcome: 'ALLOWED' | 'FLAGGED', reasons: DecisionReason[]): VisitView {
  return { id: 'visit-1', decision: { outcome, reasons, policyVersion: 1 } } as VisitView;
}

function show(submission: AnySubmission): void {
  saveLastCheckIn(
    {
      submission,
      request,
      firmName: '郑州思念食品有限公司',
      gateName: '南门',
      officerNames: ['张执法', '李执法'],
      savedAt: '2026-11-22T02:03:01.000Z',
    },
    memoryStore(),
  );
  render(<OfficerDecisionPage />);
}

beforeEach(() => {
  Taro.setStorageSync('qinqing.session', {
    accessToken: 'a',
    refreshToken: 'r',
    expiresIn: 900,
    user: {
      id: 'o1',
      role: 'officer',
      name: '张执法',
      username: 'officer1',
      unitId: 'u1',
      badgeNumber: '41010001',
    },
  });
});

describe('decision screen', () => {
  it('shows a green 允许入企 with the firm, purpose, time and officers, and offers 签退', () => {
    show({
      mode: 'online',
      accepted: true,
      result: {
        visit: visit('ALLOWED', []),
        decision: { outcome: 'ALLOWED', reasons: [], policyVersion: 1 },
      },
    });
    expect(screen.getByTestId('decision-outcome').textContent).toBe('允许入企');
    expect(screen.getByTestId('decision-block').className).toContain('decision__block--allowed');
    expect(screen.getByTestId('decision-firm').textContent).toContain('郑州思念食品有限公司');
    expect(screen.getByText('信访举报核实（XF-2026-001）')).toBeTruthy();
    expect(screen.getByText('2026-11-22 10:03')).toBeTruthy();
    expect(screen.getByText('张执法、李执法')).toBeTruthy();
    expect(screen.queryByTestId('decision-reasons')).toBeNull();
    expect(screen.queryByTestId('decision-offline')).toBeNull();
    fireEvent.click(screen.getByTestId('decision-check-out'));
    expect(taro.navigateTo).toHaveBeenCalledWith({
      url: '/pages/officer/check-out/index?visitId=visit-1',
    });
  });

  it('shows an amber 允许但已记录 listing each flag', () => {
    const flags = [reason('OUT_OF_GEOFENCE'), reason('SINGLE_OFFICER')];
    show({
      mode: 'online',
      accepted: true,
      result: {
        visit: visit('FLAGGED', flags),
        decision: { outcome: 'FLAGGED', reasons: flags, policyVersion: 1 },
      },
    });
    expect(screen.getByTestId('decision-outcome').textContent).toBe('允许但已记录');
    expect(screen.getByTestId('decision-block').className).toContain('decision__block--flagged');
    expect(screen.getByTestId('reason-OUT_OF_GEOFENCE').textContent).toBe(
      REASON_MESSAGES.OUT_OF_GEOFENCE,
    );
    expect(screen.getByTestId('reason-SINGLE_OFFICER').textContent).toBe(
      REASON_MESSAGES.SINGLE_OFFICER,
    );
    expect(screen.getByTestId('decision-check-out')).toBeTruthy();
  });

  it('shows a red 不予入企 with each reason (the server’s message, else the standard one) and no 签退', () => {
    show({
      mode: 'online',
      accepted: false,
      result: {
        code: 'CHECK_IN_REFUSED',
        message: '不予入企',
        attemptId: 'a1',
        reasons: [
          reason('POSITIVE_LIST_NO_DISTURBANCE'),
          { code: 'REFERENCE_REQUIRED', message: '' },
        ],
        decision: { outcome: 'REFUSED', reasons: [], policyVersion: 1 },
      },
    });
    expect(screen.getByTestId('decision-outcome').textContent).toBe('不予入企');
    expect(screen.getByTestId('decision-block').className).toContain('decision__block--refused');
    expect(screen.getByTestId('reason-POSITIVE_LIST_NO_DISTURBANCE').textContent).toContain(
      '无事不扰',
    );
    expect(screen.getByTestId('reason-REFERENCE_REQUIRED').textContent).toBe(
      REASON_MESSAGES.REFERENCE_REQUIRED,
    );
    expect(screen.queryByTestId('decision-check-out')).toBeNull();
    expect(screen.getByText('本次尝试已记录。请勿进入现场。')).toBeTruthy();
    fireEvent.click(screen.getByTestId('decision-home'));
    expect(taro.reLaunch).toHaveBeenCalledWith({ url: '/pages/officer/home/index' });
  });

  it('lists the rule that refused apart from the flags recorded besides', () => {
    show({
      mode: 'online',
      accepted: false,
      result: {
        code: 'CHECK_IN_REFUSED',
        message: '不予入企',
        attemptId: 'a2',
        reasons: [reason('POSITIVE_LIST_NO_DISTURBANCE'), reason('SINGLE_OFFICER')],
        decision: { outcome: 'REFUSED', reasons: [], policyVersion: 1 },
      },
    });
    const text = screen.getByTestId('decision-reasons').textContent ?? '';
    const refused = text.indexOf('不予入企的原因');
    const besides = text.indexOf('另已记录的情况');
    expect(refused).toBeGreaterThanOrEqual(0);
    expect(text.indexOf('无事不扰')).toBeGreaterThan(refused);
    expect(text.indexOf('无事不扰')).toBeLessThan(besides);
    expect(text.indexOf('两名以上执法人员')).toBeGreaterThan(besides);
  });

  it('after a refusal, 换个事由 goes back to the check-in screen of the same scan', () => {
    const refused: AnySubmission = {
      mode: 'online',
      accepted: false,
      result: {
        code: 'CHECK_IN_REFUSED',
        message: '不予入企',
        attemptId: 'a1',
        reasons: [reason('POSITIVE_LIST_NO_DISTURBANCE')],
        decision: { outcome: 'REFUSED', reasons: [], policyVersion: 1 },
      },
    };
    // The check-in screen is underneath: back to it (it keeps what the officer chose).
    taro.getCurrentPages.mockReturnValue([
      { route: 'pages/officer/home/index' },
      { route: 'pages/officer/check-in/index' },
      { route: 'pages/officer/decision/index' },
    ]);
    show(refused);
    expect(screen.getByTestId('decision-other-purpose').textContent).toBe('换个事由');
    fireEvent.click(screen.getByTestId('decision-other-purpose'));
    expect(taro.navigateBack).toHaveBeenCalled();
    expect(taro.redirectTo).not.toHaveBeenCalled();
  });

  it('opened on its own (a reload), 换个事由 opens the check-in screen for the same code', () => {
    taro.getCurrentPages.mockReturnValue([{ route: 'pages/officer/decision/index' }]);
    show({
      mode: 'online',
      accepted: false,
      result: {
        code: 'CHECK_IN_REFUSED',
        message: '不予入企',
        attemptId: 'a1',
        reasons: [reason('POSITIVE_LIST_NO_DISTURBANCE')],
        decision: { outcome: 'REFUSED', reasons: [], policyVersion: 1 },
      },
    });
    fireEvent.click(screen.getByTestId('decision-other-purpose'));
    expect(taro.navigateBack).not.toHaveBeenCalled();
    expect(taro.redirectTo).toHaveBeenCalledWith({
      url: `/pages/officer/check-in/index?code=x&after=${request.clientId}`,
    });
  });

  it('offers no 换个事由 when the officer was let in', () => {
    show({
      mode: 'online',
      accepted: true,
      result: {
        visit: visit('ALLOWED', []),
        decision: { outcome: 'ALLOWED', reasons: [], policyVersion: 1 },
      },
    });
    expect(screen.queryByTestId('decision-other-purpose')).toBeNull();
  });

  it('labels an offline submission 离线预判 and says it will upload, judged or not', () => {
    show({
      mode: 'offline',
      queued: true,
      judgement: {
        judged: true,
        enterprise: null,
        gate: null,
        decision: {
          outcome: 'REFUSED',
          reasons: [reason('POSITIVE_LIST_NO_DISTURBANCE')],
          policyVersion: 1,
          effectiveTime: '2026-11-22T02:03:00.000Z',
        },
      },
    });
    expect(screen.getByTestId('decision-offline').textContent).toBe('离线预判');
    expect(screen.getByText(/已保存，联网后自动上传/)).toBeTruthy();
    expect(screen.getByTestId('decision-outcome').textContent).toBe('不予入企');
    expect(screen.queryByTestId('decision-check-out')).toBeNull();
  });

  it('renders an unjudged offline submission as 待服务器判定 without crashing', () => {
    show({
      mode: 'offline',
      queued: true,
      judgement: { judged: false, reason: 'FIRM_NOT_IN_SNAPSHOT', enterpriseId: 'e9' },
    });
    expect(screen.getByTestId('decision-offline')).toBeTruthy();
    expect(screen.getByTestId('decision-outcome').textContent).toBe('待服务器判定');
  });

  it('sends a logged-out user to the login screen', () => {
    Taro.removeStorageSync('qinqing.session');
    taro.getCurrentInstance.mockReturnValue({
      router: { path: '/pages/officer/decision/index', params: {} },
    });
    render(<OfficerDecisionPage />);
    expect(taro.redirectTo).toHaveBeenCalledWith({
      url: `/pages/login/index?redirect=${encodeURIComponent('/pages/officer/decision/index')}`,
    });
  });
});
