import { chinaClock, chinaDateTime, chinaMidnight, chinaTime, chinaToday } from './china-time';

describe('China time', () => {
  const late = '2026-12-31T17:30:00Z'; // already 1 January 2027 in China

  it('formats instants on China’s wall clock whatever the device zone', () => {
    expect(chinaTime(late)).toBe('2027-01-01 01:30');
    expect(chinaClock(late)).toBe('01:30');
    expect(chinaDateTime(late)).toBe('1月1日 01:30');
    expect(chinaTime('not a time')).toBe('not a time');
  });

  it('finds China’s midnight and today', () => {
    const now = new Date(late);
    expect(chinaMidnight(now)).toBe('2026-12-31T16:00:00.000Z');
    expect(chinaMidnight(now, 6)).toBe('2026-12-25T16:00:00.000Z');
    expect(chinaToday(now)).toBe('2027-01-01');
    expect(chinaMidnight(new Date('2026-05-12T15:59:59Z'))).toBe('2026-05-11T16:00:00.000Z');
  });
});
