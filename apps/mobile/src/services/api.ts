import {
  ERROR_MESSAGES,
  ROUTES,
  routeUrl,
  type EndpointInput,
  type EndpointName,
  type EndpointResponse,
  type JsonRouteName,
  type CheckInRefused,
  type CheckInRequest,
  type ErrorCode,
  type SessionResponse,
} from '@qinqing/domain';
import Taro from '@tarojs/taro';
import { session, type SessionStore } from './session';

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

/**
 * The API answered with an error body `{code, message, ...}` (message in Chinese). A 503 (the
 * database is away) or 429 says when to try again: `retryAfterSeconds`, from the Retry-After
 * header or the body.
 */
export class ApiError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: ErrorCode | string,
    message: string,
    readonly body: Record<string, unknown>,
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** Seconds from a Retry-After header (seconds only; the API never sends a date) or the body. */
export function retryAfterOf(
  headers: Record<string, unknown> | undefined,
  body: Record<string, unknown>,
): number | undefined {
  const header = Object.entries(headers ?? {}).find(
    ([name]) => name.toLowerCase() === 'retry-after',
  );
  const value = header ? Number(header[1]) : Number(body.retryAfterSeconds);
  return Number.isFinite(value) && value >= 0 ? value : undefined;
}

/** The API could not be reached at all (no signal, timeout): the caller may work offline. */
export class NetworkError extends Error {
  constructor() {
    super('网络不可用，请检查信号后重试。');
    this.name = 'NetworkError';
  }
}

/** Kept for the health check, which reads the raw status. */
export { ApiError as ApiHttpError };

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * A method per JSON endpoint of the contract (libs/domain/src/contract), named after it:
 * `api.listVisits({ query })`, `api.checkOut({ params: { id }, body })`. The path and method come
 * from ROUTES, the types from the schemas; nothing of it is written here.
 */
export type EndpointMethods = {
  [N in JsonRouteName]: (
    // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- an endpoint without input
    ...input: {} extends EndpointInput<N> ? [input?: EndpointInput<N>] : [input: EndpointInput<N>]
  ) => Promise<EndpointResponse<N>>;
};

/** A typed client of the API; one instance per app, a separate one per test. */
// The endpoint methods are put on the prototype below, from ROUTES.
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging, @typescript-eslint/no-empty-object-type
export interface ApiClient extends EndpointMethods {}
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export class ApiClient {
  constructor(private readonly sessions: SessionStore = session) {}

  /** Calls an endpoint of the contract: its success body, or ApiError / NetworkError. */
  call<N extends JsonRouteName>(
    name: N,
    input: EndpointInput<N> = {} as EndpointInput<N>,
  ): Promise<EndpointResponse<N>> {
    const { params, query, body } = input as {
      params?: Record<string, string>;
      query?: Record<string, unknown>;
      body?: unknown;
    };
    const route = ROUTES[name];
    return this.request(route.method, routeUrl(route, params, query), body);
  }

  async request<T>(method: Method, path: string, data?: unknown, retried = false): Promise<T> {
    const token = this.sessions.get()?.accessToken;
    let response: Taro.request.SuccessCallbackResult<Record<string, unknown>>;
    try {
      response = await Taro.request<Record<string, unknown>>({
        url: apiUrl(path),
        method,
        data: data as Record<string, unknown> | undefined,
        dataType: 'json',
        timeout: REQUEST_TIMEOUT_MS,
        header: {
          // A POST without a body (e.g. reveal a draw, run the chain check) must not claim JSON:
          // an empty body labelled application/json is a malformed request to the API.
          ...(data === undefined ? {} : { 'content-type': 'application/json' }),
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
      });
    } catch {
      throw new NetworkError();
    }
    const { statusCode } = response;
    if (statusCode >= 200 && statusCode < 300) return response.data as T;
    const body = (response.data ?? {}) as Record<string, unknown>;
    const code = typeof body.code === 'string' ? body.code : 'INTERNAL_ERROR';
    if (statusCode === 401 && code === 'TOKEN_EXPIRED' && !retried && (await this.refresh())) {
      return this.request<T>(method, path, data, true);
    }
    const message =
      typeof body.message === 'string'
        ? body.message
        : (ERROR_MESSAGES[code as ErrorCode] ?? '请求失败，请稍后重试。');
    throw new ApiError(statusCode, code, message, body, retryAfterOf(response.header, body));
  }

  private async refresh(): Promise<boolean> {
    const refreshToken = this.sessions.get()?.refreshToken;
    if (!refreshToken) return false;
    try {
      // Not this.refreshSession(): a refresh answered TOKEN_EXPIRED must not refresh again.
      const route = ROUTES.refreshSession;
      const fresh: SessionResponse = await this.request(
        route.method,
        route.path,
        { refreshToken },
        true,
      );
      this.sessions.save(fresh);
      return true;
    } catch {
      this.sessions.clear();
      return false;
    }
  }

  async login(username: string, password: string): Promise<SessionResponse> {
    const fresh = await this.passwordLogin({ body: { username, password } });
    this.sessions.save(fresh);
    return fresh;
  }

  logout(): void {
    this.sessions.clear();
  }

  /** 201 → accepted; 409 CHECK_IN_REFUSED → refused (recorded); anything else throws. */
  async submitCheckIn(
    body: CheckInRequest,
  ): Promise<
    | { accepted: true; result: EndpointResponse<'checkIn'> }
    | { accepted: false; result: CheckInRefused }
  > {
    try {
      return { accepted: true, result: await this.checkIn({ body }) };
    } catch (error) {
      if (error instanceof ApiError && error.code === 'CHECK_IN_REFUSED') {
        return { accepted: false, result: error.body as unknown as CheckInRefused };
      }
      throw error;
    }
  }
}

/** Where anyone downloads a draw's inputs (and seed) to re-run it. */
export function publicDrawInputsUrl(id: string): string {
  return apiUrl(routeUrl(ROUTES.publicDrawInputs, { id }));
}

// Files are opened or sent by their URL (routeUrl), not through a method.
const jsonRoutes = (Object.keys(ROUTES) as EndpointName[]).filter(
  (name): name is JsonRouteName => !('file' in ROUTES[name]),
);
for (const name of jsonRoutes) {
  Object.defineProperty(ApiClient.prototype, name, {
    value(this: ApiClient, input?: EndpointInput<typeof name>) {
      return this.call(name, input);
    },
    writable: true,
    configurable: true,
  });
}

export const api = new ApiClient();
