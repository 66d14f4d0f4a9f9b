import { isCalendarDate } from '../dates';
import { DEFAULT_DRAW_WEIGHTS, type DrawWeights } from '../draws/draw';
import { CREDIT_GRADES, type CreditGrade } from '../enterprise';
import { PURPOSES, type Purpose } from '../purposes';

/**
 * Days of the month on which a firm is left alone (安静期), e.g. its production peak.
 *
 * A rule applies to a firm named in `enterpriseIds`, or whose grade is in `creditGrades`, or, with
 * `positiveListOnly`, that is on the positive list. A rule that names none of these (absent or
 * empty lists, `positiveListOnly` not true) applies to every firm.
 */
export interface QuietPeriodRule {
  daysOfMonth: readonly number[];
  enterpriseIds?: readonly string[];
  creditGrades?: readonly CreditGrade[];
  positiveListOnly?: boolean;
  /** What the admin calls the rule, e.g. “月末生产高峰”. */
  label?: string;
}

/**
 * The check-in rules a bureau can change. Thresholds are data, not constants in code; every
 * decision records the `version` it was made under.
 */
export interface CheckInPolicy {
  version: number;
  /** Purposes for which an officer may enter a firm on the positive list (无事不扰). */
  positiveListAllowedPurposes: readonly Purpose[];
  /** On-site visits per firm per calendar year by units of the same level. */
  annualCapPerUnitLevel: number;
  /**
   * Purposes that are neither counted against nor limited by the annual cap. COMPLAINT_VERIFICATION
   * always is, listed or not; validatePolicy asks for it to be listed so that the data says so.
   */
  capExemptPurposes: readonly Purpose[];
  /** A visit within this many days after another one, without a new cause, is a repeat. */
  repeatVisitWindowDays: number;
  quietPeriods: readonly QuietPeriodRule[];
  /** Purposes refused during a quiet period; COMPLAINT_VERIFICATION never is, even if listed. */
  quietPeriodRefusedPurposes: readonly Purpose[];
  /** Used for a gate without a radius of its own. */
  geofenceDefaultRadiusM: number;
  /** An offline check-in uploaded later than this many days after the scan is a late sync. */
  backfillWindowDays: number;
  /** A phone clock ahead of the server by more than this many minutes is not trusted. */
  clockSkewToleranceMinutes: number;
  /** 行政处罚法 art. 42: enforcement by at least two officers. */
  minOfficers: number;
  /** Offset from UTC of the bureau's time, for “day of month” and “calendar year” (China: 480). */
  utcOffsetMinutes: number;
  /** 好差评: a firm may rate a visit within this many days after check-out. */
  ratingWindowDays: number;
  /**
   * Officers see their own ratings only aggregated, released in batches of whole months holding at
   * least this many ratings (see lastReleasedMonth).
   */
  ratingReleaseMinCount: number;
  /** 回访核实: a follow-up case opened by a 差 rating is due this many days later. */
  followUpDeadlineDays: number;
  /** 双随机: the base ratio and the credit-grade and positive-list weights of a draw. */
  drawWeights: DrawWeights;
  /** 回避: an officer who inspected a firm within this many months is not drawn for it. */
  drawRecentInspectionMonths: number;
  /**
   * 属地管辖 exceptions: joint enforcement (联合执法) or designated jurisdiction (指定管辖). A
   * check-in whose reference names one of these, by an officer of a listed unit at a listed firm
   * within its dates, is not flagged OUT_OF_JURISDICTION.
   */
  jurisdictionAssignments: readonly JurisdictionAssignment[];
}

export const JURISDICTION_ASSIGNMENT_KINDS = ['JOINT', 'DESIGNATED'] as const;
export type JurisdictionAssignmentKind = (typeof JURISDICTION_ASSIGNMENT_KINDS)[number];
export const JURISDICTION_ASSIGNMENT_KIND_LABELS: Record<JurisdictionAssignmentKind, string> = {
  JOINT: '联合执法',
  DESIGNATED: '指定管辖',
};

export interface JurisdictionAssignment {
  /** The document a check-in names as its reference, e.g. 郑环指〔2026〕3号. */
  reference: string;
  kind: JurisdictionAssignmentKind;
  /** The units whose officers it allows (their own unit, not their subtree). */
  unitIds: readonly string[];
  /** The firms it covers. */
  enterpriseIds: readonly string[];
  /** 'YYYY-MM-DD', inclusive, in the bureau's time. */
  validFrom: string;
  validTo: string;
}

