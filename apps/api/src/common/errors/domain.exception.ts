import { ERROR_MESSAGES, type ErrorCode } from '@qinqing/domain';

/** HTTP status of each error code: the one place where codes meet HTTP. */
export const ERROR_STATUS: Record<ErrorCode, number> = {
  VALIDATION_FAILED: 400,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  TOKEN_EXPIRED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  CHECK_IN_REFUSED: 409,
  WECHAT_NOT_BOUND: 401,
  WECHAT_LOGIN_FAILED: 401,
  WECHAT_NOT_CONFIGURED: 501,
  CLIENT_ID_REUSED: 409,
  VISIT_ALREADY_CHECKED_OUT: 409,
  VISIT_REFUSED_NO_CHECK_OUT: 409,
  RATING_EXISTS: 409,
  RATING_WINDOW_CLOSED: 409,
  VISIT_NOT_CHECKED_OUT: 409,
  RATING_NOT_APPLICABLE: 409,
  SIGNATURE_INVALID: 400,
  FOLLOW_UP_CLOSED: 409,
  FOLLOW_UP_NO_CONTACT: 409,
  REPORT_STATUS_INVALID: 409,
  SPOT_CHECK_EXISTS: 409,
  SPOT_CHECK_EMPTY: 409,
  DRAW_ALREADY_REVEALED: 409,
  DRAW_POOL_EMPTY: 409,
  PASSWORD_CHANGE_REQUIRED: 403,
  USERNAME_TAKEN: 409,
  UNIT_CYCLE: 409,
  UNIT_IN_USE: 409,
  CREDENTIALS_INVALID: 422,
  RATE_LIMITED: 429,
  INTERNAL_ERROR: 500,
  DATABASE_UNAVAILABLE: 503,
  SERVICE_UNAVAILABLE: 503,
};

/** An expected failure with a stable code; details are merged into the error body. */
export class DomainException extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly details: Record<string, unknown> = {},
    message: string = ERROR_MESSAGES[code],
  ) {
    super(message);
    this.name = 'DomainException';
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}
