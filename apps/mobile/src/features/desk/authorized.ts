import { api } from '../../services/api';
import { session } from '../../services/session';

/** A file the API answered, or its HTTP status when it refused. */
export type Fetched<T> = { status: number; file?: T };

/**
 * Fetches a protected file (an export, a report photo) with the session's access token. On a 401
 * it lets the API client refresh the token (through a cheap authorised call) and tries once more.
 */
export async function withAccessToken<T>(
  fetchWith: (token: string | undefined) => Promise<Fetched<T>>,
): Promise<T> {
  const first = await fetchWith(session.get()?.accessToken);
  if (first.file !== undefined && first.status >= 200 && first.status < 300) return first.file;
  let last = first;
  if (first.status === 401) {
    await api.chainStatus().catch(() => undefined);
    last = await fetchWith(session.get()?.accessToken);
    if (last.file !== undefined && last.status >= 200 && last.status < 300) return last.file;
  }
  throw new Error(fileErrorText(last.status));
}

export function fileErrorText(status: number): string {
  if (status === 401) return '登录已过期，请重新登录后再试。';
  if (status === 403) return '您没有权限下载该文件。';
  if (status === 404) return '文件不存在（或不在您的监督范围内）。';
  if (status === 0) return '网络不可用，请检查信号后重试。';
  return `下载失败（HTTP ${status}），请稍后重试。`;
}

export function authorizationHeader(token: string | undefined): Record<string, string> {
  return token ? { authorization: `Bearer ${token}` } : {};
}
