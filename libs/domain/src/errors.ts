/**
 * Stable, machine-readable error codes of the API, with the message a person reads.
 * The API maps each code to an HTTP status in one place; the phone shows the same message.
 */
export const ERROR_MESSAGES = {
  VALIDATION_FAILED: '提交的内容不完整或格式不正确，请检查标出的字段。',
  UNAUTHENTICATED: '请先登录。',
  INVALID_CREDENTIALS: '用户名或密码错误。',
  TOKEN_EXPIRED: '登录已过期，请重新登录。',
  FORBIDDEN: '当前账号无权进行此操作。',
  NOT_FOUND: '找不到该记录，或您无权查看。',
  CONFLICT: '该操作与现有数据冲突。',
  RATE_LIMITED: '操作过于频繁，请稍后再试。',
  CHECK_IN_REFUSED: '不予入企。',
  WECHAT_NOT_BOUND: '该微信尚未绑定账号：请先用账号密码登录，再在“我的”中绑定微信。',
  WECHAT_LOGIN_FAILED: '微信登录失败，请重新打开小程序后再试。',
  WECHAT_NOT_CONFIGURED: '本系统未启用微信登录，请使用账号密码登录。',
  CLIENT_ID_REUSED: '该打卡编号已被其他执法人员使用，请重新扫码打卡。',
  VISIT_ALREADY_CHECKED_OUT: '该次检查已签退，不能重复签退。',
  VISIT_REFUSED_NO_CHECK_OUT: '该次打卡未获准入企，无需签退。',
  RATING_EXISTS: '该次检查已经评价过；评价提交后不能修改或重复提交。',
  RATING_WINDOW_CLOSED: '已超过评价期限（签退后规定天数内可评价），不能再评价。',
  VISIT_NOT_CHECKED_OUT: '该次检查尚未签退，执法人员签退后才能评价。',
  RATING_NOT_APPLICABLE: '该次打卡未获准入企，没有可评价的检查。',
  SIGNATURE_INVALID: '请在签字区内手写签名后再提交。',
  FOLLOW_UP_CLOSED: '该回访核实已办结，不能再修改。',
  FOLLOW_UP_NO_CONTACT: '请先记录至少一次回访联系情况，再办结。',
  REPORT_STATUS_INVALID: '举报只能按“已受理 → 调查中 → 已办结”的顺序逐步推进。',
  SPOT_CHECK_EXISTS: '该月的评价抽查已经抽取过，不能重复抽取；请在已有抽查中登记核实结果。',
  SPOT_CHECK_EMPTY: '该月辖区内还没有可抽查的评价。',
  DRAW_ALREADY_REVEALED: '该次抽查已揭示随机种子并生成任务，不能再次揭示。',
  DRAW_POOL_EMPTY: '按所选条件没有可抽取的企业，请调整抽查范围。',
  PASSWORD_CHANGE_REQUIRED: '请先修改初始密码：一次性密码登录后须设置新密码，才能继续使用。',
  USERNAME_TAKEN: '该用户名已被使用，请换一个。',
  UNIT_CYCLE: '不能把单位移到它自己或它的下级单位之下。',
  CREDENTIALS_INVALID:
    '一次性密码不正确或已失效（账号已修改密码或已重置），不能打印；请在账号管理中重置密码后再打印。',
  UNIT_IN_USE: '该单位还有在岗人员或未撤销的下级单位，不能撤销；请先调出人员、撤销下级单位。',
  DATABASE_UNAVAILABLE: '数据库暂时不可用，请稍后再试。',
  SERVICE_UNAVAILABLE: '服务暂时不可用（数据库连接中断），请稍后重试。',
  INTERNAL_ERROR: '系统内部错误，请稍后再试；如持续出现请联系管理员并提供错误编号。',
} as const;

export type ErrorCode = keyof typeof ERROR_MESSAGES;
export const ERROR_CODES = Object.keys(ERROR_MESSAGES) as ErrorCode[];

/** The body of every error the API answers. */
export interface ErrorBody {
  code: ErrorCode;
  message: string;
  [detail: string]: unknown;
}

export interface FieldError {
  field: string;
  message: string;
}
