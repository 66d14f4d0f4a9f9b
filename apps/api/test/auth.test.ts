import { randomUUID } from 'node:crypto';
import { DEMO_PASSWORD } from '../src/database/seed/demo-data';
import { hashPassword } from '../src/users/password';
import { seedDemoDataIfEmpty } from '../src/database/seed/demo-seed';
import { startTestApp, type TestApp } from './support/test-app';

describe('auth', () => {
  let t: TestApp;
  const login = (
    payload: unknown,
    remoteAddress = '10.1.1.1',
    headers: Record<string, string> = {},
  ) =>
    t.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: payload as object,
      remoteAddress,
      headers,
    });
  const ACCOUNT_DELAY_MS = 300;

  beforeAll(async () => {
    t = await startTestApp({ LOGIN_ACCOUNT_DELAY_MS: ACCOUNT_DELAY_MS });
    await seedDemoDataIfEmpty(t.dataSource);
  });
  afterAll(() => t.close());

  it('logs a demo user in with tokens and the user', async () => {
    const res = await login({ username: 'officer1', password: DEMO_PASSWORD });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({
      accessToken: expect.any(String),
      refreshToken: expect.any(String),
      expiresIn: 900,
      user: { id: expect.any(String), role: 'officer', name: '张建国', badgeNumber: '豫A41010001' },
    });
    expect(JSON.stringify(body)).not.toMatch(/passwordHash|argon2/);
  });

  it.each([
    ['a wrong password', { username: 'officer1', password: 'wrong' }],
    ['an unknown user', { username: 'nobody', password: DEMO_PASSWORD }],
  ])('refuses %s with 401 INVALID_CREDENTIALS', async (_case, payload) => {
    const res = await login(payload, '10.1.1.2');
    expect(res.statusCode).toBe(401);
    expect(res.json()).toEqual({ code: 'INVALID_CREDENTIALS', message: '用户名或密码错误。' });
  });

  it('answers a malformed body with 400 and the field errors', async () => {
    const res = await login({ username: '', extra: 1 });
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.code).toBe('VALIDATION_FAILED');
    const fields = body.errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['username', 'password', 'extra']));
  });

  it('answers invalid JSON and oversized bodies with 400 VALIDATION_FAILED', async () => {
    const broken = await t.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"username": ',
    });
    expect(broken.statusCode).toBe(400);
    expect(broken.json().code).toBe('VALIDATION_FAILED');
    const huge = await login({ username: 'x'.repeat(300_000), password: 'y' });
    expect(huge.statusCode).toBe(400);
    expect(huge.json().code).toBe('VALIDATION_FAILED');
  });

  it('refuses requests without a valid access token', async () => {
    const none = await t.inject({ method: 'GET', url: '/api/v1/enterprises' });
    expect(none.statusCode).toBe(401);
    expect(none.json().code).toBe('UNAUTHENTICATED');
    const forged = await t.inject({
      method: 'GET',
      url: '/api/v1/enterprises',
      headers: { authorization: 'Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl' },
    });
    expect(forged.statusCode).toBe(401);
  });

  it('refreshes a session, and never accepts a refresh token as an access token', async () => {
    const { refreshToken } = (await login({ username: 'firm1', password: DEMO_PASSWORD })).json();
    const refreshed = await t.inject({
      method: 'POST',
      url: '/api/v1/auth/refresh',
      payload: { refreshToken },
    });
    expect(refreshed.statusCode).toBe(200);
    expect(refreshed.json().user.role).toBe('enterprise');
    const misuse = await t.inject({
      method: 'GET',
      url: '/api/v1/enterprises',
      headers: { authorization: `Bearer ${refreshToken}` },
    });
    expect(misuse.statusCode).toBe(401);
    const { accessToken } = refreshed.json();
    const asRefresh = await t.inject({
      method: 'POST',
      url: '/api/v1/auth/refresh',
      payload: { refreshToken: accessToken },
    });
    expect(asRefresh.statusCode).toBe(401);
  });

  it('forbids routes of another role with 403', async () => {
    const { accessToken } = (await login({ username: 'firm1', password: DEMO_PASSWORD })).json();
    const res = await t.inject({
      method: 'GET',
      url: '/api/v1/audit/verify',
      headers: { authorization: `Bearer ${accessToken}` },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('FORBIDDEN');
  });

  describe('a token whose account is gone or deactivated is 401 at once', () => {
    /** A new officer of officer1's unit, logged in: its access token. */
    async function newOfficer(): Promise<{ id: string; token: string; refreshToken: string }> {
      const username = `temp-${randomUUID().slice(0, 8)}`;
      const [{ id }] = await t.dataSource.query(
        `INSERT INTO app_user (username, password_hash, role, name, unit_id, badge_number)
         SELECT $1, $2, 'officer', '临时执法人员', unit_id, $1 FROM app_user WHERE username = 'officer1'
         RETURNING id`,
        [username, await hashPassword(DEMO_PASSWORD)],
      );
      const res = await login({ username, password: DEMO_PASSWORD }, '10.1.3.1');
      expect(res.statusCode).toBe(200);
      return { id, token: res.json().accessToken, refreshToken: res.json().refreshToken };
    }
    const as = (token: string, method: 'GET' | 'POST', url: string, payload?: object) =>
      t.inject({ method, url, payload, headers: { authorization: `Bearer ${token}` } });
    const checkIn = (token: string) =>
      as(token, 'POST', '/api/v1/check-ins', {
        clientId: randomUUID(),
        code: 'x',
        purpose: 'ROUTINE',
        clientTime: new Date().toISOString(),
      });

    it.each([
      ['deleted', 'DELETE FROM app_user WHERE id = $1'],
      ['deactivated', 'UPDATE app_user SET active = false WHERE id = $1'],
    ])('%s: check-in, visits and firms answer 401 UNAUTHENTICATED', async (_case, sql) => {
      const officer = await newOfficer();
      expect((await as(officer.token, 'GET', '/api/v1/visits')).statusCode).toBe(200);
      await t.dataSource.query(sql, [officer.id]);
      for (const res of [
        await checkIn(officer.token),
        await as(officer.token, 'GET', '/api/v1/visits'),
        await as(officer.token, 'GET', '/api/v1/enterprises'),
      ]) {
        expect(res.statusCode).toBe(401);
        expect(res.json()).toEqual({ code: 'UNAUTHENTICATED', message: '请先登录。' });
      }
      const visits = await t.dataSource.query('SELECT 1 FROM visit WHERE officer_id = $1', [
        officer.id,
      ]);
      expect(visits).toEqual([]);
    });

    it('a token of an account whose role changed is 401 (log in again for the new role)', async () => {
      const officer = await newOfficer();
      await t.dataSource.query(
        `UPDATE app_user SET role = 'supervisor', unit_id = NULL, badge_number = NULL,
           jurisdiction_unit_id = (SELECT unit_id FROM app_user WHERE username = 'officer1')
         WHERE id = $1`,
        [officer.id],
      );
      expect((await checkIn(officer.token)).statusCode).toBe(401);
    });

    it('a token of an older credentials version (a reset or change since) is 401, access and refresh', async () => {
      const { id, token, refreshToken } = await newOfficer();
      await t.dataSource.query(
        'UPDATE app_user SET credentials_version = credentials_version + 1 WHERE id = $1',
        [id],
      );
      const access = await as(token, 'GET', '/api/v1/visits');
      expect([access.statusCode, access.json().code]).toEqual([401, 'UNAUTHENTICATED']);
      // The check-in reads the account in its own statement: the same answer, nothing recorded.
      const checkedIn = await checkIn(token);
      expect([checkedIn.statusCode, checkedIn.json().code]).toEqual([401, 'UNAUTHENTICATED']);
      expect(await t.dataSource.query('SELECT 1 FROM visit WHERE officer_id = $1', [id])).toEqual(
        [],
      );
      const refreshed = await t.inject({
        method: 'POST',
        url: '/api/v1/auth/refresh',
        payload: { refreshToken },
      });
      expect([refreshed.statusCode, refreshed.json().code]).toEqual([401, 'UNAUTHENTICATED']);
    });

    it('an account that must change its one-time password cannot check in (403), nothing recorded', async () => {
      const officer = await newOfficer();
      await t.dataSource.query('UPDATE app_user SET must_change_password = true WHERE id = $1', [
        officer.id,
      ]);
      const res = await checkIn(officer.token);
      expect([res.statusCode, res.json().code]).toEqual([403, 'PASSWORD_CHANGE_REQUIRED']);
      const written = await t.dataSource.query(
        `SELECT (SELECT count(*)::int FROM visit WHERE officer_id = $1) AS visits,
                (SELECT count(*)::int FROM audit_entry WHERE actor_id = $1) AS entries`,
        [officer.id],
      );
      expect(written).toEqual([{ visits: 0, entries: 0 }]);
    });

    it('an account active again is let in again', async () => {
      const officer = await newOfficer();
      await t.dataSource.query('UPDATE app_user SET active = false WHERE id = $1', [officer.id]);
      expect((await as(officer.token, 'GET', '/api/v1/visits')).statusCode).toBe(401);
      await t.dataSource.query('UPDATE app_user SET active = true WHERE id = $1', [officer.id]);
      expect((await as(officer.token, 'GET', '/api/v1/visits')).statusCode).toBe(200);
    });
  });

  it('throttles password guessing with 429 after five failures', async () => {
    const address = '10.9.9.9';
    for (let i = 0; i < 5; i++) {
      expect(
        (await login({ username: 'officer4', password: `guess${i}` }, address)).statusCode,
      ).toBe(401);
    }
    const blocked = await login({ username: 'officer4', password: DEMO_PASSWORD }, address);
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json().code).toBe('RATE_LIMITED');
  });

  it('stops 100 guesses from one address at the sixth, whatever the usernames', async () => {
    const statuses: number[] = [];
    let last;
    for (let i = 0; i < 100; i++) {
      const username = ['supervisor2', 'firm2', `nobody${i}`][i % 3];
      last = await login({ username, password: `guess${i}` }, '10.9.9.10');
      statuses.push(last.statusCode);
    }
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statuses.slice(5).every((s) => s === 429)).toBe(true);
    const { code, retryAfterSeconds } = last!.json();
    expect(code).toBe('RATE_LIMITED');
    expect(retryAfterSeconds).toBeGreaterThan(800); // until the first failure is 15 minutes old
    expect(retryAfterSeconds).toBeLessThanOrEqual(900);
    expect(last!.headers['retry-after']).toBe(String(retryAfterSeconds));
  });

  it('ignores X-Forwarded-For by default: a new header each time does not dodge the limit', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) {
      const res = await login({ username: `nobody-xff${i}`, password: 'guess' }, '10.9.9.11', {
        'x-forwarded-for': `203.0.113.${i + 1}`,
      });
      statuses.push(res.statusCode);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429]);
  });

  it('cannot be used to lock an account out: the right password from a new address gets in', async () => {
    // 5 wrong passwords for officer3 from 5 addresses …
    for (let i = 0; i < 5; i++) {
      const res = await login({ username: 'officer3', password: `guess${i}` }, `10.40.0.${i + 1}`);
      expect(res.statusCode).toBe(401);
    }
    // … then the right one from a sixth, while the guessing goes on from fresh addresses: the
    // owner waits a moment and gets in.
    const started = Date.now();
    const [owner, ...guesses] = await Promise.all([
      login({ username: 'officer3', password: DEMO_PASSWORD }, '10.40.0.100'),
      ...Array.from({ length: 6 }, (_, i) =>
        login({ username: 'officer3', password: `more${i}` }, `10.41.0.${i + 1}`),
      ),
    ]);
    expect(owner.statusCode).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(ACCOUNT_DELAY_MS - 10);
    expect(guesses.map((g) => g.statusCode)).toEqual(Array(6).fill(401));
  });
});

describe('auth behind a trusted proxy (TRUST_PROXY)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ TRUST_PROXY: '10.20.0.0/16' });
  });
  afterAll(() => t.close());

  let n = 0;
  const guess = (remoteAddress: string, forwardedFor: string) =>
    t.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: `nobody${n++}`, password: 'guess' },
      remoteAddress,
      headers: { 'x-forwarded-for': forwardedFor },
    });

  it('counts the client the proxy names, and ignores the header from anyone else', async () => {
    const viaProxy: number[] = [];
    for (let i = 0; i < 6; i++) viaProxy.push((await guess('10.20.0.1', '203.0.113.7')).statusCode);
    expect(viaProxy).toEqual([401, 401, 401, 401, 401, 429]);
    // Another client behind the same proxy is not blocked.
    expect((await guess('10.20.0.1', '203.0.113.8')).statusCode).toBe(401);

    // A client reaching the API directly cannot pick its address.
    const direct: number[] = [];
    for (let i = 0; i < 6; i++)
      direct.push((await guess('10.30.0.1', `198.51.100.${i}`)).statusCode);
    expect(direct).toEqual([401, 401, 401, 401, 401, 429]);
  });
});
