/** The outcome of a check-in attempt at a gate. */
export const CHECK_IN_OUTCOMES = ['ALLOWED', 'FLAGGED', 'REFUSED'] as const;
export type CheckInOutcome = (typeof CHECK_IN_OUTCOMES)[number];

export const CHECK_IN_OUTCOME_LABELS: Record<CheckInOutcome, string> = {
  ALLOWED: '允许入企',
  FLAGGED: '允许但已记录',
  REFUSED: '不予入企',
};

/** What an officer records at check-out. */
export const FINDINGS = [
  'NO_ISSUE',
  'RECTIFY_ORDERED',
  'CASE_FILED',
  'MINOR_NO_PENALTY',
  'GUIDANCE',
] as const;
export type Findings = (typeof FINDINGS)[number];

export const FINDINGS_LABELS: Record<Findings, string> = {
  NO_ISSUE: '未发现问题',
  RECTIFY_ORDERED: '责令整改',
  CASE_FILED: '立案查处',
  MINOR_NO_PENALTY: '轻微违法免罚',
  GUIDANCE: '服务指导',
};

export function isFindings(value: unknown): value is Findings {
  return typeof value === 'string' && (FINDINGS as readonly string[]).includes(value);
}
