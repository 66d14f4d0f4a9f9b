import { ERROR_MESSAGES, type ErrorCode } from '@qinqing/domain';

import { ApiError, NetworkError } from '../services/api';

/** The one place that turns a failed call into words for the screen (Chinese, never a raw code). */
export function errorText(
  e: unknown,
  notFound = '找不到这条记录（或不在您的权限范围内）。',
): string {
  if (e instanceof ApiError && e.statusCode === 404) return notFound;
  if (e instanceof ApiError) {
    return isChinese(e.message) ? e.message : (ERROR_MESSAGES[e.code as ErrorCode] ?? GENERIC);
  }
  if (e instanceof NetworkError) return e.message;
  if (e instanceof Error) return chineseOr(e.message);
  return GENERIC;
}

const GENERIC = '操作失败，请稍后重试。';

const isChinese = (text: string) => /[\u4e00-\u9fa5]/.test(text);

function chineseOr(message: string): string {
  return isChinese(message) ? message : GENERIC;
}
