import {
  addDays,
  dateToDay,
  dayToDate,
  deadlineProblem,
  latestDeadline,
  suggestedDeadline,
} from './deadline';

describe('责令整改 deadline', () => {
  const today = '2026-12-01';

  it('must be after today and at most two years ahead', () => {
    expect(deadlineProblem('', today)).toBe('责令整改须选择整改期限。');
    expect(deadlineProblem(today, today)).toContain('须晚于今天');
    expect(deadlineProblem('2026-11-30', today)).toContain('须晚于今天');
    expect(deadlineProblem('2026-12-02', today)).toBe('');
    expect(deadlineProblem('2028-12-01', today)).toBe('');
    expect(deadlineProblem('2028-12-02', today)).toContain('最长为两年');
    expect(deadlineProblem('2999-12-31', today)).toContain('最长为两年');
  });

  it('opens the picker thirty days on, and counts days across months and leap years', () => {
    expect(suggestedDeadline(today)).toBe('2026-12-31');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(latestDeadline('2028-02-29')).toBe('2030-02-28');
    expect(dateToDay(dayToDate('2027-01-05'))).toBe('2027-01-05');
  });
});
