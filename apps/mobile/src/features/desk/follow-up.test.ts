import {
  canClose,
  closeRequest,
  contactRequest,
  dueText,
  followUpFilters,
  overdueDays,
  poorItemNames,
} from './follow-up';

const NOW = new Date('2026-05-12T04:00:00Z');

describe('followUpFilters', () => {
  it('maps 待核实 / 已逾期 / 已办结 to the API query', () => {
    expect(followUpFilters('OPEN')).toEqual({ status: 'OPEN' });
    expect(followUpFilters('OVERDUE')).toEqual({ status: 'OPEN', overdue: 'true' });
    expect(followUpFilters('CLOSED')).toEqual({ status: 'CLOSED' });
  });
});

describe('overdueDays / dueText', () => {
  it('counts a started day past the due time as a day overdue', () => {
    expect(overdueDays('2026-05-12T03:00:00Z', NOW)).toBe(1);
    expect(overdueDays('2026-05-09T04:00:00Z', NOW)).toBe(3);
    expect(overdueDays('2026-05-13T04:00:00Z', NOW)).toBe(0);
    expect(overdueDays('not a date', NOW)).toBe(0);
  });

  it('says how late or how long is left, and nothing of it once closed', () => {
    expect(dueText({ status: 'OPEN', dueAt: '2026-05-09T04:00:00Z' }, NOW)).toBe('逾期 3 天');
    expect(dueText({ status: 'OPEN', dueAt: '2026-05-15T05:00:00Z' }, NOW)).toBe('剩余 3 天');
    expect(dueText({ status: 'OPEN', dueAt: '2026-05-12T10:00:00Z' }, NOW)).toBe('今日到期');
    expect(dueText({ status: 'CLOSED', dueAt: '2026-05-09T04:00:00Z' }, NOW)).toBe('已办结');
  });
});

describe('poorItemNames', () => {
  it('names the card items marked 差 and ignores bad indexes', () => {
    expect(poorItemNames({ poorItems: [0, 2, 9] })).toEqual(['服务指导企业情况', '廉政执法情况']);
    expect(poorItemNames({ poorItems: [] })).toEqual([]);
  });
});

describe('canClose', () => {
  const contact = { at: '', method: 'PHONE' as const, note: 'x', by: { id: 'u', name: 'n' } };
  it('needs an open case with a contact recorded', () => {
    expect(canClose({ status: 'OPEN', contacts: [] })).toBe(false);
    expect(canClose({ status: 'OPEN', contacts: [contact] })).toBe(true);
    expect(canClose({ status: 'CLOSED', contacts: [contact] })).toBe(false);
  });
});

describe('contactRequest / closeRequest', () => {
  it('needs a method and a note, trimmed', () => {
    expect(contactRequest(undefined, '已电话联系')).toEqual({
      ok: false,
      error: '请选择回访方式。',
    });
    expect(contactRequest('PHONE', '   ')).toEqual({ ok: false, error: '请填写回访情况。' });
    expect(contactRequest('PHONE', ' 已电话联系 ')).toEqual({
      ok: true,
      body: { method: 'PHONE', note: '已电话联系' },
    });
    expect(contactRequest('ON_SITE', 'x'.repeat(1001)).ok).toBe(false);
  });

  it('needs a finding and a resolution', () => {
    expect(closeRequest(undefined, '已处理')).toEqual({ ok: false, error: '请选择核实结论。' });
    expect(closeRequest('CONFIRMED', '')).toEqual({ ok: false, error: '请填写处理结果。' });
    expect(closeRequest('NOT_CONFIRMED', '企业误解，已解释')).toEqual({
      ok: true,
      body: { finding: 'NOT_CONFIRMED', resolution: '企业误解，已解释' },
    });
  });
});
