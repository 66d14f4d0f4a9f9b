import {
  DEFAULT_DRAW_WEIGHTS,
  drawInputsHash,
  runDraw,
  seedCommitment,
  type DrawInputs,
  type PublicDrawView,
} from '@qinqing/domain';
import Taro from '@tarojs/taro';
import { act, fireEvent, render, screen } from '@testing-library/react';

import PublicDrawPage from '../../pages/public/draw/index';
import { api, publicDrawInputsUrl } from '../../services/api';

const SEED = 'c0ffee'.repeat(10);
const inputs: DrawInputs = {
  pool: Array.from({ length: 30 }, (_, i) => ({
    id: `firm-${i}`,
    name: `企业${i}`,
    uscc: `91410100MA${String(i).padStart(8, '0')}`,
    unitId: 'u1',
    district: '金水区',
    industry: '制造业',
    creditGrade: 'SERIOUSLY_DISHONEST',
    supervisionClass: 'GENERAL',
    onPositiveList: false,
  })),
  officers: [
    { id: 'officer-secret-id', unitId: 'u1' },
    { id: 'o2', unitId: 'u1' },
  ],
  recusals: {},
  weights: { ...DEFAULT_DRAW_WEIGHTS, baseRatio: 0.25 },
  officersPerTask: 2,
};

function view(): PublicDrawView {
  const byId = new Map(inputs.pool.map((f) => [f.id, f]));
  return {
    id: '0f4c3a9e-1111-4222-8333-444455556666',
    number: 'SJ-2026-003',
    name: '2026年第四季度双随机抽查',
    status: 'REVEALED',
    periodStart: '2026-10-01',
    periodEnd: '2026-12-31',
    committedAt: '2026-09-30T02:00:00Z',
    inputsHash: drawInputsHash(inputs),
    seedCommitment: seedCommitment(SEED),
    seed: SEED,
    revealedAt: '2026-10-01T02:00:00Z',
    poolSize: inputs.pool.length,
    weights: inputs.weights,
    officersPerTask: 2,
    results: runDraw(inputs, SEED).map((t, i) => ({
      taskNumber: t.number,
      enterpriseName: byId.get(t.enterpriseId)!.name,
      uscc: byId.get(t.enterpriseId)!.uscc,
      creditGrade: 'SERIOUSLY_DISHONEST',
      onPositiveList: false,
      inspected: i === 0,
      outcome: i === 0 ? 'CASE_FILED' : null,
    })),
  };
}

const taro = Taro as unknown as { useRouter: jest.Mock; request: jest.Mock };

beforeEach(() => {
  Taro.removeStorageSync('qinqing.session'); // nobody logged in
  taro.useRouter.mockReturnValue({ params: { id: view().id } });
});

describe('the public draw page (no login)', () => {
  it('shows commitment, seed and results without login or personal data', async () => {
    const published = view();
    jest.spyOn(api, 'getPublicDraw').mockResolvedValue(published);
    render(<PublicDrawPage />);
    await act(async () => {});

    expect(Taro.redirectTo).not.toHaveBeenCalled();
    const commitment = screen.getByTestId('public-commitment-seed-commitment');
    expect(commitment.children).toHaveLength(4);
    expect(commitment.textContent).toBe(published.seedCommitment);
    expect(screen.getByTestId('public-seed').textContent).toContain(SEED);
    const rows = screen.getAllByTestId('public-result-row');
    expect(rows).toHaveLength(published.results.length);
    expect(rows[0].textContent).toContain('已检查');
    expect(rows[0].textContent).toContain('立案查处');
    expect(rows[1].textContent).toContain('未检查');
    expect(screen.getByTestId('public-draw').textContent).not.toContain('officer-secret-id');
    expect(screen.getByTestId('public-inputs-download')).toBeTruthy();
  });

  it('says 尚未揭示 before the reveal', async () => {
    jest.spyOn(api, 'getPublicDraw').mockResolvedValue({
      ...view(),
      status: 'COMMITTED',
      seed: null,
      revealedAt: null,
      results: [],
    });
    render(<PublicDrawPage />);
    await act(async () => {});
    expect(screen.getByTestId('public-seed').textContent).toBe('尚未揭示');
    expect(screen.queryAllByTestId('public-result-row')).toHaveLength(0);
  });

  it('本机复核 re-runs the draw from the downloaded inputs and says 复核一致', async () => {
    const published = view();
    const file = {
      number: published.number,
      inputs,
      inputsHash: published.inputsHash,
      seedCommitment: published.seedCommitment,
      seed: SEED,
    };
    taro.request.mockResolvedValue({ statusCode: 200, data: file });
    jest.spyOn(api, 'getPublicDraw').mockResolvedValue(published);
    render(<PublicDrawPage />);
    await act(async () => {});
    await act(async () => {
      fireEvent.click(screen.getByTestId('public-verify'));
      await new Promise((resolve) => setTimeout(resolve, 5));
    });
    expect(taro.request.mock.calls[0][0].url).toBe(publicDrawInputsUrl(published.id));
    const result = screen.getByTestId('public-verify-result');
    expect(result.getAttribute('data-ok')).toBe('true');
    expect(result.textContent).toContain('复核一致');
  });

  it('本机复核 finds a published list that the inputs do not give', async () => {
    const published = view();
    const tampered = { ...published, results: published.results.slice(1) };
    taro.request.mockResolvedValue({
      statusCode: 200,
      data: {
        number: published.number,
        inputs,
        inputsHash: published.inputsHash,
        seedCommitment: published.seedCommitment,
        seed: SEED,
      },
    });
    jest.spyOn(api, 'getPublicDraw').mockResolvedValue(tampered);
    render(<PublicDrawPage />);
    await act(async () => {});
    await act(async () => {
      fireEvent.click(screen.getByTestId('public-verify'));
      await new Promise((resolve) => setTimeout(resolve, 5));
    });
    const result = screen.getByTestId('public-verify-result');
    expect(result.getAttribute('data-ok')).toBe('false');
    expect(result.textContent).toContain('不一致');
  });
});
