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
  DATABASE_UNAVAILABLE: '数据库暂时不可用，请稍后再试。',
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
