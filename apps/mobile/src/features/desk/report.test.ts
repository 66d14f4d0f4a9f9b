import { advanceRequest, categoryLabel, nextStep, reportPhotoPath } from './report';

describe('nextStep', () => {
  it('moves received → investigating → concluded, the last needing an outcome', () => {
    expect(nextStep({ status: 'RECEIVED' })).toEqual({
      status: 'INVESTIGATING',
      action: '转为调查中',
      needsOutcome: false,
    });
    expect(nextStep({ status: 'INVESTIGATING' })).toEqual({
      status: 'CONCLUDED',
      action: '办结举报',
      needsOutcome: true,
    });
    expect(nextStep({ status: 'CONCLUDED' })).toBeNull();
  });
});

describe('advanceRequest', () => {
  it('asks for a note, and an outcome when concluding', () => {
    expect(advanceRequest({ status: 'RECEIVED' }, ' ', undefined)).toEqual({
      ok: false,
      error: '请填写处理说明。',
    });
    expect(advanceRequest({ status: 'RECEIVED' }, '已转纪检组调查', 'SUBSTANTIATED')).toEqual({
      ok: true,
      body: { status: 'INVESTIGATING', note: '已转纪检组调查' },
    });
    expect(advanceRequest({ status: 'INVESTIGATING' }, '经调查属实', undefined)).toEqual({
      ok: false,
      error: '请选择调查结论。',
    });
    expect(advanceRequest({ status: 'INVESTIGATING' }, '经调查属实', 'SUBSTANTIATED')).toEqual({
      ok: true,
      body: { status: 'CONCLUDED', note: '经调查属实', outcome: 'SUBSTANTIATED' },
    });
    expect(advanceRequest({ status: 'CONCLUDED' }, 'x', 'SUBSTANTIATED').ok).toBe(false);
  });
});

describe('categoryLabel / reportPhotoPath', () => {
  it('labels 六不准 and 九不得 categories, and never shows an unknown code', () => {
    expect(categoryLabel('SIX_1')).toMatch(/^六不准：/);
    expect(categoryLabel('NINE_9')).toMatch(/^九不得：/);
    expect(categoryLabel('OTHER')).toBe('其他违规行为');
    expect(categoryLabel('ZZZ')).toBe('未列明的类别');
  });

  it('points at the protected photo endpoint', () => {
    expect(reportPhotoPath('r-1', 2)).toBe('/api/v1/reports/r-1/photos/2');
  });
});
