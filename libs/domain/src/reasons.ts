/**
 * Reason codes a check-in decision carries, each with the sentence an officer reads at the gate.
 * A refusal carries at least one refusing reason; a flag is recorded but lets the officer in.
 */
export const REASON_MESSAGES = {
  POSITIVE_LIST_NO_DISTURBANCE:
    '该企业在正面清单内，实行“无事不扰”：此事由不得现场检查，请改为非现场监管，或以信访举报核实等允许的事由进入。',
  ANNUAL_CAP_REACHED:
    '本年度本级对该企业的现场检查次数已达上限，请与其他检查合并开展（一体化执法）。',
  QUIET_PERIOD: '当前处于企业安静期，不开展日常检查；信访举报核实不受限制。',
  REPEAT_VISIT: '近期已对该企业开展过检查，本次为重复检查，请说明新的事由或与前次检查合并。',
  SINGLE_OFFICER: '执法检查应由两名以上执法人员进行，请添加同行执法人员。',
  OUT_OF_GEOFENCE: '打卡位置不在企业门口范围内，已记录位置偏差。',
  REFERENCE_REQUIRED: '此事由需要填写依据（如任务编号、信访编号），请补充后再提交。',
  RANDOM_TASK_MISMATCH:
    '双随机抽查须凭抽中的检查任务：任务编号不存在、不是本企业、不在任务期限内，或执法人员不是该任务指派的人员。',
  OFFICER_INACTIVE: '执法人员账号已停用或不在岗，不能执行检查。',
  CODE_REVOKED: '该打卡码已作废，请扫描企业门口张贴的最新打卡码。',
  CODE_INVALID: '无法识别的打卡码（签名无效或已被篡改），请扫描企业门口张贴的正式打卡码。',
  LATE_SYNC: '离线打卡超过补录期限后才上传，已记录为迟报。',
  LATE_SYNC_CONFLICT:
    '迟到的离线打卡与之后已登记的检查冲突：按时间顺序，本次检查超出年度上限或构成重复检查；执法人员当时已入企，已记录并提示监督人员核查。',
  OUT_OF_JURISDICTION:
    '该企业不属于本单位辖区（属地管辖），且事由未注明联合执法或指定管辖的依据，已记录并告知两地监督人员。',
  CLOCK_SKEW: '手机时间与服务器时间相差过大，已按服务器时间记录。',
} as const;

export type ReasonCode = keyof typeof REASON_MESSAGES;
export const REASON_CODES = Object.keys(REASON_MESSAGES) as ReasonCode[];

/** Each rule's short name, for marks beside a purpose, chart labels and lists. */
export const REASON_TITLES: Record<ReasonCode, string> = {
  POSITIVE_LIST_NO_DISTURBANCE: '正面清单企业无事不扰',
  ANNUAL_CAP_REACHED: '本年度检查次数已达上限',
  QUIET_PERIOD: '企业安静期',
  REPEAT_VISIT: '近期重复检查',
  SINGLE_OFFICER: '单人执法',
  OUT_OF_GEOFENCE: '位置不在企业门口',
  REFERENCE_REQUIRED: '缺少事由依据',
  RANDOM_TASK_MISMATCH: '无对应的双随机任务',
  OFFICER_INACTIVE: '执法人员不在岗',
  CODE_REVOKED: '打卡码已作废',
  CODE_INVALID: '打卡码无效',
  LATE_SYNC: '超期补录',
  LATE_SYNC_CONFLICT: '迟到的离线打卡与之后的检查冲突',
  OUT_OF_JURISDICTION: '非本单位辖区',
  CLOCK_SKEW: '手机时间偏差',
};

export interface DecisionReason {
  code: ReasonCode;
  message: string;
  /**
   * e.g. why a code is invalid: MALFORMED, UNKNOWN_KEY, BAD_SIGNATURE, UNKNOWN_CODE; why a random
   * inspection's task does not fit: UNKNOWN_TASK, OTHER_FIRM, OUTSIDE_PERIOD, NOT_ASSIGNED
   */
  detail?: string;
  /**
   * LATE_SYNC_CONFLICT: the visits already recorded, later in time at the same firm, that this
   * late-arriving one conflicts with (their ids).
   */
  conflictsWith?: string[];
}

export function reason(code: ReasonCode): DecisionReason {
  return { code, message: REASON_MESSAGES[code] };
}
