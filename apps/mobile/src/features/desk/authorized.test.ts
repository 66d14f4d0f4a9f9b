import Taro from '@tarojs/taro';

import { session } from '../../services/session';
import { fileErrorText, withAccessToken } from './authorized';

const taro = Taro as unknown as { request: jest.Mock };

function signIn(accessToken: string): void {
  session.save({
    accessToken,
    refreshToken: 'refresh-1',
    user: { id: 'u1', name: '监督员', role: 'supervisor' },
  } as never);
}

describe('withAccessToken', () => {
  beforeEach(() => signIn('token-1'));
  afterEach(() => session.clear());

  it('fetches with the session token', async () => {
    const fetchWith = jest.fn(async (token: string | undefined) => ({ status: 200, file: token }));
    await expect(withAccessToken(fetchWith)).resolves.toBe('token-1');
    expect(fetchWith).toHaveBeenCalledTimes(1);
  });

  it('after a 401 lets the client refresh the token and tries once more with the new one', async () => {
    taro.request
      .mockResolvedValueOnce({ statusCode: 401, data: { code: 'TOKEN_EXPIRED' } })
      .mockResolvedValueOnce({
        statusCode: 200,
        data: { accessToken: 'token-2', refreshToken: 'refresh-2', user: { id: 'u1' } },
      })
      .mockResolvedValueOnce({ statusCode: 200, data: { latest: null, alert: false } });
    const fetchWith = jest.fn(async (token: string | undefined) =>
      token === 'token-2' ? { status: 200, file: 'xlsx' } : { status: 401 },
    );
    await expect(withAccessToken(fetchWith)).resolves.toBe('xlsx');
    expect(fetchWith.mock.calls.map((c) => c[0])).toEqual(['token-1', 'token-2']);
  });

  it('fails with a Chinese message for a refusal', async () => {
    await expect(withAccessToken(async () => ({ status: 403 }))).rejects.toThrow(
      '您没有权限下载该文件。',
    );
    expect(fileErrorText(0)).toBe('网络不可用，请检查信号后重试。');
    expect(fileErrorText(500)).toBe('下载失败（HTTP 500），请稍后重试。');
  });
});
