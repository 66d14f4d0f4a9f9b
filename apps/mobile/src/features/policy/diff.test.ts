import { DEFAULT_CHECK_IN_POLICY } from '@qinqing/domain';

import { bodyOf, diffPolicies, toggleCompared, versionTitle } from './diff';

describe('comparing two versions of 检查规则', () => {
  it('marks only the fields that differ, in Chinese words', () => {
    const after = {
      ...DEFAULT_CHECK_IN_POLICY,
      annualCapPerUnitLevel: 3,
      quietPeriods: [{ daysOfMonth: [28, 29, 30, 31], label: '月末生产高峰' }],
      drawWeights: { ...DEFAULT_CHECK_IN_POLICY.drawWeights, baseRatio: 0.15 },
    };
    const rows = diffPolicies(DEFAULT_CHECK_IN_POLICY, after);
    const changed = rows.filter((r) => r.changed);
    expect(changed.map((r) => [r.label, r.before, r.after])).toEqual([
      ['同级单位每年现场检查上限', '2 次', '3 次'],
      ['安静期', '（无）', '月末生产高峰：每月 28-31 日，所有企业'],
      ['基础抽查比例', '10%', '15%'],
    ]);
    expect(rows.length).toBeGreaterThan(20);
    expect(rows.every((r) => /[\u4e00-\u9fa5]/.test(r.label))).toBe(true);
    expect(rows.some((r) => /[A-Z_]{4,}/.test(`${r.before}${r.after}`))).toBe(false);
  });

  it('fills fields a stored version predates with their defaults', () => {
    const { drawWeights: _dropped, ...old } = DEFAULT_CHECK_IN_POLICY;
    const body = bodyOf({
      version: 1,
      body: old as never,
      note: '',
      createdBy: null,
      createdAt: '2026-01-01T00:00:00Z',
    });
    expect(body.drawWeights).toEqual(DEFAULT_CHECK_IN_POLICY.drawWeights);
  });

  it('keeps two versions chosen, the earlier choice giving way', () => {
    expect(toggleCompared([1, 2], 3)).toEqual([2, 3]);
    expect(toggleCompared([2, 3], 3)).toEqual([2]);
    expect(toggleCompared([2], 1)).toEqual([2, 1]);
  });

  it('titles a version with its number, China time and who stored it', () => {
    expect(
      versionTitle({
        version: 4,
        body: DEFAULT_CHECK_IN_POLICY,
        note: '',
        createdBy: 'u1',
        createdByName: '系统管理员',
        createdAt: '2026-12-01T07:40:00Z',
      }),
    ).toBe('第 4 版 · 2026-12-01 15:40 · 系统管理员');
    expect(
      versionTitle({
        version: 1,
        body: DEFAULT_CHECK_IN_POLICY,
        note: '',
        createdBy: null,
        createdByName: null,
        createdAt: '2026-12-01T07:40:00Z',
      }),
    ).toBe('第 1 版 · 2026-12-01 15:40 · 系统默认');
  });
});
