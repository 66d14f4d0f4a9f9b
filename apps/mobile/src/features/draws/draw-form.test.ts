import { DEFAULT_DRAW_WEIGHTS } from '@qinqing/domain';

import {
  drawRequestOf,
  intendedRates,
  newDrawForm,
  quarterEnd,
  rateText,
  splitNames,
} from './draw-form';

describe('the draw form', () => {
  it('starts from the weights given, today to the quarter’s end, 2 officers per task', () => {
    const form = newDrawForm(DEFAULT_DRAW_WEIGHTS, '2026-11-22');
    expect(form).toMatchObject({
      periodStart: '2026-11-22',
      periodEnd: '2026-12-31',
      officersPerTask: '2',
      baseRatioPercent: '10',
      positiveListWeight: '0.2',
    });
    expect(form.gradeWeights.SERIOUSLY_DISHONEST).toBe('2');
    expect(quarterEnd('2026-02-10')).toBe('2026-03-31');
    expect(quarterEnd('2028-02-10')).toBe('2028-03-31');
    expect(quarterEnd('2026-04-01')).toBe('2026-06-30');
  });

  it('turns a filled form into the request, with the base ratio as a share and filters split', () => {
    const form = {
      ...newDrawForm(DEFAULT_DRAW_WEIGHTS, '2026-11-22'),
      name: ' 2026年第四季度双随机抽查 ',
      baseRatioPercent: '5',
      districts: '金水区、新郑市',
      industries: '',
    };
    const result = drawRequestOf(form);
    expect(result).toEqual({
      ok: true,
      request: {
        name: '2026年第四季度双随机抽查',
        periodStart: '2026-11-22',
        periodEnd: '2026-12-31',
        officersPerTask: 2,
        weights: { ...DEFAULT_DRAW_WEIGHTS, baseRatio: 0.05 },
        districts: ['金水区', '新郑市'],
      },
    });
  });

  it('lists every problem in Chinese and gives no request', () => {
    const form = {
      ...newDrawForm(DEFAULT_DRAW_WEIGHTS, '2026-11-22'),
      periodEnd: '2026-11-01',
      officersPerTask: '0',
      baseRatioPercent: '0',
      positiveListWeight: 'abc',
    };
    form.gradeWeights = { ...form.gradeWeights, WARNING: '11' };
    const result = drawRequestOf(form);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems).toEqual([
      '请填写抽查名称。',
      '检查期限结束日期不能早于开始日期。',
      '每项任务的执法人员数应为1至5的整数。',
      '基础抽查比例应大于0%且不超过100%。',
      '“警示”的权重应为0至10之间的数。',
      '正面清单企业的权重应为0至10之间的数。',
    ]);
    expect(drawRequestOf({ ...form, name: 'x', periodStart: '2026/11/01' }).ok).toBe(false);
  });

  it('splits names on Chinese and Western separators, without duplicates', () => {
    expect(splitNames(' 金水区，新郑市, 金水区  中原区；')).toEqual(['金水区', '新郑市', '中原区']);
  });

  it('shows the intended chance per grade, capped at 100%', () => {
    const rates = intendedRates({ ...DEFAULT_DRAW_WEIGHTS, baseRatio: 0.6 });
    const byGrade = Object.fromEntries(rates.map((r) => [r.grade, r]));
    expect(byGrade.TRUSTWORTHY.rate).toBeCloseTo(0.3);
    expect(byGrade.SERIOUSLY_DISHONEST.rate).toBe(1);
    expect(byGrade.TRUSTWORTHY.onListRate).toBeCloseTo(0.06);
    expect(rateText(0.035)).toBe('3.5%');
    expect(rateText(0)).toBe('0%');
  });
});
