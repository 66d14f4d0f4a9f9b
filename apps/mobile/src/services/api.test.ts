/** @jest-environment node */
import Taro from '@tarojs/taro';
import { ApiClient, ApiError, retryAfterOf } from './api';
import type { SessionStore } from './session';

const noSession = { get: () => undefined, save: () => undefined, clear: () => undefined };

describe('ApiClient: an answer that says when to come back', () => {
  it('carries Retry-After of a 503 SERVICE_UNAVAILABLE into the ApiError', async () => {
    jest.mocked(Taro.request).mockResolvedValue({
      statusCode: 503,
      header: { 'Retry-After': '5' },
      data: {
        code: 'SERVICE_UNAVAILABLE',
        message: '服务暂时不可用（数据库连接中断），请稍后重试。',
        retryAfterSeconds: 5,
      },
    } as never);
    const client = new ApiClient(noSession as unknown as SessionStore);
    const error = await client.listVisits({ query: {} }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      statusCode: 503,
      code: 'SERVICE_UNAVAILABLE',
      message: '服务暂时不可用（数据库连接中断），请稍后重试。',
      retryAfterSeconds: 5,
    });
  });

  it('reads the header in any case, else the body, else nothing', () => {
    expect(retryAfterOf({ 'retry-after': '7' }, {})).toBe(7);
    expect(retryAfterOf({}, { retryAfterSeconds: 30 })).toBe(30);
    expect(retryAfterOf(undefined, {})).toBeUndefined();
    expect(retryAfterOf({ 'Retry-After': 'Wed, 21 Oct 2026 07:28:00 GMT' }, {})).toBeUndefined();
  });
});
