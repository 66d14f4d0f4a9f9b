/** Levels of an agency unit: 执法支队 (detachment) → 分局 (branch) / 大队 (brigade) → below. */
export const UNIT_LEVELS = ['DETACHMENT', 'BRANCH', 'BRIGADE'] as const;
export type UnitLevel = (typeof UNIT_LEVELS)[number];

export const UNIT_LEVEL_LABELS: Record<UnitLevel, string> = {
  DETACHMENT: '支队',
  BRANCH: '分局',
  BRIGADE: '大队/中队',
};
