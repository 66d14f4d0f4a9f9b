import { EXPORT_BUTTONS, exportFileName, exportPath } from './export';

const RANGE = { from: '2026-04-19T16:00:00.000Z', to: '2026-05-12T04:00:00.000Z' };

describe('exportPath', () => {
  it('asks the export endpoint for the period (and the unit when one is chosen)', () => {
    expect(exportPath('visits', 'xlsx', RANGE)).toBe(
      '/api/v1/exports/visits.xlsx?from=2026-04-19T16%3A00%3A00.000Z&to=2026-05-12T04%3A00%3A00.000Z',
    );
    expect(exportPath('ratings', 'csv', { ...RANGE, unitId: 'u-1' })).toBe(
      '/api/v1/exports/ratings.csv?from=2026-04-19T16%3A00%3A00.000Z&to=2026-05-12T04%3A00%3A00.000Z&unitId=u-1',
    );
  });
});

describe('exportFileName', () => {
  it('names the file by what it holds and the China dates of the period', () => {
    expect(exportFileName('visits', 'xlsx', RANGE)).toBe(
      '执法打卡记录_2026-04-20至2026-05-12.xlsx',
    );
    expect(exportFileName('ratings', 'csv', RANGE)).toBe('好差评_2026-04-20至2026-05-12.csv');
  });
});

describe('EXPORT_BUTTONS', () => {
  it('offers both files in both formats', () => {
    expect(EXPORT_BUTTONS.map((b) => `${b.kind}.${b.format}`)).toEqual([
      'visits.xlsx',
      'visits.csv',
      'ratings.xlsx',
      'ratings.csv',
    ]);
  });
});
