import { ApiError, NetworkError } from '../../services/api';

/** A failed call in words for the screen; 404 is "not there, or not yours". */
export function errorText(
  e: unknown,
  notFound = '找不到这条记录（或不在您的监督范围内）。',
): string {
  if (e instanceof ApiError && e.statusCode === 404) return notFound;
  if (e instanceof ApiError || e instanceof NetworkError) return e.message;
  if (e instanceof Error && /[\u4e00-\u9fa5]/.test(e.message)) return e.message;
  return '操作失败，请稍后重试。';
}
