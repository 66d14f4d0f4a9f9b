import { currentMonth, drawRequest, monthLabel, spotNoteError } from './spot-check';

const NOW = new Date('2026-05-31T17:00:00Z'); // 2026-06-01 01:00 in China

describe('currentMonth', () => {
  it('is the month in China', () => {
    expect(currentMonth(NOW)).toBe('2026-06');
    expect(currentMonth(new Date('2026-05-31T15:00:00Z'))).toBe('2026-05');
  });
});

describe('drawRequest', () => {
  it('accepts a begun month and a whole sample size', () => {
    expect(drawRequest(' 2026-06 ', '10', NOW)).toEqual({
      ok: true,
      body: { month: '2026-06', sampleSize: 10 },
    });
    expect(drawRequest('2025-12', '1', NOW).ok).toBe(true);
  });

  it('refuses a bad month, a future month and a bad size', () => {
    expect(drawRequest('2026-6', '10', NOW)).toEqual({
      ok: false,
      error: '月份格式应为 YYYY-MM，例如 2026-05。',
    });
    expect(drawRequest('2026-13', '10', NOW).ok).toBe(false);
    expect(drawRequest('2026-07', '10', NOW)).toEqual({
      ok: false,
      error: '只能抽查已经开始的月份。',
    });
    for (const size of ['0', '2.5', '', 'abc', '201']) {
      expect(drawRequest('2026-05', size, NOW).ok).toBe(false);
    }
  });
});

describe('monthLabel / spotNoteError', () => {
  it('writes months in Chinese and limits notes', () => {
    expect(monthLabel('2026-05')).toBe('2026年5月');
    expect(spotNoteError('')).toBeUndefined();
    expect(spotNoteError('x'.repeat(1001))).toBe('备注不能超过 1000 字。');
  });
});
