import {
  DEFAULT_DRAW_WEIGHTS,
  drawInputsHash,
  runDraw,
  seedCommitment,
  type DrawInputs,
  type PublicDrawView,
} from '@qinqing/domain';

import { hexLines, resultStatusText, verifyDraw, weightTexts, type DrawInputsFile } from './public';

const SEED = 'a'.repeat(64);

const inputs: DrawInputs = {
  pool: Array.from({ length: 40 }, (_, i) => ({
    id: `firm-${i}`,
    name: `企业${i}`,
    uscc: `91410100MA${String(i).padStart(8, '0')}`,
    unitId: 'u1',
    district: '金水区',
    industry: '制造业',
    creditGrade: i % 2 ? 'GOOD' : 'SERIOUSLY_DISHONEST',
    supervisionClass: 'GENERAL',
    onPositiveList: i % 5 === 0,
  })),
  officers: [
    { id: 'o1', unitId: 'u1' },
    { id: 'o2', unitId: 'u1' },
  ],
  recusals: {},
  weights: { ...DEFAULT_DRAW_WEIGHTS, baseRatio: 0.3 },
  officersPerTask: 2,
};

function published(): { view: PublicDrawView; file: DrawInputsFile } {
  const byId = new Map(inputs.pool.map((f) => [f.id, f]));
  const results = runDraw(inputs, SEED).map((t) => {
    const f = byId.get(t.enterpriseId)!;
    return {
      taskNumber: t.number,
      enterpriseName: f.name,
      uscc: f.uscc,
      creditGrade: f.creditGrade,
      onPositiveList: f.onPositiveList,
      inspected: false,
      outcome: null,
    };
  });
  const view: PublicDrawView = {
    id: 'd1',
    number: 'SJ-2026-001',
    name: '第四季度',
    status: 'REVEALED',
    periodStart: '2026-10-01',
    periodEnd: '2026-12-31',
    committedAt: '2026-09-30T00:00:00Z',
    inputsHash: drawInputsHash(inputs),
    seedCommitment: seedCommitment(SEED),
    seed: SEED,
    revealedAt: '2026-10-01T00:00:00Z',
    poolSize: inputs.pool.length,
    weights: inputs.weights,
    officersPerTask: 2,
    results,
  };
  const file: DrawInputsFile = {
    number: view.number,
    inputs: JSON.parse(JSON.stringify(inputs)) as DrawInputs,
    inputsHash: view.inputsHash,
    seedCommitment: view.seedCommitment,
    seed: SEED,
  };
  return { view, file };
}

describe('re-checking a published draw on the device', () => {
  it('agrees with an honest publication', () => {
    const { view, file } = published();
    expect(view.results.length).toBeGreaterThan(2);
    const outcome = verifyDraw(view, file);
    expect(outcome.checks.map((c) => c.ok)).toEqual([true, true, true, true]);
    expect(outcome.ok).toBe(true);
    expect(outcome.summary).toContain('复核一致');
  });

  it('finds a published list with a firm left out or reordered', () => {
    const { view, file } = published();
    const dropped = { ...view, results: view.results.slice(1) };
    expect(verifyDraw(dropped, file).ok).toBe(false);
    const swapped = {
      ...view,
      results: view.results.map((r, i) => (i < 2 ? { ...r, uscc: view.results[1 - i].uscc } : r)),
    };
    const outcome = verifyDraw(swapped, file);
    expect(outcome.checks.map((c) => c.ok)).toEqual([true, true, true, false]);
    expect(outcome.summary).toContain('不一致');
  });

  it('finds a seed that is not the committed one and inputs changed after the commitment', () => {
    const { view, file } = published();
    expect(verifyDraw(view, { ...file, seed: 'b'.repeat(64) }).checks[0].ok).toBe(false);
    const changed = JSON.parse(JSON.stringify(file.inputs)) as DrawInputs;
    changed.pool[3].creditGrade = 'TRUSTWORTHY';
    expect(verifyDraw(view, { ...file, inputs: changed }).checks[1].ok).toBe(false);
  });

  it('cannot check before the seed is revealed', () => {
    const { view, file } = published();
    const outcome = verifyDraw({ ...view, seed: null }, { ...file, seed: null });
    expect(outcome.ok).toBe(false);
    expect(outcome.summary).toContain('尚未揭示');
  });
});

describe('the published page’s texts', () => {
  it('breaks a SHA-512 hex into four lines of 32', () => {
    const hex = seedCommitment('x');
    const lines = hexLines(hex);
    expect(lines).toHaveLength(4);
    expect(lines.join('')).toBe(hex);
  });

  it('says 已检查 with the outcome, or 未检查', () => {
    expect(resultStatusText({ inspected: true, outcome: 'RECTIFY_ORDERED' })).toEqual({
      inspected: '已检查',
      outcome: '责令整改',
    });
    expect(resultStatusText({ inspected: false, outcome: null })).toEqual({
      inspected: '未检查',
      outcome: '—',
    });
  });

  it('writes the weights out', () => {
    expect(weightTexts({ weights: DEFAULT_DRAW_WEIGHTS, officersPerTask: 2 })).toEqual([
      '基础抽查比例 10%',
      '诚信 ×0.5',
      '良好 ×0.7',
      '警示 ×1',
      '严重失信 ×2',
      '未评级 ×1',
      '正面清单 ×0.2',
      '每项任务 2 名执法人员',
    ]);
  });
});
