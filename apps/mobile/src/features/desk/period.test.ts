import { chinaDateOf, deskPeriod, shortDate, weekStarts } from './period';

// Tuesday 2026-05-12, 12:00 in Zhengzhou.
const NOW = new Date('2026-05-12T04:00:00Z');

describe('deskPeriod', () => {
  it('starts on Monday midnight China time, N-1 weeks before this week, and ends now', () => {
    expect(deskPeriod(4, NOW)).toEqual({
      from: '2026-04-19T16:00:00.000Z', // Monday 2026-04-20 00:00 China
      to: NOW.toISOString(),
    });
    expect(deskPeriod(12, NOW).from).toBe('2026-02-22T16:00:00.000Z');
  });

  it('treats a Sunday evening in China as the end of that week, not the next', () => {
    const sundayNight = new Date('2026-05-17T15:30:00Z'); // Sunday 23:30 China
    expect(chinaDateOf(deskPeriod(4, sundayNight).from)).toBe('2026-04-20');
    const mondayEarly = new Date('2026-05-17T16:30:00Z'); // Monday 00:30 China
    expect(chinaDateOf(deskPeriod(4, mondayEarly).from)).toBe('2026-04-27');
  });
});

describe('weekStarts', () => {
  it('lists each Monday of the period', () => {
    expect(weekStarts(deskPeriod(4, NOW))).toEqual([
      '2026-04-20',
      '2026-04-27',
      '2026-05-04',
      '2026-05-11',
    ]);
    expect(weekStarts(deskPeriod(26, NOW))).toHaveLength(26);
  });
});

describe('chinaDateOf / shortDate', () => {
  it('reads instants in China time and plain dates as they are', () => {
    expect(chinaDateOf('2026-05-10T16:00:00Z')).toBe('2026-05-11');
    expect(chinaDateOf('2026-05-11')).toBe('2026-05-11');
    expect(shortDate('2026-05-04')).toBe('5/4');
  });
});
