import { DEFAULT_CHECK_IN_POLICY, validatePolicy } from '@qinqing/domain';

import { daysText, fromForm, NUMBER_FIELDS, numberProblem, parseDays, toForm } from './fields';

describe('检查规则 form', () => {
  it('round-trips the default policy unchanged and valid', () => {
    const form = { ...toForm(DEFAULT_CHECK_IN_POLICY), note: '无变化' };
    const result = fromForm(form);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    const { version: _v, ...expected } = DEFAULT_CHECK_IN_POLICY;
    expect(result.policy).toEqual(expected);
    expect(validatePolicy({ ...result.policy, version: 1 })).toEqual([]);
  });

  it('shows the base ratio as a percentage and stores it as a share', () => {
    const form = toForm(DEFAULT_CHECK_IN_POLICY);
    expect(form.numbers.baseRatio).toBe('10');
    form.numbers.baseRatio = '12.5';
    form.note = '提高抽查比例';
    const result = fromForm(form);
    expect(result.ok && result.policy.drawWeights.baseRatio).toBe(0.125);
  });

  it('names each wrong field in Chinese: not a number, out of range, not whole, missing', () => {
    const form = toForm(DEFAULT_CHECK_IN_POLICY);
    form.numbers.annualCapPerUnitLevel = '0';
    form.numbers.minOfficers = '2.5';
    form.numbers.geofenceDefaultRadiusM = '两百';
    form.numbers.ratingWindowDays = '';
    form.numbers['grade.WARNING'] = '11';
    form.purposes.capExemptPurposes = ['REQUESTED_SERVICE'];
    const result = fromForm(form);
    if (result.ok) throw new Error('accepted');
    expect(result.errors).toEqual({
      annualCapPerUnitLevel: '同级单位每年现场检查上限应在 1 至 50 次之间。',
      minOfficers: '最少执法人员数应为整数。',
      geofenceDefaultRadiusM: '默认打卡范围半径应为数字。',
      ratingWindowDays: '请填写签退后可评价天数。',
      'grade.WARNING': '信用等级“警示”的权重应在 0 至 10 倍之间。',
      capExemptPurposes: '信访举报核实始终不计入年度上限，请保留。',
      note: '请写明修改原因（随新版本保存，供日后查阅）。',
    });
  });

  it('every range lies inside what the API accepts', () => {
    for (const field of NUMBER_FIELDS) {
      for (const value of [field.min, field.max]) {
        const policy = { ...DEFAULT_CHECK_IN_POLICY, [field.key]: value };
        expect([field.key, validatePolicy(policy)]).toEqual([field.key, []]);
      }
      expect(numberProblem(field, String(field.min - 1))).not.toBe('');
    }
  });

  it('reads quiet days as the admin writes them, and refuses days that are not real', () => {
    expect(parseDays('1、25-27')).toEqual({ days: [1, 25, 26, 27] });
    expect(parseDays('28至31，5日 5')).toEqual({ days: [5, 28, 29, 30, 31] });
    expect(parseDays('25-32')).toEqual({
      problem: '“25-32”不是每月的真实日期，日期应在 1 至 31 之间。',
    });
    expect(parseDays('0')).toEqual({ problem: '“0”不是每月的真实日期，日期应在 1 至 31 之间。' });
    expect(parseDays('31-25')).toEqual({
      problem: '“31-25”的起止颠倒了，应先写小的日期，例如 25-31。',
    });
    expect(parseDays('月底')).toEqual({ problem: '“月底”不是日期，请写数字，例如 1、25-31。' });
    expect(parseDays(' ')).toEqual({ problem: '请填写每月的哪几天，例如 1、25-31。' });
    expect(daysText([31, 1, 25, 26, 27, 29])).toBe('1、25-27、29、31');
  });

  it('keeps a quiet period rule with its grades and firms', () => {
    const policy = {
      ...DEFAULT_CHECK_IN_POLICY,
      quietPeriods: [
        { daysOfMonth: [28, 29, 30], label: '月末', creditGrades: ['TRUSTWORTHY' as const] },
        { daysOfMonth: [1], enterpriseIds: ['e1'], positiveListOnly: true },
      ],
    };
    const form = { ...toForm(policy), note: '不变' };
    expect(form.quiet[0].days).toBe('28-30');
    const result = fromForm(form);
    expect(result.ok && result.policy.quietPeriods).toEqual(policy.quietPeriods);
  });
});
