import Taro from '@tarojs/taro';

/** Where the mini-program calls when no `TARO_APP_API_BASE` was given at build time. */
const DEFAULT_API_BASE = 'https://qinqing.example.gov.cn';

/**
 * The one place that knows where the Qinqing API lives.
 * H5 is served by the API's own origin, so it calls relative URLs; the mini-program needs an
 * absolute base (a request-allowed domain of the mini-program), set with `TARO_APP_API_BASE`.
 */
export const API_BASE: string =
  process.env.TARO_ENV === 'h5' ? '' : process.env.TARO_APP_API_BASE || DEFAULT_API_BASE;

/** Milliseconds before a request counts as failed (the gate may have a weak signal). */
const REQUEST_TIMEOUT_MS = 8000;

export function apiUrl(path: string): string {
  return `${API_BASE}${path}`;
}

/** A request that reached the API and was answered with a non-2xx status. */
export class ApiHttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly body: unknown,
  ) {
    super(`API answered HTTP ${statusCode}`);
    this.name = 'ApiHttpError';
  }
}

async function getJson<T>(path: string): Promise<T> {
  const response = await Taro.request<T>({
    url: apiUrl(path),
    method: 'GET',
    dataType: 'json',
    timeout: REQUEST_TIMEOUT_MS,
  });
  if (response.statusCode < 200 || response.statusCode >= 300) {
    throw new ApiHttpError(response.statusCode, response.data);
  }
  return response.data;
}

/** What `GET /api/health` answers (further fields may follow). */
export interface HealthReport {
  status: string;
  database: string;
}

export const api = {
  health: (): Promise<HealthReport> => getJson<HealthReport>('/api/health'),
};
