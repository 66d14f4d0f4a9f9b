import { isCalendarDate, isIsoDateTime } from './dates';

describe('isCalendarDate', () => {
  it.each(['2026-12-31', '2024-02-29', '2000-02-29', '0001-01-01', '9999-12-31'])(
    'accepts %s',
    (value) => expect(isCalendarDate(value)).toBe(true),
  );

  it.each([
    '2026-13-01',
    '2026-00-10',
    '2026-02-29',
    '2026-02-30',
    '1900-02-29',
    '2026-04-31',
    '2026-01-00',
    '2026-01-32',
    '0000-01-01',
    '2026-1-01',
    '2026-01-01T00:00:00Z',
    ' 2026-01-01',
    '20260101',
    '',
    null,
    20260101,
  ])('refuses %p', (value) => expect(isCalendarDate(value)).toBe(false));
});

describe('isIsoDateTime', () => {
  it.each([
    '2026-11-22',
    '2026-11-22T09:30',
    '2026-11-22T09:30:00',
    '2026-11-22T09:30:00+08:00',
    '2026-11-22T01:30:00.000Z',
    '2026-11-22T01:30:00.123456Z',
    '2024-02-29T23:59:59-12:00',
  ])('accepts %s', (value) => expect(isIsoDateTime(value)).toBe(true));

  it.each([
    '2026-13-01T00:00:00Z',
    '2026-02-30T00:00:00Z',
    '2026-02-30',
    '0000-01-01T00:00:00Z',
    '2026-01-01T24:00:00Z',
    '2026-01-01T23:60:00Z',
    '2026-01-01T23:59:60Z',
    '2026-01-01T10:00:00+15:00',
    '2026-01-01T10:00:00+08:60',
    '2026-W01-1',
    '2026-123',
    '2026',
    '2026-01',
    '2026-01-01 10:00:00',
    '+002026-01-01T00:00:00Z',
    'now',
    '',
    1767225600000,
  ])('refuses %p', (value) => expect(isIsoDateTime(value)).toBe(false));

  it('asks for a zone when told to', () => {
    expect(isIsoDateTime('2026-11-22T09:30:00', { requireZone: true })).toBe(false);
    expect(isIsoDateTime('2026-11-22', { requireZone: true })).toBe(false);
    expect(isIsoDateTime('2026-11-22T09:30:00+08:00', { requireZone: true })).toBe(true);
    expect(isIsoDateTime('2026-11-22T01:30:00Z', { requireZone: true })).toBe(true);
  });
});
