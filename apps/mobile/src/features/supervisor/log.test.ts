import type { ChainVerification } from '@qinqing/domain';
import type { VisitView } from '@qinqing/domain';

import { appendPage, auditActionLabel, chainVerdictText, dateRange, logSections } from './log';

const NOW = new Date('2026-05-12T04:00:00Z'); // 12:00 in Zhengzhou

function v(id: string, outcome: VisitView['decision']['outcome'], checkedInAt: string): VisitView {
  return {
    id,
    checkedInAt,
    decision: { outcome, reasons: [], policyVersion: 1 },
  } as unknown as VisitView;
}

describe('logSections', () => {
  it('puts refusals, then flags, then everything, each with the common filters', () => {
    const sections = logSections({ enterpriseId: 'e1', purpose: 'ROUTINE', flag: undefined }, NOW);
    expect(sections.map((s) => s.title)).toEqual(['不予入企', '已记录异常', '全部记录']);
    expect(sections[0].filters).toEqual({
      enterpriseId: 'e1',
      purpose: 'ROUTINE',
      outcome: 'REFUSED',
      limit: 20,
    });
    expect(sections[1].filters.outcome).toBe('FLAGGED');
    expect(sections[2].filters).toEqual({ enterpriseId: 'e1', purpose: 'ROUTINE', limit: 20 });
  });

  it('gives one section when an outcome is chosen, with the date range as from', () => {
    const sections = logSections({ outcome: 'ALLOWED', range: 'TODAY' }, NOW);
    expect(sections).toHaveLength(1);
    expect(sections[0].title).toBe('允许入企');
    expect(sections[0].filters).toEqual({
      outcome: 'ALLOWED',
      from: '2026-05-11T16:00:00.000Z',
      limit: 20,
    });
  });
});

describe('dateRange', () => {
  it('starts days at midnight China time', () => {
    expect(dateRange('ALL', NOW)).toEqual({});
    expect(dateRange('LAST_7_DAYS', NOW)).toEqual({ from: '2026-05-05T16:00:00.000Z' });
    // 23:30 UTC is already the next day in Zhengzhou
    expect(dateRange('TODAY', new Date('2026-05-12T23:30:00Z'))).toEqual({
      from: '2026-05-12T16:00:00.000Z',
    });
  });
});

describe('appendPage', () => {
  it('appends a keyset page without repeating records', () => {
    const shown = [v('1', 'ALLOWED', 'x'), v('2', 'ALLOWED', 'x')];
    expect(
      appendPage(shown, [v('2', 'ALLOWED', 'x'), v('3', 'ALLOWED', 'x')]).map((x) => x.id),
    ).toEqual(['1', '2', '3']);
  });
});

describe('chain and audit wording', () => {
  it('says whether the chain is whole or where it broke', () => {
    const result = (over: Partial<ChainVerification>): ChainVerification => ({
      ok: true,
      entries: 42,
      firstBrokenSeq: null,
      firstBrokenChain: null,
      chains: [],
      rowsChecked: 9,
      rowMismatchCount: 0,
      rowMismatches: [],
      checkpointsChecked: 2,
      checkpointConflicts: [],
      rejectedCheckpoints: [],
      checkedAt: '',
      ...over,
    });
    expect(chainVerdictText(result({}))).toBe('审计链完整：42 条记录');
    expect(
      chainVerdictText(
        result({
          ok: false,
          firstBrokenSeq: 17,
          firstBrokenChain: 3,
          chains: [
            { chain: 0, entries: 25, firstBrokenSeq: null },
            { chain: 3, entries: 16, firstBrokenSeq: 17 },
          ],
        }),
      ),
    ).toBe('审计链（3 号分链）在第 17 条断裂');
    expect(
      chainVerdictText(
        result({
          ok: false,
          rowMismatchCount: 1,
          rowMismatches: [{ table: 'visit', id: '1234abcd-0000-4000-8000-000000000000' }],
        }),
      ),
    ).toBe('1 条业务数据与审计记录不符：检查记录 1234abcd。');
  });

  it('labels audit actions in Chinese, never showing a code', () => {
    expect(auditActionLabel('CHECK_IN')).toBe('扫码打卡');
    expect(auditActionLabel('CHECK_OUT')).toBe('签退');
    expect(auditActionLabel('VISIT_AUTO_CLOSED')).toBe('超时自动签退');
    expect(auditActionLabel('RATING_SUBMITTED')).toBe('企业提交好差评');
    expect(auditActionLabel('POLICY_CHANGED')).toBe('修改检查规则');
    expect(auditActionLabel('SOMETHING_NEW')).toBe('其他操作');
  });
});
