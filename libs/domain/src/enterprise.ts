/** 环境信用等级: environmental credit grade of a firm. */
export const CREDIT_GRADES = [
  'TRUSTWORTHY',
  'GOOD',
  'WARNING',
  'SERIOUSLY_DISHONEST',
  'UNRATED',
] as const;
export type CreditGrade = (typeof CREDIT_GRADES)[number];

export const CREDIT_GRADE_LABELS: Record<CreditGrade, string> = {
  TRUSTWORTHY: '诚信',
  GOOD: '良好',
  WARNING: '警示',
  SERIOUSLY_DISHONEST: '严重失信',
  UNRATED: '未评级',
};

/** 监管类别: key (重点) or general (一般) supervision. */
export const SUPERVISION_CLASSES = ['KEY', 'GENERAL'] as const;
export type SupervisionClass = (typeof SUPERVISION_CLASSES)[number];

export const SUPERVISION_CLASS_LABELS: Record<SupervisionClass, string> = {
  KEY: '重点监管对象',
  GENERAL: '一般监管对象',
};

export function isCreditGrade(value: unknown): value is CreditGrade {
  return typeof value === 'string' && (CREDIT_GRADES as readonly string[]).includes(value);
}

export function isSupervisionClass(value: unknown): value is SupervisionClass {
  return typeof value === 'string' && (SUPERVISION_CLASSES as readonly string[]).includes(value);
}