export const DEFAULT_CHECK_IN_POLICY: CheckInPolicy = deepFreeze({
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

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object') {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

/** Numeric fields: the label the admin reads and the smallest value allowed. */
const NUMBER_FIELDS: readonly {
  key: keyof CheckInPolicy;
  label: string;
  min: number;
  integer: boolean;
}[] = [
  { key: 'version', label: '策略版本号', min: 1, integer: true },
  { key: 'annualCapPerUnitLevel', label: '同级单位每年现场检查上限', min: 1, integer: true },
  { key: 'repeatVisitWindowDays', label: '重复检查判定天数', min: 0, integer: false },
  { key: 'geofenceDefaultRadiusM', label: '默认打卡范围半径（米）', min: 1, integer: false },
  { key: 'backfillWindowDays', label: '离线打卡补录期限（天）', min: 0, integer: false },
  { key: 'clockSkewToleranceMinutes', label: '手机时间允许偏差（分钟）', min: 0, integer: false },
  { key: 'minOfficers', label: '最少执法人员数', min: 1, integer: true },
  { key: 'ratingWindowDays', label: '签退后可评价天数', min: 1, integer: false },
  { key: 'ratingReleaseMinCount', label: '评价汇总每批最少条数', min: 1, integer: true },
  { key: 'followUpDeadlineDays', label: '差评回访核实期限（天）', min: 1, integer: false },
  { key: 'drawRecentInspectionMonths', label: '抽查回避：近期检查月数', min: 0, integer: true },
];

const PURPOSE_LIST_FIELDS: readonly { key: keyof CheckInPolicy; label: string }[] = [
  { key: 'positiveListAllowedPurposes', label: '正面清单企业允许的事由' },
  { key: 'capExemptPurposes', label: '不计入年度上限的事由' },
  { key: 'quietPeriodRefusedPurposes', label: '安静期内不予入企的事由' },
];

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const isInteger = (value: unknown): value is number => Number.isInteger(value);

/**
 * The problems of a policy an admin submits, each a sentence in Chinese naming the field; an empty
 * list means the policy can be saved. Accepts anything, so a raw request body can be checked.
 */
export function validatePolicy(policy: unknown): string[] {
  if (!isRecord(policy)) return ['检查策略应为一个对象。'];
  const problems: string[] = [];

  for (const { key, label, min, integer } of NUMBER_FIELDS) {
    const value = policy[key];
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      problems.push(`${label}（${key}）应为数字。`);
    } else if (integer && !Number.isInteger(value)) {
      problems.push(`${label}（${key}）应为整数。`);
    } else if (value < min) {
      problems.push(`${label}（${key}）不能小于${min}。`);
    }
  }

  const offset = policy.utcOffsetMinutes;
  if (!isInteger(offset) || offset < -720 || offset > 840) {
    problems.push('时区偏移（utcOffsetMinutes）应为-720至840之间的整数分钟（中国为480）。');
  }

  for (const { key, label } of PURPOSE_LIST_FIELDS) {
    problems.push(...purposeListProblems(policy[key], `${label}（${key}）`));
  }

  const exempt = policy.capExemptPurposes;
  if (Array.isArray(exempt) && !exempt.includes('COMPLAINT_VERIFICATION')) {
    problems.push(
      '信访举报核实始终不受年度现场检查上限限制，请保留在不计入年度上限的事由（capExemptPurposes）中。',
    );
  }

  problems.push(...drawWeightsProblems(policy.drawWeights));

  const assignments = policy.jurisdictionAssignments;
  if (!Array.isArray(assignments)) {
    problems.push('联合执法与指定管辖（jurisdictionAssignments）应为列表。');
  } else {
    assignments.forEach((a, index) =>
      problems.push(...jurisdictionAssignmentProblems(a, index + 1)),
    );
  }

  const rules = policy.quietPeriods;
  if (!Array.isArray(rules)) {
    problems.push('安静期（quietPeriods）应为列表。');
  } else {
    rules.forEach((rule, index) => problems.push(...quietPeriodProblems(rule, index + 1)));
  }

  return problems;
}

/** Whether a value is a policy that can be used as is. */
export function isCheckInPolicy(value: unknown): value is CheckInPolicy {
  return validatePolicy(value).length === 0;
}

/** The problems of a draw's weights (also checked when a draw brings its own). */
export function drawWeightsProblems(weights: unknown): string[] {
  if (!isRecord(weights)) return ['抽查权重（drawWeights）应为一个对象。'];
  const problems: string[] = [];
  const ratio = weights.baseRatio;
  if (typeof ratio !== 'number' || !(ratio > 0 && ratio <= 1)) {
    problems.push('基础抽查比例（baseRatio）应为大于0且不超过1的数。');
  }
  const list = weights.positiveList;
  if (typeof list !== 'number' || !(list >= 0 && list <= 10)) {
    problems.push('正面清单企业权重（positiveList）应为0至10之间的数。');
  }
  const grades = weights.creditGrade;
  if (!isRecord(grades)) {
    problems.push('信用等级权重（creditGrade）应为一个对象。');
  } else {
    for (const grade of CREDIT_GRADES) {
      const value = grades[grade];
      if (typeof value !== 'number' || !(value >= 0 && value <= 10)) {
        problems.push(`信用等级“${grade}”的权重应为0至10之间的数。`);
      }
    }
  }
  return problems;
}

function purposeListProblems(value: unknown, field: string): string[] {
  if (!Array.isArray(value)) return [`${field}应为事由列表。`];
  const problems: string[] = [];
  const unknown = value.filter((item) => !(PURPOSES as readonly unknown[]).includes(item));
  if (unknown.length > 0)
    problems.push(`${field}含有未知事由：${unknown.map(String).join('、')}。`);
  if (new Set(value).size !== value.length) problems.push(`${field}含有重复的事由。`);
  return problems;
}

function quietPeriodProblems(rule: unknown, number: number): string[] {
  const name = `第${number}条安静期`;
  if (!isRecord(rule)) return [`${name}应为一个对象。`];
  const problems: string[] = [];

  const days = rule.daysOfMonth;
  if (!Array.isArray(days) || days.length === 0) {
    problems.push(`${name}应至少包含一个日期（daysOfMonth）。`);
  } else {
    const bad = days.filter((day) => !isInteger(day) || day < 1 || day > 31);
    if (bad.length > 0) {
      problems.push(`${name}的日期应为1至31之间的整数，以下无效：${bad.map(String).join('、')}。`);
    }
  }

  const ids = rule.enterpriseIds;
  if (ids !== undefined) {
    if (!Array.isArray(ids)) {
      problems.push(`${name}的适用企业（enterpriseIds）应为企业编号列表。`);
    } else if (ids.some((id) => typeof id !== 'string' || id.trim() === '')) {
      problems.push(`${name}的适用企业（enterpriseIds）含有空白或无效的企业编号。`);
    }
  }

  const grades = rule.creditGrades;
  if (grades !== undefined) {
    if (!Array.isArray(grades)) {
      problems.push(`${name}的适用信用等级（creditGrades）应为信用等级列表。`);
    } else {
      const unknown = grades.filter((g) => !(CREDIT_GRADES as readonly unknown[]).includes(g));
      if (unknown.length > 0) {
        problems.push(`${name}含有未知的信用等级：${unknown.map(String).join('、')}。`);
      }
    }
  }

  if (rule.positiveListOnly !== undefined && typeof rule.positiveListOnly !== 'boolean') {
    problems.push(`${name}的“仅限正面清单企业”（positiveListOnly）应为是或否。`);
  }
  if (rule.label !== undefined && typeof rule.label !== 'string') {
    problems.push(`${name}的名称（label）应为文字。`);
  }
  return problems;
}

const isIdList = (value: unknown): value is string[] =>
  Array.isArray(value) && value.length > 0 && value.every((v) => typeof v === 'string' && v !== '');

function jurisdictionAssignmentProblems(value: unknown, n: number): string[] {
  const where = `第${n}项联合执法或指定管辖`;
  if (!isRecord(value)) return [`${where}应为一个对象。`];
  const problems: string[] = [];
  if (typeof value.reference !== 'string' || value.reference.trim() === '') {
    problems.push(`${where}应有文号（reference），检查事由的依据填写该文号。`);
  }
  if (!JURISDICTION_ASSIGNMENT_KINDS.includes(value.kind as JurisdictionAssignmentKind)) {
    problems.push(`${where}的类型（kind）应为联合执法（JOINT）或指定管辖（DESIGNATED）。`);
  }
  if (!isIdList(value.unitIds)) problems.push(`${where}应至少列出一个执法单位（unitIds）。`);
  if (!isIdList(value.enterpriseIds))
    problems.push(`${where}应至少列出一家企业（enterpriseIds）。`);
  if (!isCalendarDate(value.validFrom) || !isCalendarDate(value.validTo)) {
    problems.push(`${where}的起止日期（validFrom、validTo）应为真实日期，如 2026-12-01。`);
  } else if (value.validFrom > value.validTo) {
    problems.push(`${where}的开始日期不能晚于结束日期。`);
  }
  return problems;
}
