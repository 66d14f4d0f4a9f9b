import {
  CREDIT_GRADE_LABELS,
  CREDIT_GRADES,
  PURPOSE_INFO,
  PURPOSES,
  type CheckInPolicy,
  type CreditGrade,
  type JurisdictionAssignment,
  type Purpose,
  type QuietPeriodRule,
} from '@qinqing/domain';

/**
 * 检查规则 as the admin reads and edits them: every field of CheckInPolicy with its Chinese label,
 * unit and allowed range (inside what validatePolicy accepts), a form state of texts, and the
 * readable value of each field for the comparison of two versions.
 */

export type NumberKey =
  | 'annualCapPerUnitLevel'
  | 'repeatVisitWindowDays'
  | 'geofenceDefaultRadiusM'
  | 'backfillWindowDays'
  | 'clockSkewToleranceMinutes'
  | 'minOfficers'
  | 'utcOffsetMinutes'
  | 'ratingWindowDays'
  | 'ratingReleaseMinCount'
  | 'followUpDeadlineDays'
  | 'drawRecentInspectionMonths';

export interface NumberField {
  id: string;
  label: string;
  unit: string;
  min: number;
  max: number;
  integer: boolean;
  help?: string;
}

export const NUMBER_FIELDS: readonly (NumberField & { key: NumberKey; section: SectionId })[] = [
  {
    key: 'minOfficers',
    section: 'entry',
    id: 'minOfficers',
    label: '最少执法人员数',
    unit: '人',
    min: 1,
    max: 10,
    integer: true,
    help: '行政处罚法第四十二条：执法人员不得少于两人。',
  },
  {
    key: 'annualCapPerUnitLevel',
    section: 'entry',
    id: 'annualCapPerUnitLevel',
    label: '同级单位每年现场检查上限',
    unit: '次',
    min: 1,
    max: 50,
    integer: true,
    help: '同一企业每个自然年内同级执法单位的现场检查次数上限。',
  },
  {
    key: 'repeatVisitWindowDays',
    section: 'entry',
    id: 'repeatVisitWindowDays',
    label: '重复检查判定天数',
    unit: '天',
    min: 0,
    max: 365,
    integer: false,
    help: '上次检查后这么多天内再次入企、又无新事由的，记为重复检查。',
  },
  {
    key: 'geofenceDefaultRadiusM',
    section: 'entry',
    id: 'geofenceDefaultRadiusM',
    label: '默认打卡范围半径',
    unit: '米',
    min: 1,
    max: 5000,
    integer: false,
    help: '门岗未单独设置半径时使用。',
  },
  {
    key: 'backfillWindowDays',
    section: 'device',
    id: 'backfillWindowDays',
    label: '离线打卡补录期限',
    unit: '天',
    min: 0,
    max: 90,
    integer: false,
    help: '离线打卡超过这么多天才上传的，记为迟报。',
  },
  {
    key: 'clockSkewToleranceMinutes',
    section: 'device',
    id: 'clockSkewToleranceMinutes',
    label: '手机时间允许偏差',
    unit: '分钟',
    min: 0,
    max: 120,
    integer: false,
  },
  {
    key: 'utcOffsetMinutes',
    section: 'device',
    id: 'utcOffsetMinutes',
    label: '本局所在时区（与协调世界时相差）',
    unit: '分钟',
    min: -720,
    max: 840,
    integer: true,
    help: '中国为 480（东八区）。用于判断“每月几号”和“自然年”。',
  },
  {
    key: 'ratingWindowDays',
    section: 'rating',
    id: 'ratingWindowDays',
    label: '签退后可评价天数',
    unit: '天',
    min: 1,
    max: 90,
    integer: false,
  },
  {
    key: 'ratingReleaseMinCount',
    section: 'rating',
    id: 'ratingReleaseMinCount',
    label: '评价汇总每批最少条数',
    unit: '条',
    min: 1,
    max: 100,
    integer: true,
    help: '执法人员只能按整月成批看到自己的评价，每批至少这么多条。',
  },
  {
    key: 'followUpDeadlineDays',
    section: 'rating',
    id: 'followUpDeadlineDays',
    label: '差评回访核实期限',
    unit: '天',
    min: 1,
    max: 90,
    integer: false,
  },
  {
    key: 'drawRecentInspectionMonths',
    section: 'draw',
    id: 'drawRecentInspectionMonths',
    label: '抽查回避：近期检查过该企业的月数',
    unit: '个月',
    min: 0,
    max: 60,
    integer: true,
  },
];

