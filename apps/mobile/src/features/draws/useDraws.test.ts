import { statisticsYears } from './useDraws';

describe('statisticsYears', () => {
  it('runs from the first draw’s year to this year, newest first', () => {
    expect(statisticsYears(['2024-03-01T02:00:00Z', '2026-01-05T00:00:00Z'], 2026)).toEqual([
      2026, 2025, 2024,
    ]);
  });

  it('is this year alone before any draw, and never runs past this year', () => {
    expect(statisticsYears([], 2026)).toEqual([2026]);
    expect(statisticsYears(['2027-01-01T00:00:00Z'], 2026)).toEqual([2026]);
  });
});
