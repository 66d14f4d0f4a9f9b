import {
  gateCodeKeyPairFromSeed,
  encodeBase64url,
  signAuditCheckpoint,
  type ChainCheckStatus,
  type ChainVerification,
  type DeskSummary,
} from '@qinqing/domain';
import Taro from '@tarojs/taro';
import { act, fireEvent, render, screen } from '@testing-library/react';

import DeskPage from '../../pages/supervisor/desk/index';
import { session } from '../../services/session';

const taro = Taro as unknown as { request: jest.Mock; navigateTo: jest.Mock };

const checked = (over: Partial<ChainVerification>): ChainVerification => ({
  ok: true,
  entries: 41,
  firstBrokenSeq: null,
  firstBrokenChain: null,
  chains: [{ chain: 0, entries: 41, firstBrokenSeq: null }],
  rowsChecked: 12,
  rowMismatchCount: 0,
  rowMismatches: [],
  checkpointsChecked: 3,
  checkpointConflicts: [],
  rejectedCheckpoints: [],
  checkedAt: '2026-05-12T03:00:00Z',
  ...over,
});
const BROKEN_AT_17 = checked({
  ok: false,
  entries: 40,
  firstBrokenSeq: 17,
  firstBrokenChain: 5,
  chains: [
    { chain: 0, entries: 24, firstBrokenSeq: null },
    { chain: 5, entries: 16, firstBrokenSeq: 17 },
  ],
  checkedAt: '2026-05-12T02:00:00Z',
});
const BROKEN: ChainCheckStatus = { latest: BROKEN_AT_17, lastFailure: BROKEN_AT_17, alert: true };
const SOUND: ChainCheckStatus = { latest: checked({}), lastFailure: null, alert: false };
const REWOUND_CHECK = checked({
  ok: false,
  checkpointConflicts: [{ chain: 0, seq: 57, expected: 'ab'.repeat(32), found: null }],
  rowMismatchCount: 1,
  rowMismatches: [{ table: 'rating', id: 'fedcba98-0000-4000-8000-000000000000' }],
  checkedAt: '2026-05-12T04:00:00Z',
});
const REWOUND: ChainCheckStatus = {
  latest: REWOUND_CHECK,
  lastFailure: REWOUND_CHECK,
  alert: true,
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

/** Answers the API by method and path, as the server would; records what was posted. */
function serve(routes: Record<string, (data: unknown) => unknown>): void {
  taro.request.mockImplementation(
    async ({ url, method, data }: { url: string; method: string; data: unknown }) => {
      const path = url.replace(/^https?:\/\/[^/]+/, '').split('?')[0];
      const answer = routes[`${method} ${path}`];
      return answer
        ? { statusCode: 200, data: answer(data), header: {} }
        : { statusCode: 503, data: { code: 'UNAVAILABLE', message: '服务暂不可用。' }, header: {} };
    },
  );
}

const checkpointKey = gateCodeKeyPairFromSeed(1, new Uint8Array(32).fill(11));
const checkpointKeys = {
  algorithm: 'Ed25519',
  keys: [{ keyId: 1, publicKey: encodeBase64url(checkpointKey.publicKey) }],
};
const checkpoint = signAuditCheckpoint(
  { seq: 57, hash: 'ab'.repeat(32), at: '2026-05-12T01:00:00.000Z' },
  checkpointKey,
);

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
    let status = BROKEN;
    serve({
      'GET /api/v1/desk/summary': () => summary(BROKEN),
      'GET /api/v1/audit/checks/latest': () => status,
      'GET /api/v1/officers': () => ({ items: [] }),
      'GET /api/v1/public/audit/checkpoint': () => checkpoint,
      'GET /api/v1/public/audit/keys': () => checkpointKeys,
      'POST /api/v1/audit/verify': () => {
        status = SOUND;
        return SOUND.latest;
      },
    });
    render(<DeskPage />);
    await settle();

    expect(text('desk-chain-alert')).toContain('审计链（5 号分链）在第 17 条记录处断裂');
    expect(text('desk-chain-alert')).toContain('5月12日 10:00');
    expect(text('desk-chain-status')).toContain('审计链（5 号分链）在第 17 条断裂');

    fireEvent.click(screen.getByTestId('desk-chain-run'));
    await settle();

    expect(screen.queryByTestId('desk-chain-alert')).toBeNull();
    expect(text('desk-chain-status')).toBe('最近校验 5月12日 11:00：审计链完整（41 条记录）');
    expect(text('desk-chain-coverage')).toBe(
      '已核对 12 条业务数据、3 个签名检查点；本机保存检查点 1 个。',
    );
    // 立即校验 sent the checkpoint the phone kept (verified with the published key).
    expect(taro.request).toHaveBeenCalledWith(
      expect.objectContaining({
        method: 'POST',
        url: expect.stringContaining('/api/v1/audit/verify'),
        data: { checkpoints: [checkpoint] },
      }),
    );
  });

  it('names the rows and the signed checkpoints a check found changed', async () => {
    serve({
      'GET /api/v1/desk/summary': () => summary(REWOUND),
      'GET /api/v1/audit/checks/latest': () => REWOUND,
      'GET /api/v1/officers': () => ({ items: [] }),
    });
    render(<DeskPage />);
    await settle();

    expect(text('desk-chain-status')).toBe('最近校验 5月12日 12:00：发现篡改迹象');
    const alert = text('desk-chain-alert');
    expect(alert).toContain('1 条业务数据与审计记录不符：好差评 fedcba98。');
    expect(alert).toContain(
      '1 个签名检查点与现存审计链不符，审计链可能被回退或重算：0 号分链第 57 条（检查点为 abababababab…，现为 缺失）。',
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