/** The weights of a draw, as form fields (the base ratio as a percentage). */
export const WEIGHT_FIELDS: readonly (NumberField & { grade?: CreditGrade })[] = [
  {
    id: 'baseRatio',
    label: '基础抽查比例',
    unit: '%',
    min: 0.1,
    max: 100,
    integer: false,
    help: '一般企业（权重为 1）被抽中的比例。',
  },
  ...CREDIT_GRADES.map((grade) => ({
    id: `grade.${grade}`,
    grade,
    label: `信用等级“${CREDIT_GRADE_LABELS[grade]}”的权重`,
    unit: '倍',
    min: 0,
    max: 10,
    integer: false,
  })),
  { id: 'positiveList', label: '正面清单企业的权重', unit: '倍', min: 0, max: 10, integer: false },
];

export type PurposeKey =
  'positiveListAllowedPurposes' | 'capExemptPurposes' | 'quietPeriodRefusedPurposes';

export const PURPOSE_FIELDS: readonly {
  key: PurposeKey;
  label: string;
  help: string;
  locked?: Purpose;
}[] = [
  {
    key: 'positiveListAllowedPurposes',
    label: '正面清单企业允许的入企事由',
    help: '无事不扰：正面清单企业只对这些事由开门。',
  },
  {
    key: 'capExemptPurposes',
    label: '不计入年度上限的事由',
    help: '信访举报核实始终不受上限限制，不能取消。',
    locked: 'COMPLAINT_VERIFICATION',
  },
  {
    key: 'quietPeriodRefusedPurposes',
    label: '安静期内不予入企的事由',
    help: '信访举报核实在安静期内也可入企。',
  },
];

export type SectionId = 'entry' | 'device' | 'rating' | 'draw';

export const SECTIONS: readonly { id: SectionId; title: string }[] = [
  { id: 'entry', title: '入企检查' },
  { id: 'device', title: '手机与离线打卡' },
  { id: 'rating', title: '好差评与回访' },
  { id: 'draw', title: '双随机抽查' },
];

export const purposeLabel = (purpose: Purpose): string => PURPOSE_INFO[purpose].label;
export const ALL_PURPOSES: readonly Purpose[] = PURPOSES;

/** One 安静期 rule as the form holds it. */
export interface QuietDraft {
  label: string;
  /** the days typed, e.g. “25-31、1” */
  days: string;
  creditGrades: CreditGrade[];
  positiveListOnly: boolean;
  /** firms named by id: kept as they are (chosen in the data, not on this screen) */
  enterpriseIds: string[];
}

/** The whole form: numbers as typed, lists, quiet periods, and why it changes. */
export interface PolicyForm {
  numbers: Record<string, string>;
  purposes: Record<PurposeKey, Purpose[]>;
  quiet: QuietDraft[];
  /** 联合执法 / 指定管辖: not edited in this form yet, carried into the new version unchanged. */
  jurisdictionAssignments: readonly JurisdictionAssignment[];
  note: string;
}

/** A number as a short text: 0.1 → “0.1”, 10 → “10”, no float noise (0.1 * 100 → “10”). */
export function numberText(value: number): string {
  return String(Number(value.toPrecision(10)));
}

/** Days of the month as the admin writes them: [1, 25, 26, 27] → “1、25-27”. */
export function daysText(days: readonly number[]): string {
  const sorted = [...new Set(days)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length;) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j += 1;
    parts.push(j > i ? `${sorted[i]}-${sorted[j]}` : String(sorted[i]));
    i = j + 1;
  }
  return parts.join('、');
}

/**
 * Reads “1、25-27” (also commas, spaces, 至 or ~ for ranges) into days; a problem in words when a
 * part is not a real day of a month (1 to 31) or the text is empty.
 */
export function parseDays(text: string): { days: number[] } | { problem: string } {
  const parts = text
    .split(/[、，,；;\s]+/)
    .map((p) => p.trim())
    .filter(Boolean);
  if (parts.length === 0) return { problem: '请填写每月的哪几天，例如 1、25-31。' };
  const days = new Set<number>();
  for (const part of parts) {
    const range = /^(\d{1,2})(?:\s*(?:-|－|~|～|至|到)\s*(\d{1,2}))?日?$/.exec(part);
    if (!range) return { problem: `“${part}”不是日期，请写数字，例如 1、25-31。` };
    const from = Number(range[1]);
    const to = range[2] === undefined ? from : Number(range[2]);
    if (from < 1 || from > 31 || to < 1 || to > 31) {
      return { problem: `“${part}”不是每月的真实日期，日期应在 1 至 31 之间。` };
    }
    if (to < from) return { problem: `“${part}”的起止颠倒了，应先写小的日期，例如 25-31。` };
    for (let d = from; d <= to; d += 1) days.add(d);
  }
  return { days: [...days].sort((a, b) => a - b) };
}

