import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { seedDemoDataIfEmpty } from '../src/database/seed/demo-seed';
import { login } from './support/api-client';
import { startTestApp, type TestApp } from './support/test-app';

/** A local stand-in for WeChat's jscode2session (WeChat's servers cannot be reached here). */
function fakeWechat(): Promise<{ server: Server; base: string; calls: URLSearchParams[] }> {
  const calls: URLSearchParams[] = [];
  const sessions: Record<string, string> = {
    'code-of-zhang': 'openid-zhang',
    'code-of-zhang-2': 'openid-zhang',
  };
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://fake');
    calls.push(url.searchParams);
    res.setHeader('content-type', 'application/json');
    const ok =
      url.pathname === '/sns/jscode2session' &&
      url.searchParams.get('appid') === 'wx-test-app' &&
      url.searchParams.get('secret') === 'wx-test-secret' &&
      url.searchParams.get('grant_type') === 'authorization_code';
    const openid = sessions[url.searchParams.get('js_code') ?? ''];
    res.end(
      JSON.stringify(
        ok && openid ? { openid, session_key: 'k' } : { errcode: 40029, errmsg: 'invalid code' },
      ),
    );
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({
        server,
        base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
        calls,
      }),
    ),
  );
}

describe('WeChat login (code → session) against a local fake of WeChat', () => {
  let t: TestApp;
  let wechat: Awaited<ReturnType<typeof fakeWechat>>;
  const wechatLogin = (code: string) =>
    t.inject({ method: 'POST', url: '/api/v1/auth/wechat', payload: { code } });

  beforeAll(async () => {
    wechat = await fakeWechat();
    t = await startTestApp({
      WECHAT_APP_ID: 'wx-test-app',
      WECHAT_APP_SECRET: 'wx-test-secret',
      WECHAT_API_BASE: wechat.base,
    });
    await seedDemoDataIfEmpty(t.dataSource);
  });
  afterAll(async () => {
    await t.close();
    wechat.server.close();
  });

  it('refuses an openid not bound to any account, saying what to do', async () => {
    const res = await wechatLogin('code-of-zhang');
    expect(res.statusCode).toBe(401);
    expect(res.json()).toEqual({
      code: 'WECHAT_NOT_BOUND',
      message: expect.stringContaining('绑定微信'),
    });
    expect(wechat.calls.at(-1)?.get('js_code')).toBe('code-of-zhang');
  });

  it('logs in after the account bound its WeChat, and binding moves an openid', async () => {
    const officer1 = await login(t, 'officer1');
    expect(
      (await officer1.request('POST', '/api/v1/auth/wechat/bind', { code: 'code-of-zhang' }))
        .statusCode,
    ).toBe(204);
    const res = await wechatLogin('code-of-zhang-2');
    expect(res.statusCode).toBe(200);
    expect(res.json().user).toMatchObject({ id: officer1.id, role: 'officer' });

    const officer2 = await login(t, 'officer2');
    await officer2.request('POST', '/api/v1/auth/wechat/bind', { code: 'code-of-zhang' });
    expect((await wechatLogin('code-of-zhang')).json().user.id).toBe(officer2.id);
  });

  it('answers a code WeChat rejects with 401 WECHAT_LOGIN_FAILED', async () => {
    const res = await wechatLogin('expired');
    expect(res.statusCode).toBe(401);
    expect(res.json()).toMatchObject({ code: 'WECHAT_LOGIN_FAILED', wechatErrcode: 40029 });
  });

  it('needs a login to bind', async () => {
    const res = await t.inject({
      method: 'POST',
      url: '/api/v1/auth/wechat/bind',
      payload: { code: 'x' },
    });
    expect(res.statusCode).toBe(401);
  });

  it('says so when WeChat login is not configured', async () => {
    const plain = await startTestApp();
    try {
      const res = await plain.inject({
        method: 'POST',
        url: '/api/v1/auth/wechat',
        payload: { code: 'x' },
      });
      expect(res.statusCode).toBe(501);
      expect(res.json().code).toBe('WECHAT_NOT_CONFIGURED');
    } finally {
      await plain.close();
    }
  });
});
