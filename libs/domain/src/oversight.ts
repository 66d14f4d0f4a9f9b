import { SIX_PROHIBITIONS } from './conduct';

/**
 * What supervisors act on: follow-up cases opened by 差 ratings (回访核实), misconduct reports
 * (监督举报) under the 六不准 and 九不得, and monthly spot checks of ratings (抽查).
 */

/** “九不得” (seed 000/003): what officials must not do with firms, shortened to one line each. */
export const NINE_PROHIBITIONS: readonly string[] = [
  '不得向企业乱伸手，滥用自由裁量权，乱检查、乱摊派、乱收费、乱罚款',
  '不得人为设置障碍、选择性执法，不作为、慢作为，截留涉企优惠政策，违规指定中介',
  '不得制定实施歧视性政策，“戴着有色眼镜”看待民营企业、个体工商户',
  '不得只挂名不履职、只联络不服务，对企业合理诉求推诿扯皮、置若罔闻',
  '不得收受财物，接受企业宴请或旅游、健身、娱乐等活动安排，向企业摊派、报销费用',
  '不得违规干预和插手企业项目选定、招标、工程建设、采购销售等市场经济活动',
  '不得违规在企业兼职、挂靠或借用资格资质证书，安排亲属到企业就业或挂名领薪',
  '不得违规插手企业经济纠纷，超权限、超范围采取查封、扣押、冻结等措施',
  '不得“新官不理旧账”，擅自改变或不执行与企业依法签订的合同，拖欠企业账款',
];

/** A report's categories: SIX_1 … SIX_6 (六不准), NINE_1 … NINE_9 (九不得), OTHER. */
export const MISCONDUCT_CATEGORIES = [
  ...SIX_PROHIBITIONS.map((_, i) => `SIX_${i + 1}`),
  ...NINE_PROHIBITIONS.map((_, i) => `NINE_${i + 1}`),
  'OTHER',
] as const;
export type MisconductCategory = string;

export const MISCONDUCT_CATEGORY_LABELS: Readonly<Record<string, string>> = Object.freeze({
  ...Object.fromEntries(SIX_PROHIBITIONS.map((text, i) => [`SIX_${i + 1}`, `六不准：${text}`])),
  ...Object.fromEntries(NINE_PROHIBITIONS.map((text, i) => [`NINE_${i + 1}`, `九不得：${text}`])),
  OTHER: '其他违规行为',
});

export function isMisconductCategory(value: unknown): value is MisconductCategory {
  return typeof value === 'string' && (MISCONDUCT_CATEGORIES as readonly string[]).includes(value);
}

export const REPORT_DESCRIPTION_MAX = 2000;
export const REPORT_PHOTOS_MAX = 4;
/** Largest photo, in bytes of JPEG or PNG. */
export const REPORT_PHOTO_MAX_BYTES = 2 * 1024 * 1024;
/** The longest data URL a photo of REPORT_PHOTO_MAX_BYTES can take (prefix + base64). */
export const PHOTO_DATA_URL_MAX_LENGTH =
  'data:image/jpeg;base64,'.length + Math.ceil(REPORT_PHOTO_MAX_BYTES / 3) * 4;

/** received → investigating → concluded; each step is an audit entry. */
export const REPORT_STATUSES = ['RECEIVED', 'INVESTIGATING', 'CONCLUDED'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

export const REPORT_STATUS_LABELS: Record<ReportStatus, string> = {
  RECEIVED: '已受理',
  INVESTIGATING: '调查中',
  CONCLUDED: '已办结',
};

/** The status a report may move to from each status. */
export const REPORT_NEXT_STATUS: Record<ReportStatus, ReportStatus | null> = {
  RECEIVED: 'INVESTIGATING',
  INVESTIGATING: 'CONCLUDED',
  CONCLUDED: null,
};

export const REPORT_OUTCOMES = [
  'SUBSTANTIATED',
  'PARTLY_SUBSTANTIATED',
  'UNSUBSTANTIATED',
] as const;
export type ReportOutcome = (typeof REPORT_OUTCOMES)[number];

export const REPORT_OUTCOME_LABELS: Record<ReportOutcome, string> = {
  SUBSTANTIATED: '属实',
  PARTLY_SUBSTANTIATED: '部分属实',
  UNSUBSTANTIATED: '不属实',
};

/** 回访核实: OPEN until the supervisor records the finding and resolution. */
export const FOLLOW_UP_STATUSES = ['OPEN', 'CLOSED'] as const;
export type FollowUpStatus = (typeof FOLLOW_UP_STATUSES)[number];

export const FOLLOW_UP_STATUS_LABELS: Record<FollowUpStatus, string> = {
  OPEN: '待核实',
  CLOSED: '已办结',
};

export const FOLLOW_UP_CONTACT_METHODS = ['PHONE', 'ON_SITE', 'OTHER'] as const;
export type FollowUpContactMethod = (typeof FOLLOW_UP_CONTACT_METHODS)[number];

export const FOLLOW_UP_CONTACT_METHOD_LABELS: Record<FollowUpContactMethod, string> = {
  PHONE: '电话回访',
  ON_SITE: '上门回访',
  OTHER: '其他方式',
};

/** What the follow-up found about the 差 rating. */
export const FOLLOW_UP_FINDINGS = ['CONFIRMED', 'PARTLY_CONFIRMED', 'NOT_CONFIRMED'] as const;
export type FollowUpFinding = (typeof FOLLOW_UP_FINDINGS)[number];

export const FOLLOW_UP_FINDING_LABELS: Record<FollowUpFinding, string> = {
  CONFIRMED: '情况属实',
  PARTLY_CONFIRMED: '部分属实',
  NOT_CONFIRMED: '情况不属实',
};

/** The result of calling a firm about its rating in a spot check (抽查). */
export const SPOT_CHECK_RESULTS = ['CONFIRMED', 'DISPUTED', 'UNREACHABLE'] as const;
export type SpotCheckResult = (typeof SPOT_CHECK_RESULTS)[number];

export const SPOT_CHECK_RESULT_LABELS: Record<SpotCheckResult, string> = {
  CONFIRMED: '企业确认评价属实',
  DISPUTED: '企业否认或评价有出入',
  UNREACHABLE: '未能联系到企业',
};

/** Free-text notes on a case, report step or spot check. */
export const OVERSIGHT_NOTE_MAX = 1000;
