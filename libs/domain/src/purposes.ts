/** 事由: why an officer enters a firm, and the reference each purpose needs. */
export const PURPOSES = [
  'RANDOM_INSPECTION',
  'COMPLAINT_VERIFICATION',
  'RECTIFICATION_REVIEW',
  'SPECIAL_CAMPAIGN',
  'HEAVY_POLLUTION_RESPONSE',
  'ASSIGNED_BY_SUPERIOR',
  'REQUESTED_SERVICE',
  'ROUTINE',
] as const;
export type Purpose = (typeof PURPOSES)[number];

export interface PurposeInfo {
  /** The label officers and firms see. */
  label: string;
  /** What the officer must name as the reference, or null when none is needed. */
  referenceLabel: string | null;
}

export const PURPOSE_INFO: Record<Purpose, PurposeInfo> = {
  RANDOM_INSPECTION: { label: '双随机抽查', referenceLabel: '抽查任务编号' },
  COMPLAINT_VERIFICATION: { label: '信访举报核实', referenceLabel: '信访举报编号' },
  RECTIFICATION_REVIEW: { label: '整改复查', referenceLabel: '原检查记录或案件编号' },
  SPECIAL_CAMPAIGN: { label: '专项执法检查', referenceLabel: '专项行动名称或文号' },
  HEAVY_POLLUTION_RESPONSE: { label: '重污染天气应急管控督导', referenceLabel: '预警编号' },
  ASSIGNED_BY_SUPERIOR: { label: '上级交办', referenceLabel: '交办文件编号' },
  REQUESTED_SERVICE: { label: '企业申请帮扶', referenceLabel: '企业申请编号' },
  ROUTINE: { label: '日常检查', referenceLabel: null },
};

export function isPurpose(value: unknown): value is Purpose {
  return typeof value === 'string' && (PURPOSES as readonly string[]).includes(value);
}

export function purposeNeedsReference(purpose: Purpose): boolean {
  return PURPOSE_INFO[purpose].referenceLabel !== null;
}
