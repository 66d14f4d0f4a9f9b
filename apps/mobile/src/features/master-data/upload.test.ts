import Taro from '@tarojs/taro';

import { session } from '../../services/session';
import { uploadImport } from './upload.h5';
import { uploadImport as weappUpload } from './upload';

const taro = Taro as unknown as { request: jest.Mock };

const REPORT = {
  ok: true,
  dryRun: true,
  summary: {
    firms: { create: 1, update: 0, unchanged: 0 },
    gates: { create: 0, update: 0, unchanged: 0 },
    positiveList: { create: 0, end: 0, unchanged: 0 },
    gradesChanged: 0,
  },
  problems: [],
  ignoredSheets: [],
};

const USER = { id: 'a1', name: '李管理', role: 'admin' };
const FILE = new Blob(['统一社会信用代码,企业名称']);

function fetchAnswers(...replies: [number, unknown][]): jest.Mock {
  const mock = jest.fn(async () => {
    const [status, body] = replies.shift() ?? [500, {}];
    return { status, text: async () => JSON.stringify(body) };
  });
  global.fetch = mock as unknown as typeof fetch;
  return mock;
}

function authorizationOf(mock: jest.Mock, call: number): string | undefined {
  const init = mock.mock.calls[call]?.[1] as { headers: Record<string, string> };
  return init.headers.authorization;
}

describe('uploadImport (H5)', () => {
  beforeEach(() => session.save({ accessToken: 'old', refreshToken: 'r', user: USER } as never));
  afterEach(() => session.clear());

  it('refreshes an expired token through the API client and sends the file once more', async () => {
    taro.request.mockImplementation(
      async ({ url, header }: { url: string; header: Record<string, string> }) => {
        if (url.endsWith('/api/v1/auth/refresh')) {
          return { statusCode: 200, data: { accessToken: 'new', refreshToken: 'r2', user: USER } };
        }
        return header.authorization === 'Bearer new'
          ? { statusCode: 200, data: { latest: null, lastFailure: null, alert: false } }
          : { statusCode: 401, data: { code: 'TOKEN_EXPIRED', message: '登录已过期。' } };
      },
    );
    const fetchMock = fetchAnswers([401, { code: 'TOKEN_EXPIRED' }], [200, REPORT]);

    const outcome = await uploadImport({ file: FILE, kind: 'csv', sheet: '企业', dryRun: true });

    expect(outcome).toEqual({ kind: 'report', report: REPORT });
    expect(fetchMock).toHaveBeenCalledTimes(2);
    expect(authorizationOf(fetchMock, 0)).toBe('Bearer old');
    expect(authorizationOf(fetchMock, 1)).toBe('Bearer new');
  });

  it('asks to log in again when the token stays refused', async () => {
    taro.request.mockResolvedValue({ statusCode: 401, data: { code: 'UNAUTHENTICATED' } });
    fetchAnswers([401, {}], [401, {}]);
    await expect(
      uploadImport({ file: FILE, kind: 'xlsx', sheet: '企业', dryRun: true }),
    ).rejects.toThrow('登录已过期');
  });

  it('says the network is down when the request fails', async () => {
    global.fetch = jest.fn(async () => {
      throw new TypeError('Failed to fetch');
    }) as unknown as typeof fetch;
    await expect(
      uploadImport({ file: FILE, kind: 'xlsx', sheet: '企业', dryRun: true }),
    ).rejects.toThrow('网络不可用');
  });

  it('tells a non-JSON error answer by its status', async () => {
    global.fetch = jest.fn(async () => ({
      status: 502,
      text: async () => '<html>Bad Gateway</html>',
    })) as unknown as typeof fetch;
    await expect(
      uploadImport({ file: FILE, kind: 'xlsx', sheet: '企业', dryRun: false }),
    ).rejects.toThrow('HTTP 502');
  });
});

describe('uploadImport (mini-program)', () => {
  it('sends to the browser', async () => {
    await expect(
      weappUpload({ file: FILE, kind: 'xlsx', sheet: '企业', dryRun: true }),
    ).rejects.toThrow('请在电脑浏览器中打开本页面导入');
  });
});
