import { capWindowStart, visitScopeSql } from './visit-sql';

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

describe('capWindowStart', () => {
  const china = 480;

  it('is the start of the bureau year when the repeat window lies inside it', () => {
    // 2026-06-15 10:00 Beijing time; the year began 2026-01-01 00:00 Beijing = 2025-12-31 16:00Z.
    expect(capWindowStart(new Date('2026-06-15T02:00:00Z'), 7, china).toISOString()).toBe(
      '2025-12-31T16:00:00.000Z',
    );
  });

  it('reaches back into last year by the window and a day early in January', () => {
    const at = new Date('2026-01-03T02:00:00Z');
    expect(capWindowStart(at, 7, china).toISOString()).toBe('2025-12-26T02:00:00.000Z');
  });

  it('takes the year of the bureau, not of UTC, on New Year’s Eve evening (UTC)', () => {
    // 2025-12-31 20:00Z is already 2026-01-01 04:00 in Beijing: its year began 4 hours before, so
    // the window decides (with UTC's year, the whole of 2025 would count).
    const at = new Date('2025-12-31T20:00:00Z');
    expect(capWindowStart(at, 7, china).toISOString()).toBe('2025-12-23T20:00:00.000Z');
    expect(capWindowStart(at, 0, china).toISOString()).toBe('2025-12-30T20:00:00.000Z');
  });
});
