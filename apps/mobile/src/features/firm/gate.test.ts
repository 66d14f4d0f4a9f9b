import type { NotificationView, VisitView } from '@qinqing/domain';

import {
  firmOutcomeLabel,
  gateBannerText,
  newGateNotifications,
  nowAtGate,
  visitProgress,
} from './gate';

const NOW = new Date('2026-05-12T04:00:00Z'); // 12:00 in Zhengzhou

function visit(
  overrides: Partial<VisitView> & { outcome?: VisitView['decision']['outcome'] },
): VisitView {
  const { outcome = 'ALLOWED', ...rest } = overrides;
  return {
    id: 'v1',
    clientId: 'c1',
    enterpriseId: 'e1',
    enterpriseName: '郑州思念食品有限公司',
    gateId: 'g1',
    gateName: '北门',
    unitId: 'u1',
    purpose: 'COMPLAINT_VERIFICATION',
    reference: 'XF-2026-001',
    officers: [
      {
        id: 'o2',
        name: '李娜',
        badgeNumber: '豫A41010002',
        unitId: 'u1',
        unitName: '郑州市生态环境局金水分局',
        isLead: false,
      },
      {
        id: 'o1',
        name: '张建国',
        badgeNumber: '豫A41010001',
        unitId: 'u1',
        unitName: '郑州市生态环境局金水分局',
        isLead: true,
      },
    ],
    decision: { outcome, reasons: [], policyVersion: 1 },
    location: null,
    clientTime: '2026-05-12T01:30:00Z',
    receivedAt: '2026-05-12T01:30:00Z',
    checkedInAt: '2026-05-12T01:30:00Z', // 09:30 China time
    checkedOutAt: null,
    findings: null,
    notes: null,
    rectifyBy: null,
    autoClosed: false,
    ...rest,
  };
}

describe('nowAtGate', () => {
  it('keeps admitted visits of the last 12 hours that are not checked out, newest first', () => {
    const visits = [
      visit({ id: 'early', checkedInAt: '2026-05-12T00:10:00Z' }),
      visit({ id: 'flagged', outcome: 'FLAGGED', checkedInAt: '2026-05-12T03:00:00Z' }),
      visit({ id: 'refused', outcome: 'REFUSED', checkedInAt: '2026-05-12T03:30:00Z' }),
      visit({ id: 'left', checkedOutAt: '2026-05-12T02:00:00Z' }),
      visit({ id: 'yesterday', checkedInAt: '2026-05-11T15:59:00Z' }),
    ];
    expect(nowAtGate(visits, [], NOW).map((e) => e.visitId)).toEqual(['flagged', 'early']);
  });

  it('adds an OFFICER_AT_GATE notification whose visit is not yet in the list, once', () => {
    const payload = {
      visitId: 'new',
      gateName: '南门',
      purpose: 'ROUTINE',
      purposeLabel: '日常检查',
      reference: null,
      outcome: 'ALLOWED',
      at: '2026-05-12T03:55:00Z',
      officers: [{ name: '王强', badgeNumber: '豫A41010003', unitName: '金水分局' }],
    };
    const notifications: NotificationView[] = [
      {
        id: 'n1',
        userId: 'f',
        kind: 'OFFICER_AT_GATE',
        payload,
        createdAt: payload.at,
        readAt: null,
      },
      {
        id: 'n2',
        userId: 'f',
        kind: 'OFFICER_AT_GATE',
        payload,
        createdAt: payload.at,
        readAt: null,
      },
      {
        id: 'n3',
        userId: 'f',
        kind: 'OFFICER_AT_GATE',
        payload: { ...payload, visitId: 'v1' },
        createdAt: payload.at,
        readAt: null,
      },
      {
        id: 'n4',
        userId: 'f',
        kind: 'OFFICER_AT_GATE',
        payload: { ...payload, visitId: 'no', outcome: 'REFUSED' },
        createdAt: payload.at,
        readAt: null,
      },
      { id: 'n5', userId: 'f', kind: 'OTHER', payload: {}, createdAt: payload.at, readAt: null },
    ];
    const entries = nowAtGate([visit({})], notifications, NOW);
    expect(entries.map((e) => e.visitId)).toEqual(['new', 'v1']);
    expect(gateBannerText(entries[0])).toBe(
      '王强（豫A41010003） · 金水分局 · 日常检查 · 11:55 入企',
    );
  });
});

describe('gateBannerText', () => {
  it('names the lead officer, the count, the unit, the purpose and the time in China time', () => {
    const [entry] = nowAtGate([visit({})], [], NOW);
    expect(gateBannerText(entry)).toBe(
      '张建国（豫A41010001）等2人 · 郑州市生态环境局金水分局 · 信访举报核实 · 09:30 入企',
    );
  });
});

describe('visit wording for the firm', () => {
  it('calls a refusal 未获准入企 and shows findings after check-out', () => {
    expect(firmOutcomeLabel('REFUSED')).toBe('未获准入企');
    expect(firmOutcomeLabel('ALLOWED')).toBe('允许入企');
    expect(visitProgress(visit({}))).toBe('检查中');
    expect(
      visitProgress(visit({ checkedOutAt: '2026-05-12T03:00:00Z', findings: 'RECTIFY_ORDERED' })),
    ).toBe('责令整改');
    expect(
      visitProgress(
        visit({ checkedOutAt: '2026-05-12T03:00:00Z', findings: null, autoClosed: true }),
      ),
    ).toBe('已签退（超时自动签退）');
    expect(visitProgress(visit({ outcome: 'REFUSED' }))).toBe('未入企');
  });

  it('reports only OFFICER_AT_GATE notifications not seen before', () => {
    const n = (id: string, kind = 'OFFICER_AT_GATE'): NotificationView => ({
      id,
      userId: 'f',
      kind,
      payload: {},
      createdAt: NOW.toISOString(),
      readAt: null,
    });
    expect(
      newGateNotifications([n('a'), n('b'), n('c', 'OTHER')], new Set(['a'])).map((x) => x.id),
    ).toEqual(['b']);
  });
});
