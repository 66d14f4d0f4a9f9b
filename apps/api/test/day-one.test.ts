import { randomUUID } from 'node:crypto';
import { RATING_ITEMS, type RatingLevel, usccCheckCharacter } from '@qinqing/domain';
import type { LightMyRequestResponse } from 'fastify';
import { Client } from 'pg';
import { createFirstAdmin } from '../src/users/first-admin';
import type { Method } from './support/api-client';
import { assertConformsToContract } from './support/contract-conformance';
import { signatureDataUrl } from './support/signature-png';
import { createTestDatabase } from './support/test-database';
import { startTestApp, type TestApp } from './support/test-app';

/**
 * Issue 14's must-show: a fresh database with no demo data, taken from admin:create to an officer
 * checking in and a firm manager rating the visit. Only the first administrator is made
 * in-process (what `npm run admin:create` does); everything after it goes through HTTP.
 */
describe('day one: a bureau starts on an empty database', () => {
  let t: TestApp;
  let address = 0;

  beforeAll(async () => {
    // an empty database: dropped back to before any migration, as a bureau's new one is
    const url = await createTestDatabase();
    const db = new Client({ connectionString: url });
    await db.connect();
    await db.query('DROP SCHEMA public CASCADE; CREATE SCHEMA public');
    await db.end();
    t = await startTestApp({ DATABASE_URL: url, LOGIN_ACCOUNT_DELAY_MS: 0 });
  });
  afterAll(() => t?.close());

  interface Session {
    id: string;
    call(method: Method, url: string, payload?: unknown): Promise<LightMyRequestResponse>;
  }

  async function login(username: string, password: string): Promise<LightMyRequestResponse> {
    const res = await t.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username, password },
      remoteAddress: `10.14.0.${++address}`,
    });
    assertConformsToContract('POST', '/api/v1/auth/login', res);
    return res;
  }

  function sessionOf(res: LightMyRequestResponse): Session {
    const { accessToken, user } = res.json();
    return {
      id: user.id,
      call: async (method, url, payload) => {
        const answer = await t.inject({
          method,
          url,
          headers: { authorization: `Bearer ${accessToken}` },
          ...(payload === undefined ? {} : { payload: payload as object }),
        });
        assertConformsToContract(method, url, answer);
        return answer;
      },
    };
  }

  /** The first login with a one-time password, the password change, and a login with the new one. */
  async function firstLogin(username: string, oneTimePassword: string): Promise<Session> {
    const first = await login(username, oneTimePassword);
    expect(first.statusCode).toBe(200);
    expect(first.json().user.mustChangePassword).toBe(true);
    const newPassword = 'Kaifeng-Diyitian-2027';
    const changed = await sessionOf(first).call('POST', '/api/v1/auth/password', {
      currentPassword: oneTimePassword,
      newPassword,
    });
    expect(changed.statusCode).toBe(204);
    const again = await login(username, newPassword);
    expect(again.statusCode).toBe(200);
    expect(again.json().user.mustChangePassword).toBe(false);
    return sessionOf(again);
  }

  it('from admin:create to a rated visit the supervisor sees, the audit chain intact', async () => {
    expect(await t.dataSource.query('SELECT count(*)::int AS n FROM app_user')).toEqual([{ n: 0 }]);
    expect(await t.dataSource.query('SELECT count(*)::int AS n FROM enterprise')).toEqual([
      { n: 0 },
    ]);
    const created = await createFirstAdmin(t.app, {
      username: 'zhangju',
      displayName: '张局',
      force: false,
    });
    expect(created.reset).toBe(false);

    // the admin: one-time password, his own password, then the bureau's tree
    const admin = await firstLogin('zhangju', created.oneTimePassword);
    const unit = async (name: string, parentId: string | null) => {
      const res = await admin.call('POST', '/api/v1/units', { name, parentId });
      expect(res.statusCode).toBe(201);
      return res.json() as { id: string; level: string };
    };
    const detachment = await unit('开封市生态环境综合行政执法支队', null);
    const branch = await unit('开封市生态环境局龙亭分局', detachment.id);
    const squad = await unit('龙亭分局第一中队', branch.id);
    expect([detachment.level, branch.level, squad.level]).toEqual([
      'DETACHMENT',
      'BRANCH',
      'BRIGADE',
    ]);

    // a firm and its gate
    const uscc17 = '91410202MA9KF0001';
    const gate = { lat: 34.8, lng: 114.35 };
    const firmRes = await admin.call('POST', '/api/v1/enterprises', {
      uscc: uscc17 + usccCheckCharacter(uscc17),
      name: '开封市龙亭区汴梁化工有限公司',
      district: '龙亭区',
      industry: '化工',
      unitId: squad.id,
      gates: [{ name: '正门', ...gate }],
    });
    expect(firmRes.statusCode).toBe(201);
    const firm = firmRes.json() as { id: string; name: string };

    // the people: a supervisor of the whole detachment, two officers, a firm manager
    const account = async (body: Record<string, unknown>) => {
      const res = await admin.call('POST', '/api/v1/users', body);
      expect(res.statusCode).toBe(201);
      const { user, oneTimePassword } = res.json();
      return firstLogin(user.username, oneTimePassword);
    };
    const supervisor = await account({
      username: 'wangjd',
      displayName: '王纪检',
      role: 'supervisor',
      unitId: detachment.id,
    });
    const officer = await account({
      username: 'liuzf',
      displayName: '刘执法',
      role: 'officer',
      unitId: squad.id,
      badgeNo: '豫B41020001',
    });
    const coOfficer = await account({
      username: 'zhaozf',
      displayName: '赵执法',
      role: 'officer',
      unitId: squad.id,
      badgeNo: '豫B41020002',
    });
    const manager = await account({
      username: 'bianliang',
      displayName: '陈环保',
      role: 'enterprise',
      enterpriseIds: [firm.id],
    });

    // the gate's 执法打卡码
    const gates = (await admin.call('GET', '/api/v1/gates')).json().items as {
      gateId: string;
      enterpriseId: string;
    }[];
    const gateId = gates.find((g) => g.enterpriseId === firm.id)!.gateId;
    const issued = await admin.call('POST', `/api/v1/gates/${gateId}/codes`);
    expect(issued.statusCode).toBe(201);

    // the officer scans it at the gate with his colleague, and later checks out
    const checkIn = await officer.call('POST', '/api/v1/check-ins', {
      clientId: randomUUID(),
      code: issued.json().code,
      purpose: 'SPECIAL_CAMPAIGN',
      reference: '汴环专〔2026〕1号',
      coOfficerIds: [coOfficer.id],
      location: { ...gate, accuracy: 10 },
      clientTime: new Date().toISOString(),
    });
    expect(checkIn.statusCode).toBe(201);
    expect(checkIn.json().decision.outcome).toBe('ALLOWED');
    const visitId: string = checkIn.json().visit.id;

    // the firm manager sees who is at the gate
    const atGate = (await manager.call('GET', '/api/v1/visits')).json().items as {
      id: string;
      officers: { name: string }[];
    }[];
    expect(atGate.map((v) => v.id)).toEqual([visitId]);
    expect(atGate[0].officers.map((o) => o.name).sort()).toEqual(['刘执法', '赵执法']);

    const out = await officer.call('POST', `/api/v1/visits/${visitId}/check-out`, {
      findings: 'NO_ISSUE',
    });
    expect(out.statusCode).toBe(200);

    // …and rates it with the 好差评 card: overall, the five items, a comment, his signature
    const items: RatingLevel[] = ['GOOD', 'GOOD', 'FAIR', 'GOOD', 'GOOD'];
    expect(items).toHaveLength(RATING_ITEMS.length);
    const rated = await manager.call('POST', `/api/v1/visits/${visitId}/rating`, {
      overall: 'GOOD',
      items,
      comment: '第一次检查，讲解清楚。',
      signature: signatureDataUrl(),
    });
    expect(rated.statusCode).toBe(201);

    // the supervisor sees the visit and the rating
    const logged = (await supervisor.call('GET', '/api/v1/visits')).json().items as {
      id: string;
      enterpriseName: string;
    }[];
    expect(logged).toEqual([expect.objectContaining({ id: visitId, enterpriseName: firm.name })]);
    const rating = await supervisor.call('GET', `/api/v1/visits/${visitId}/rating`);
    expect(rating.statusCode).toBe(200);
    expect(rating.json()).toMatchObject({
      overall: 'GOOD',
      items,
      comment: '第一次检查，讲解清楚。',
      signer: { id: manager.id },
    });

    // and every step is in the audit chain, which verifies
    const chain = await supervisor.call('GET', '/api/v1/audit/verify');
    expect(chain.statusCode).toBe(200);
    expect(chain.json().ok).toBe(true);
    const actions: string[] = (
      await t.dataSource.query('SELECT action FROM audit_entry ORDER BY seq')
    ).map((r: { action: string }) => r.action);
    for (const action of [
      'ADMIN_CREATED',
      'PASSWORD_CHANGED',
      'UNIT_CREATED',
      'ENTERPRISE_CREATED',
      'USER_CREATED',
      'RATING_SUBMITTED',
    ]) {
      expect(actions).toContain(action);
    }
    expect(actions.indexOf('ADMIN_CREATED')).toBeLessThan(actions.indexOf('UNIT_CREATED'));
  }, 60_000);
});
