import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { inlineScriptHashes } from '../src/common/security-headers';
import { login, type ApiUser } from './support/api-client';
import { seedDemoDataIfEmpty } from '../src/database/seed/demo-seed';
import { startTestApp, type TestApp } from './support/test-app';

const INLINE = '!function(n){n.document.documentElement.style.fontSize="20px"}(window);';

/** An H5 build's index.html with an inline script, as Taro writes it. */
function fakeH5(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'qinqing-h5-'));
  writeFileSync(
    path.join(dir, 'index.html'),
    `<!doctype html><html><head><script>${INLINE}</script><script defer="defer" src="/js/app.1234abcd.js"></script></head><body><div id="app"></div></body></html>`,
  );
  return dir;
}

describe('security headers', () => {
  let t: TestApp;
  let officer: ApiUser;

  beforeAll(async () => {
    t = await startTestApp({ H5_DIR: fakeH5() });
    await seedDemoDataIfEmpty(t.dataSource);
    officer = await login(t, 'officer1');
  });
  afterAll(() => t?.close());

  function csp(header: unknown): Map<string, string[]> {
    return new Map(
      String(header)
        .split(';')
        .map((d) => d.trim().split(/\s+/))
        .filter((parts) => parts[0])
        .map(([name, ...values]) => [name, values]),
    );
  }

  it('gives the H5 page a CSP allowing its own scripts and its inline script by hash only', async () => {
    const res = await t.inject({ method: 'GET', url: '/' });
    expect(res.statusCode).toBe(200);
    const policy = csp(res.headers['content-security-policy']);
    const hash = `'sha256-${createHash('sha256').update(INLINE).digest('base64')}'`;
    expect(policy.get('script-src')).toEqual(["'self'", hash]);
    expect(policy.get('script-src')).not.toContain("'unsafe-inline'");
    expect(policy.get('script-src')).not.toContain("'unsafe-eval'");
    expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(policy.get('connect-src')).toEqual(["'self'", 'blob:', 'data:']);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
  });

  it('sends no-store with tokens and personal data, and the same headers on API answers', async () => {
    const loginRes = await t.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'officer1', password: 'Qinqing@2026' },
    });
    expect(loginRes.statusCode).toBe(200);
    expect(loginRes.headers['cache-control']).toBe('no-store');
    for (const url of ['/api/v1/visits', '/api/v1/enterprises', '/api/v1/offline/snapshot']) {
      const res = await officer.request('GET', url);
      expect(res.statusCode).toBe(200);
      expect(res.headers['cache-control']).toBe('no-store');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
    }
    // errors too (a refused login names no one, but carries nothing to cache either)
    const denied = await t.inject({ method: 'GET', url: '/api/v1/visits' });
    expect(denied.statusCode).toBe(401);
    expect(denied.headers['cache-control']).toBe('no-store');
  });

  it('sends the gate code redirect with the same headers and no Referer', async () => {
    const res = await t.inject({ method: 'GET', url: '/c/abc' });
    expect(res.statusCode).toBe(302);
    expect(res.headers['referrer-policy']).toBe('no-referrer');
  });

  it('relaxes the CSP on the OpenAPI page only, still never framed', async () => {
    const res = await t.inject({ method: 'GET', url: '/api/docs' });
    expect(res.statusCode).toBe(200);
    const policy = csp(res.headers['content-security-policy']);
    expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
  });

  it('hashes each inline script and skips external ones', () => {
    expect(inlineScriptHashes('<script src="/a.js"></script><script>x()</script>')).toEqual([
      `'sha256-${createHash('sha256').update('x()').digest('base64')}'`,
    ]);
  });
});
