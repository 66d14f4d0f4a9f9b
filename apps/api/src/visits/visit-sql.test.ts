import { capWindow, visitScopeSql } from './visit-sql';

describe('visitScopeSql', () => {
  it('is TRUE for an admin and adds no parameter', () => {
    const params: unknown[] = ['x'];
    expect(visitScopeSql('v', { kind: 'all' }, params)).toBe('TRUE');
    expect(params).toEqual(['x']);
  });

  it("numbers a firm user's firms after the parameters already there", () => {
    const params: unknown[] = [1, 2];
    const sql = visitScopeSql('w', { kind: 'enterprises', enterpriseIds: ['e1'] }, params);
    expect(sql).toBe('w.enterprise_id = ANY($3::uuid[])');
    expect(params).toEqual([1, 2, ['e1']]);
  });

  it("gives units their visits, their firms' visits and the caller's own visits", () => {
    const params: unknown[] = [new Date(0)];
    const sql = visitScopeSql('v', { kind: 'units', unitIds: ['u1', 'u2'], userId: 'me' }, params);
    expect(params).toEqual([new Date(0), ['u1', 'u2'], 'me']);
    expect(sql).toContain('v.unit_id = ANY($2::uuid[])');
    expect(sql).toContain('se.id = v.enterprise_id AND se.unit_id = ANY($2::uuid[])');
    expect(sql).toContain('svo.visit_id = v.id AND svo.officer_id = $3::uuid');
  });
});

describe('capWindow', () => {
  const china = 480;
  const iso = (w: { from: Date; to: Date }) => [w.from.toISOString(), w.to.toISOString()];

  it('is the bureau year when the repeat window lies inside it', () => {
    // 2026-06-15 10:00 Beijing time; the year is 2026-01-01 00:00 to 2027-01-01 00:00 Beijing.
    expect(iso(capWindow(new Date('2026-06-15T02:00:00Z'), 7, china))).toEqual([
      '2025-12-31T16:00:00.000Z',
      '2026-12-31T16:00:00.000Z',
    ]);
  });

  it('reaches back into last year by the window and a day early in January', () => {
    const at = new Date('2026-01-03T02:00:00Z');
    expect(capWindow(at, 7, china).from.toISOString()).toBe('2025-12-26T02:00:00.000Z');
  });

  it('reaches into next year by the window and a day late in December', () => {
    const at = new Date('2026-12-30T02:00:00Z');
    expect(capWindow(at, 7, china).to.toISOString()).toBe('2027-01-07T02:00:00.000Z');
  });

  it('takes the year of the bureau, not of UTC, on New Year’s Eve evening (UTC)', () => {
    // 2025-12-31 20:00Z is already 2026-01-01 04:00 in Beijing: its year began 4 hours before, so
    // the window decides the start (with UTC's year, the whole of 2025 would count) and the year
    // the end.
    const at = new Date('2025-12-31T20:00:00Z');
    expect(iso(capWindow(at, 0, china))).toEqual([
      '2025-12-30T20:00:00.000Z',
      '2026-12-31T16:00:00.000Z',
    ]);
  });
});
