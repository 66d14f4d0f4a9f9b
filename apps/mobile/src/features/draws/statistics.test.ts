import { rateBarRows } from './statistics';

describe('the year’s draw statistics as bars', () => {
  const statistics = {
    year: 2026,
    rows: [
      {
        group: 'POSITIVE_LIST' as const,
        inPools: 50,
        drawn: 1,
        realisedRate: 0.02,
        intendedRate: 0.02,
      },
      {
        group: 'SERIOUSLY_DISHONEST' as const,
        inPools: 100,
        drawn: 20,
        realisedRate: 0.2,
        intendedRate: 0.2,
      },
      {
        group: 'TRUSTWORTHY' as const,
        inPools: 400,
        drawn: 60,
        realisedRate: 0.15,
        intendedRate: 0.05,
      },
      { group: 'GOOD' as const, inPools: 0, drawn: 0, realisedRate: 0, intendedRate: 0.07 },
    ],
  };

  it('orders rows by grade then 正面清单 and draws realised and intended on one scale', () => {
    const rows = rateBarRows(statistics);
    expect(rows.map((r) => r.label)).toEqual(['诚信', '良好', '严重失信', '正面清单']);
    const dishonest = rows[2];
    expect(dishonest.realised).toEqual({ rate: 0.2, text: '20%', percent: 100 });
    expect(rows[0].intended.percent).toBe(25);
    expect(rows[0].detail).toBe('池中 400 家次，抽中 60 家次');
  });

  it('marks a grade whose realised rate is far from the intended one, not one with no firms', () => {
    const rows = rateBarRows(statistics);
    expect(rows.map((r) => [r.key, r.off])).toEqual([
      ['TRUSTWORTHY', true],
      ['GOOD', false],
      ['SERIOUSLY_DISHONEST', false],
      ['POSITIVE_LIST', false],
    ]);
  });
});