export function toForm(policy: CheckInPolicy): PolicyForm {
  const numbers: Record<string, string> = {};
  for (const field of NUMBER_FIELDS) numbers[field.id] = numberText(policy[field.key]);
  const weights = policy.drawWeights;
  numbers.baseRatio = numberText(weights.baseRatio * 100);
  for (const grade of CREDIT_GRADES)
    numbers[`grade.${grade}`] = numberText(weights.creditGrade[grade]);
  numbers.positiveList = numberText(weights.positiveList);
  return {
    numbers,
    purposes: {
      positiveListAllowedPurposes: [...policy.positiveListAllowedPurposes],
      capExemptPurposes: [...policy.capExemptPurposes],
      quietPeriodRefusedPurposes: [...policy.quietPeriodRefusedPurposes],
    },
    quiet: policy.quietPeriods.map(toQuietDraft),
    // Versions stored before the field existed lack it.
    jurisdictionAssignments: policy.jurisdictionAssignments ?? [],
    note: '',
  };
}

export function toQuietDraft(rule: QuietPeriodRule): QuietDraft {
  return {
    label: rule.label ?? '',
    days: daysText(rule.daysOfMonth),
    creditGrades: [...(rule.creditGrades ?? [])],
    positiveListOnly: rule.positiveListOnly === true,
    enterpriseIds: [...(rule.enterpriseIds ?? [])],
  };
}

export const EMPTY_QUIET: QuietDraft = {
  label: '',
  days: '',
  creditGrades: [],
  positiveListOnly: false,
  enterpriseIds: [],
};

/** A number field's problem in Chinese, or '' when the text is a number in range. */
export function numberProblem(field: NumberField, text: string): string {
  const trimmed = text.trim();
  if (trimmed === '') return `请填写${field.label}。`;
  if (!/^-?\d+(\.\d+)?$/.test(trimmed)) return `${field.label}应为数字。`;
  const value = Number(trimmed);
  if (field.integer && !Number.isInteger(value)) return `${field.label}应为整数。`;
  if (value < field.min || value > field.max) {
    return `${field.label}应在 ${numberText(field.min)} 至 ${numberText(field.max)}${field.unit === '%' ? '%' : ` ${field.unit}`}之间。`;
  }
  return '';
}

export type FormErrors = Record<string, string>;

/**
 * The policy the form describes, or the problem of each field (keyed by the field's id:
 * a number's id, a purpose list's key, `quiet.<n>.days`, `note`).
 */
export function fromForm(
  form: PolicyForm,
):
  | { ok: true; policy: Omit<CheckInPolicy, 'version'>; note: string }
  | { ok: false; errors: FormErrors } {
  const errors: FormErrors = {};
  for (const field of [...NUMBER_FIELDS, ...WEIGHT_FIELDS]) {
    const problem = numberProblem(field, form.numbers[field.id] ?? '');
    if (problem) errors[field.id] = problem;
  }
  if (!form.purposes.capExemptPurposes.includes('COMPLAINT_VERIFICATION')) {
    errors.capExemptPurposes = '信访举报核实始终不计入年度上限，请保留。';
  }
  const quietPeriods: QuietPeriodRule[] = [];
  form.quiet.forEach((draft, index) => {
    const parsed = parseDays(draft.days);
    if ('problem' in parsed) {
      errors[`quiet.${index}.days`] = parsed.problem;
      return;
    }
    quietPeriods.push({
      daysOfMonth: parsed.days,
      ...(draft.label.trim() ? { label: draft.label.trim() } : {}),
      ...(draft.creditGrades.length > 0 ? { creditGrades: [...draft.creditGrades] } : {}),
      ...(draft.positiveListOnly ? { positiveListOnly: true } : {}),
      ...(draft.enterpriseIds.length > 0 ? { enterpriseIds: [...draft.enterpriseIds] } : {}),
    });
  });
  const note = form.note.trim();
  if (!note) errors.note = '请写明修改原因（随新版本保存，供日后查阅）。';
  else if (note.length > 500) errors.note = '修改原因不能超过 500 字。';
  if (Object.keys(errors).length > 0) return { ok: false, errors };

  const num = (id: string) => Number(form.numbers[id].trim());
  const policy = Object.fromEntries(NUMBER_FIELDS.map((f) => [f.key, num(f.id)])) as Record<
    NumberKey,
    number
  >;
  return {
    ok: true,
    note,
    policy: {
      ...policy,
      positiveListAllowedPurposes: ordered(form.purposes.positiveListAllowedPurposes),
      capExemptPurposes: ordered(form.purposes.capExemptPurposes),
      quietPeriodRefusedPurposes: ordered(form.purposes.quietPeriodRefusedPurposes),
      quietPeriods,
      jurisdictionAssignments: [...form.jurisdictionAssignments],
      drawWeights: {
        baseRatio: Number((num('baseRatio') / 100).toPrecision(10)),
        creditGrade: Object.fromEntries(CREDIT_GRADES.map((g) => [g, num(`grade.${g}`)])) as Record<
          CreditGrade,
          number
        >,
        positiveList: num('positiveList'),
      },
    },
  };
}

/** Purposes in the order of the purpose list, without repeats. */
const ordered = (purposes: readonly Purpose[]): Purpose[] =>
  PURPOSES.filter((p) => purposes.includes(p));
