import {
  CREDIT_GRADE_LABELS,
  CREDIT_GRADES,
  drawWeightsProblems,
  type CreditGrade,
  type DrawRequest,
  type DrawWeights,
} from '@qinqing/domain';

/**
 * The supervisor's form that defines a draw (双随机抽查): text fields as typed, turned into a
 * DrawRequest with every problem listed in Chinese. The base ratio is typed as a percent.
 */
export interface DrawForm {
  name: string;
  periodStart: string;
  periodEnd: string;
  officersPerTask: string;
  /** percent, e.g. '10' for 0.1 */
  baseRatioPercent: string;
  gradeWeights: Record<CreditGrade, string>;
  positiveListWeight: string;
  /** 、 , ， or spaces between names; empty = no filter */
  districts: string;
  industries: string;
}

const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** The last day of `today`'s quarter, 'YYYY-MM-DD'. */
export function quarterEnd(today: string): string {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  const endMonth = Math.ceil(month / 3) * 3;
  const lastDay = new Date(Date.UTC(year, endMonth, 0)).getUTCDate();
  return `${year}-${String(endMonth).padStart(2, '0')}-${String(lastDay).padStart(2, '0')}`;
}

/** A number as the form shows it: no float noise (0.1 × 100 → '10'). */
function numberText(value: number): string {
  return String(Math.round(value * 10_000) / 10_000);
}

/** A fresh form: the policy's (or default) weights, today to the quarter's end, 2 officers. */
export function newDrawForm(weights: DrawWeights, today: string): DrawForm {
  const gradeWeights = {} as Record<CreditGrade, string>;
  for (const grade of CREDIT_GRADES) gradeWeights[grade] = numberText(weights.creditGrade[grade]);
  return {
    name: '',
    periodStart: today,
    periodEnd: quarterEnd(today),
    officersPerTask: '2',
    baseRatioPercent: numberText(weights.baseRatio * 100),
    gradeWeights,
    positiveListWeight: numberText(weights.positiveList),
    districts: '',
    industries: '',
  };
}

/** 'A、B, C  D' → ['A', 'B', 'C', 'D'] (no duplicates). */
export function splitNames(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[、,，;；\s]+/)
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  ];
}

function parseNumber(text: string): number {
  const trimmed = text.trim();
  return trimmed === '' ? Number.NaN : Number(trimmed);
}

export type DrawFormResult = { ok: true; request: DrawRequest } | { ok: false; problems: string[] };

/** The request the form describes, or every problem with it. */
export function drawRequestOf(form: DrawForm): DrawFormResult {
  const problems: string[] = [];
  const name = form.name.trim();
  if (!name) problems.push('请填写抽查名称。');
  else if (name.length > 100) problems.push('抽查名称不能超过100个字。');

  const start = form.periodStart.trim();
  const end = form.periodEnd.trim();
  if (!DATE.test(start)) problems.push('检查期限开始日期应为 YYYY-MM-DD。');
  if (!DATE.test(end)) problems.push('检查期限结束日期应为 YYYY-MM-DD。');
  if (DATE.test(start) && DATE.test(end) && end < start) {
    problems.push('检查期限结束日期不能早于开始日期。');
  }

  const officers = parseNumber(form.officersPerTask);
  if (!Number.isInteger(officers) || officers < 1 || officers > 5) {
    problems.push('每项任务的执法人员数应为1至5的整数。');
  }

  const percent = parseNumber(form.baseRatioPercent);
  const creditGrade = {} as Record<CreditGrade, number>;
  for (const grade of CREDIT_GRADES) creditGrade[grade] = parseNumber(form.gradeWeights[grade]);
  const weights: DrawWeights = {
    baseRatio: percent / 100,
    creditGrade,
    positiveList: parseNumber(form.positiveListWeight),
  };
  if (!(percent > 0 && percent <= 100)) problems.push('基础抽查比例应大于0%且不超过100%。');
  for (const grade of CREDIT_GRADES) {
    const value = creditGrade[grade];
    if (!(value >= 0 && value <= 10)) {
      problems.push(`“${CREDIT_GRADE_LABELS[grade]}”的权重应为0至10之间的数。`);
    }
  }
  const list = weights.positiveList;
  if (!(list >= 0 && list <= 10)) problems.push('正面清单企业的权重应为0至10之间的数。');
  // The domain's own check (the API runs it too); its words are only used if ours missed something.
  if (problems.length === 0 && drawWeightsProblems(weights).length > 0) {
    problems.push(...drawWeightsProblems(weights));
  }

  if (problems.length > 0) return { ok: false, problems };
  const districts = splitNames(form.districts);
  const industries = splitNames(form.industries);
  return {
    ok: true,
    request: {
      name,
      periodStart: start,
      periodEnd: end,
      officersPerTask: officers,
      weights,
      ...(districts.length > 0 ? { districts } : {}),
      ...(industries.length > 0 ? { industries } : {}),
    },
  };
}

/** The intended chance of being drawn, per grade and for a 正面清单 firm of that grade. */
export function intendedRates(
  weights: DrawWeights,
): { grade: CreditGrade; label: string; rate: number; onListRate: number }[] {
  const clamp = (x: number) => (Number.isFinite(x) ? Math.min(1, Math.max(0, x)) : 0);
  return CREDIT_GRADES.map((grade) => {
    const rate = clamp(weights.baseRatio * weights.creditGrade[grade]);
    return {
      grade,
      label: CREDIT_GRADE_LABELS[grade],
      rate,
      onListRate: clamp(weights.baseRatio * weights.creditGrade[grade] * weights.positiveList),
    };
  });
}

/** 0.035 → '3.5%' (one decimal at most). */
export function rateText(rate: number): string {
  if (!Number.isFinite(rate) || rate <= 0) return '0%';
  return `${Math.round(rate * 1000) / 10}%`;
}
