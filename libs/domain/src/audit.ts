/**
 * The actions the API writes to the audit log, each with the words a supervisor reads in a
 * record's 审计记录. A new action needs its label here (a test of the API's sources checks it).
 */
export const AUDIT_ACTION_LABELS = {
  CHECK_IN: '扫码打卡',
  CHECK_OUT: '签退',
  VISIT_AUTO_CLOSED: '超时自动签退',
  RATING_SUBMITTED: '企业提交好差评',
  FOLLOW_UP_OPENED: '生成回访核实',
  FOLLOW_UP_CONTACT: '记录回访',
  FOLLOW_UP_CLOSED: '回访核实办结',
  REPORT_RECEIVED: '收到监督举报',
  REPORT_INVESTIGATING: '举报转入调查',
  REPORT_CONCLUDED: '举报办结',
  SPOT_CHECK_DRAWN: '抽取评价抽查',
  SPOT_CHECK_RESULT: '记录抽查核实结果',
  DRAW_COMMITTED: '公布双随机抽查承诺',
  DRAW_REVEALED: '揭示随机种子并生成任务',
  OFFICER_CONFLICT_DECLARED: '申报回避',
  OFFICER_CONFLICT_WITHDRAWN: '撤回回避申报',
  GATE_CODE_ISSUED: '签发门口打卡码',
  POLICY_CHANGED: '修改检查规则',
  ENTERPRISE_CREATED: '新增企业',
  ENTERPRISE_UPDATED: '修改企业信息',
  POSITIVE_LIST_ADDED: '列入正面清单',
  POSITIVE_LIST_REMOVED: '移出正面清单',
  MASTER_DATA_IMPORTED: '导入企业主数据',
  ROW_DIGEST_BASELINE: '记录数据摘要基线',
  ADMIN_CREATED: '命令行创建管理员',
  UNIT_CREATED: '新增单位',
  UNIT_UPDATED: '修改单位',
  USER_CREATED: '新增账号',
  USER_UPDATED: '修改账号',
  USER_PASSWORD_RESET: '重置密码',
  USER_CREDENTIALS_PRINTED: '打印初始密码',
  PASSWORD_CHANGED: '修改本人密码',
} as const;

export type AuditAction = keyof typeof AUDIT_ACTION_LABELS;

/** The Chinese words of an audit action; an action without a label reads 其他操作, never a code. */
export function auditActionLabel(action: string): string {
  return (AUDIT_ACTION_LABELS as Record<string, string>)[action] ?? '其他操作';
}

/**
 * The tables whose rows the audit log vouches for: each audit entry that writes such a row carries
 * a digest of the row's state after the change (visit with its officers, rating, report with its
 * events and photos, follow-up case with its contacts).
 */
export const AUDITED_TABLES = ['visit', 'rating', 'misconduct_report', 'follow_up_case'] as const;
export type AuditedTable = (typeof AUDITED_TABLES)[number];

/** The most signed checkpoints one POST /audit/verify may bring. */
export const AUDIT_VERIFY_MAX_CHECKPOINTS = 500;
