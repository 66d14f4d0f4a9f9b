import { DEFAULT_DRAW_WEIGHTS } from '../draws/draw';
import {
  DEFAULT_CHECK_IN_POLICY,
  isCheckInPolicy,
  validatePolicy,
  type CheckInPolicy,
} from './policy';

const hasChinese = (text: string) => /[\u4e00-\u9fff]/.test(text);

const withPolicy = (overrides: Record<string, unknown>): unknown => ({
  ...DEFAULT_CHECK_IN_POLICY,
  ...overrides,
});

describe('check-in policy', () => {
  it('has the defaults of the bureaus', () => {
    expect(DEFAULT_CHECK_IN_POLICY).toEqual<CheckInPolicy>({
      version: 1,
      positiveListAllowedPurposes: ['COMPLAINT_VERIFICATION', 'REQUESTED_SERVICE'],
      annualCapPerUnitLevel: 2,
      capExemptPurposes: ['COMPLAINT_VERIFICATION', 'REQUESTED_SERVICE'],
      repeatVisitWindowDays: 7,
      quietPeriods: [],
      quietPeriodRefusedPurposes: ['ROUTINE'],
      geofenceDefaultRadiusM: 200,
      backfillWindowDays: 10,
      clockSkewToleranceMinutes: 5,
      minOfficers: 2,
      utcOffsetMinutes: 480,
      ratingWindowDays: 7,
      ratingReleaseMinCount: 5,
      followUpDeadlineDays: 10,
      drawWeights: DEFAULT_DRAW_WEIGHTS,
      drawRecentInspectionMonths: 12,
      jurisdictionAssignments: [],
    });
  });

  it('takes joint-enforcement and designated-jurisdiction assignments, each checked in words', () => {
    const assignment = {
      reference: '郑环指〔2026〕3号',
      kind: 'DESIGNATED',
      unitIds: ['unit-xinzheng'],
      enterpriseIds: ['firm-sinian'],
      validFrom: '2026-11-01',
      validTo: '2026-12-31',
    };
    expect(validatePolicy(withPolicy({ jurisdictionAssignments: [assignment] }))).toEqual([]);
    const problems = validatePolicy(
      withPolicy({
        jurisdictionAssignments: [
          { ...assignment, reference: ' ', kind: 'OTHER', unitIds: [], enterpriseIds: 'x' },
          { ...assignment, validFrom: '2026-02-30' },
          { ...assignment, validFrom: '2027-01-01' },
        ],
      }),
    );
    expect(problems).toHaveLength(6);
    for (const problem of problems) expect(hasChinese(problem)).toBe(true);
    expect(problems.join('\n')).toMatch(/第1项.*文号/);
    expect(problems.join('\n')).toMatch(/第2项.*真实日期/);
    expect(problems.join('\n')).toMatch(/第3项.*开始日期不能晚于结束日期/);
    expect(validatePolicy(withPolicy({ jurisdictionAssignments: {} }))).toEqual([
      '联合执法与指定管辖（jurisdictionAssignments）应为列表。',
    ]);
  });

  it('cannot be changed by accident', () => {
    expect(Object.isFrozen(DEFAULT_CHECK_IN_POLICY)).toBe(true);
    expect(Object.isFrozen(DEFAULT_CHECK_IN_POLICY.positiveListAllowedPurposes)).toBe(true);
  });

  it('accepts the default and a policy with quiet periods', () => {
    expect(validatePolicy(DEFAULT_CHECK_IN_POLICY)).toEqual([]);
    const policy = withPolicy({
      version: 3,
      quietPeriods: [
        { daysOfMonth: [1, 31], label: '月初月末' },
        { daysOfMonth: [15], enterpriseIds: ['firm-1'], creditGrades: ['TRUSTWORTHY'] },
        { daysOfMonth: [10], positiveListOnly: true },
      ],
    });
    expect(validatePolicy(policy)).toEqual([]);
    expect(isCheckInPolicy(policy)).toBe(true);
  });

  it.each<[string, Record<string, unknown>, RegExp]>([
    ['a negative cap', { annualCapPerUnitLevel: -1 }, /annualCapPerUnitLevel.*不能小于1/],
    ['a zero cap', { annualCapPerUnitLevel: 0 }, /annualCapPerUnitLevel/],
    ['a fractional cap', { annualCapPerUnitLevel: 1.5 }, /annualCapPerUnitLevel.*整数/],
    ['a version of 0', { version: 0 }, /version/],
    ['a negative window', { repeatVisitWindowDays: -7 }, /repeatVisitWindowDays.*不能小于0/],
    [
      'a window that is not a number',
      { repeatVisitWindowDays: '7' },
      /repeatVisitWindowDays.*数字/,
    ],
    ['an infinite backfill window', { backfillWindowDays: Infinity }, /backfillWindowDays/],
    ['a negative skew tolerance', { clockSkewToleranceMinutes: -5 }, /clockSkewToleranceMinutes/],
    ['a zero radius', { geofenceDefaultRadiusM: 0 }, /geofenceDefaultRadiusM/],
    ['no officers', { minOfficers: 0 }, /minOfficers/],
    ['an offset beyond +14:00', { utcOffsetMinutes: 900 }, /utcOffsetMinutes/],
    ['a missing offset', { utcOffsetMinutes: undefined }, /utcOffsetMinutes/],
    [
      'an unknown purpose',
      { positiveListAllowedPurposes: ['ROUTINE', 'PARTY'] },
      /未知事由：PARTY/,
    ],
    ['a repeated purpose', { quietPeriodRefusedPurposes: ['ROUTINE', 'ROUTINE'] }, /重复/],
    ['purposes that are not a list', { capExemptPurposes: 'ROUTINE' }, /capExemptPurposes/],
    [
      'complaints no longer cap-exempt',
      { capExemptPurposes: [] },
      /信访举报核实.*capExemptPurposes/,
    ],
    ['quiet periods that are not a list', { quietPeriods: {} }, /quietPeriods/],
    ['a quiet day 0', { quietPeriods: [{ daysOfMonth: [0, 15] }] }, /第1条安静期.*0/],
    ['a quiet day 32', { quietPeriods: [{ daysOfMonth: [32] }] }, /第1条安静期.*32/],
    ['a fractional quiet day', { quietPeriods: [{ daysOfMonth: [1.5] }] }, /1\.5/],
    ['no quiet days', { quietPeriods: [{ daysOfMonth: [1] }, { daysOfMonth: [] }] }, /第2条安静期/],
    ['an unknown grade', { quietPeriods: [{ daysOfMonth: [1], creditGrades: ['AAA'] }] }, /AAA/],
    ['a blank firm id', { quietPeriods: [{ daysOfMonth: [1], enterpriseIds: [' '] }] }, /企业编号/],
    [
      'a list flag that is not a boolean',
      { quietPeriods: [{ daysOfMonth: [1], positiveListOnly: 'yes' }] },
      /positiveListOnly/,
    ],
    ['a rule that is not an object', { quietPeriods: [null] }, /第1条安静期/],
  ])('reports %s in Chinese', (_, overrides, expected) => {
    const problems = validatePolicy(withPolicy(overrides));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(expected);
    expect(hasChinese(problems[0])).toBe(true);
    expect(isCheckInPolicy(withPolicy(overrides))).toBe(false);
  });

  it('reports every problem at once', () => {
    const problems = validatePolicy(withPolicy({ minOfficers: -1, backfillWindowDays: -1 }));
    expect(problems).toHaveLength(2);
  });

  it.each([null, undefined, 'policy', 42, []])('rejects %j as a policy', (value) => {
    expect(validatePolicy(value)).toEqual(['检查策略应为一个对象。']);
  });

  it('reports every missing field of an empty object', () => {
    expect(validatePolicy({}).length).toBeGreaterThanOrEqual(12);
  });
});
