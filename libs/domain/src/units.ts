/** Levels of an agency unit: 执法支队 (detachment) → 分局 (branch) / 大队 (brigade) → below. */
export const UNIT_LEVELS = ['DETACHMENT', 'BRANCH', 'BRIGADE'] as const;
export type UnitLevel = (typeof UNIT_LEVELS)[number];

export const UNIT_LEVEL_LABELS: Record<UnitLevel, string> = {
  DETACHMENT: '支队',
  BRANCH: '分局',
  BRIGADE: '大队/中队',
};

/**
 * The words a sheet may write for a level: 中队 (a squad under a 大队) is stored as BRIGADE, as
 * the units endpoint stores a unit below a brigade.
 */
export const UNIT_LEVEL_BY_LABEL: Readonly<Record<string, UnitLevel>> = {
  支队: 'DETACHMENT',
  分局: 'BRANCH',
  大队: 'BRIGADE',
  中队: 'BRIGADE',
};
