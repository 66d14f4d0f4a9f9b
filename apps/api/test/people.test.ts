import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { LightMyRequestResponse } from 'fastify';
import { DEMO_PASSWORD } from '../src/database/seed/demo-data';
import { assertConformsToContract } from './support/contract-conformance';
import { checkInBody, startDemoWorld, type DemoWorld } from './support/demo-world';
import type { Method } from './support/api-client';

interface Session {
  accessToken: string;
  refreshToken: string;
  user: { id: string; mustChangePassword: boolean; role: string };
}

describe('people: units, accounts, one-time passwords, deactivation (admin)', () => {
  let w: DemoWorld;
  let address = 0;
  let units: Record<'zd' | 'js' | 'xz', string>;

  beforeAll(async () => {
    w = await startDemoWorld({ LOGIN_ACCOUNT_DELAY_MS: 0 });
    const rows: { id: string; code: string }[] =
      await w.t.dataSource.query(`SELECT id, code FROM unit`);
    const byCode = (code: string) => rows.find((r) => r.code === code)!.id;
    units = { zd: byCode('ZZ-ZD'), js: byCode('ZZ-JS'), xz: byCode('ZZ-XZ') };
  });
  afterAll(() => w.t.close());

  const login = async (username: string, password: string) => {
    const res = await w.t.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username, password },
      remoteAddress: `10.20.${Math.floor(++address / 250)}.${(address % 250) + 1}`,
    });
    assertConformsToContract('POST', '/api/v1/auth/login', res);
    return res;
  };
  const session = async (username: string, password: string): Promise<Session> => {
    const res = await login(username, password);
    if (res.statusCode !== 200) throw new Error(`login ${username}: ${res.body}`);
    return res.json();
  };
  const call = async (
    token: string,
    method: Method,
    url: string,
    payload?: unknown,
  ): Promise<LightMyRequestResponse> => {
    const res = await w.t.inject({
      method,
      url,
      headers: { authorization: `Bearer ${token}` },
      ...(payload === undefined ? {} : { payload: payload as object }),
      remoteAddress: `10.30.${Math.floor(++address / 250)}.${(address % 250) + 1}`,
    });
    assertConformsToContract(method, url, res);
    return res;
  };
  const admin = (method: Method, url: string, payload?: unknown) =>
    w.users.admin.request(method, url, payload);
  const refresh = (refreshToken: string) =>
    w.t.inject({ method: 'POST', url: '/api/v1/auth/refresh', payload: { refreshToken } });
  const auditOf = async (subjectId: string) =>
    (await w.t.dataSource.query(
      'SELECT action, actor_id AS "actorId", data FROM audit_entry WHERE subject_id = $1 ORDER BY seq',
      [subjectId],
    )) as { action: string; actorId: string; data: Record<string, unknown> }[];
  let badge = 100;
  const newOfficer = async (username: string, unitId = units.js) => {
    const res = await admin('POST', '/api/v1/users', {
      username,
      displayName: '孙晓东',
      role: 'officer',
      unitId,
      badgeNo: `豫A4101${++badge}`,
      phone: '13800000099',
    });
    expect(res.statusCode).toBe(201);
    return res.json() as { user: { id: string; username: string }; oneTimePassword: string };
  };
  /** Logs in with the one-time password and sets a new one. */
  const activate = async (username: string, oneTimePassword: string, newPassword: string) => {
    const first = await session(username, oneTimePassword);
    const res = await call(first.accessToken, 'POST', '/api/v1/auth/password', {
      currentPassword: oneTimePassword,
      newPassword,
    });
    expect(res.statusCode).toBe(204);
    return session(username, newPassword);
  };

  describe('units', () => {
    it('adds units under a parent, lists the tree with parentId and active, audited', async () => {
      const res = await admin('POST', '/api/v1/units', {
        name: '金水分局第一中队',
        parentId: units.js,
      });
      expect(res.statusCode).toBe(201);
      const squad = res.json();
      expect(squad).toEqual({
        id: expect.any(String),
        code: expect.stringMatching(/^U-[0-9A-F]{8}$/),
        name: '金水分局第一中队',
        level: 'BRIGADE',
        parentId: units.js,
        active: true,
      });
      const top = await admin('POST', '/api/v1/units', {
        name: '许昌市生态环境综合行政执法支队',
        parentId: null,
        code: 'XC-ZD',
      });
      expect(top.json()).toMatchObject({ level: 'DETACHMENT', parentId: null, code: 'XC-ZD' });
      const branch = await admin('POST', '/api/v1/units', {
        name: '许昌市生态环境局魏都分局',
        parentId: top.json().id,
      });
      expect(branch.json().level).toBe('BRANCH');

      const list = (await admin('GET', '/api/v1/units')).json().items as {
        id: string;
        parentId: string | null;
        activeAccounts: number;
      }[];
      const index = (id: string) => list.findIndex((u) => u.id === id);
      expect(index(squad.id)).toBeGreaterThan(index(units.js));
      expect(index(units.js)).toBeGreaterThan(index(units.zd));
      for (const unit of list) {
        if (unit.parentId) expect(index(unit.parentId)).toBeLessThan(index(unit.id));
      }
      // each with its own active accounts (officers by unit, supervisors by jurisdiction)
      const [{ n }] = await w.t.dataSource.query(
        `SELECT count(*)::int AS n FROM app_user
          WHERE active AND (unit_id = $1 OR jurisdiction_unit_id = $1)`,
        [units.js],
      );
      expect(n).toBeGreaterThan(0);
      expect(list[index(units.js)].activeAccounts).toBe(n);
      expect(list[index(squad.id)].activeAccounts).toBe(0);
      expect(await auditOf(squad.id)).toEqual([
        {
          action: 'UNIT_CREATED',
          actorId: w.users.admin.id,
          data: expect.objectContaining({ name: '金水分局第一中队', parentId: units.js }),
        },
      ]);
    });

    it('refuses a parent that does not exist or is retired, a taken code, a blank name', async () => {
      const missing = await admin('POST', '/api/v1/units', {
        name: '某中队',
        parentId: '00000000-0000-4000-8000-000000000000',
      });
      expect(missing.statusCode).toBe(400);
      expect(missing.json().errors).toEqual([
        { field: 'parentId', message: '找不到该单位，或该单位已撤销' },
      ]);
      const taken = await admin('POST', '/api/v1/units', {
        name: '某中队',
        parentId: units.js,
        code: 'ZZ-XZ',
      });
      expect(taken.statusCode).toBe(409);
      const blank = await admin('POST', '/api/v1/units', { name: '  ', parentId: units.js });
      expect(blank.statusCode).toBe(400);
      expect(blank.json().errors[0].field).toBe('name');
    });

    it('renames and moves a unit; refuses moving it under itself or its own subtree (409 UNIT_CYCLE)', async () => {
      const a = (
        await admin('POST', '/api/v1/units', { name: '甲大队', parentId: units.zd })
      ).json();
      const b = (await admin('POST', '/api/v1/units', { name: '乙中队', parentId: a.id })).json();
      const c = (await admin('POST', '/api/v1/units', { name: '丙小组', parentId: b.id })).json();
      for (const parentId of [a.id, b.id, c.id]) {
        const res = await admin('PATCH', `/api/v1/units/${a.id}`, { parentId });
        expect(res.statusCode).toBe(409);
        expect(res.json()).toMatchObject({
          code: 'UNIT_CYCLE',
          message: '不能把单位移到它自己或它的下级单位之下。',
        });
      }
      const moved = await admin('PATCH', `/api/v1/units/${c.id}`, {
        parentId: units.xz,
        name: '丙中队',
      });
      expect(moved.statusCode).toBe(200);
      expect(moved.json()).toMatchObject({ parentId: units.xz, name: '丙中队' });
      // the former child may now take its former parent
      expect((await admin('PATCH', `/api/v1/units/${a.id}`, { parentId: c.id })).statusCode).toBe(
        200,
      );
      const top = await admin('PATCH', `/api/v1/units/${a.id}`, { parentId: null });
      expect(top.json().parentId).toBeNull();
      expect((await auditOf(c.id)).map((e) => [e.action, e.data])).toEqual([
        ['UNIT_CREATED', expect.any(Object)],
        [
          'UNIT_UPDATED',
          {
            before: { name: '丙小组', parentId: b.id },
            after: { name: '丙中队', parentId: units.xz },
          },
        ],
      ]);
      expect(
        (await admin('PATCH', '/api/v1/units/00000000-0000-4000-8000-000000000000', { name: 'x' }))
          .statusCode,
      ).toBe(404);
    });

    it('retires a unit only without active accounts or active child units (409 UNIT_IN_USE)', async () => {
      const busy = await admin('PATCH', `/api/v1/units/${units.js}`, { active: false });
      expect(busy.statusCode).toBe(409);
      expect(busy.json()).toMatchObject({ code: 'UNIT_IN_USE', activeAccounts: 3 }); // 2 officers, supervisor2
      const parent = await admin('PATCH', `/api/v1/units/${units.zd}`, { active: false });
      expect(parent.json()).toMatchObject({ code: 'UNIT_IN_USE' });
      expect(parent.json().activeChildUnits).toBeGreaterThan(0);

      const unit = (
        await admin('POST', '/api/v1/units', { name: '临时中队', parentId: units.xz })
      ).json();
      const officer = await newOfficer('linshi1', unit.id);
      expect((await admin('PATCH', `/api/v1/units/${unit.id}`, { active: false })).statusCode).toBe(
        409,
      );
      await admin('PATCH', `/api/v1/users/${officer.user.id}`, { active: false });
      const retired = await admin('PATCH', `/api/v1/units/${unit.id}`, { active: false });
      expect(retired.statusCode).toBe(200);
      expect(retired.json().active).toBe(false);
      // kept in the list, offered for nothing new
      const listed = (await admin('GET', '/api/v1/units')).json().items;
      expect(listed).toContainEqual(expect.objectContaining({ id: unit.id, active: false }));
      const into = await admin('POST', '/api/v1/users', {
        username: 'linshi2',
        displayName: '临时',
        role: 'officer',
        unitId: unit.id,
        badgeNo: '豫A4109999',
      });
      expect(into.statusCode).toBe(400);
      expect(into.json().errors).toEqual([
        { field: 'unitId', message: '找不到该单位，或该单位已撤销' },
      ]);
      const under = await admin('POST', '/api/v1/units', { name: '下级', parentId: unit.id });
      expect(under.statusCode).toBe(400);
      const back = await admin('PATCH', `/api/v1/units/${unit.id}`, { active: true });
      expect(back.json().active).toBe(true);
    });
  });

  describe('accounts', () => {
    it('creates an officer with a one-time password; the answer, the database and the audit hold no password', async () => {
      const res = await admin('POST', '/api/v1/users', {
        username: 'sunxd',
        displayName: '孙晓东',
        role: 'officer',
        unitId: units.js,
        badgeNo: '豫A41010088',
        phone: '13800000088',
      });
      expect(res.statusCode).toBe(201);
      const { user, oneTimePassword } = res.json();
      expect(user).toEqual({
        id: expect.any(String),
        username: 'sunxd',
        displayName: '孙晓东',
        role: 'officer',
        active: true,
        unitId: units.js,
        badgeNo: '豫A41010088',
        enterpriseIds: [],
        phone: '13800000088',
        mustChangePassword: true,
        createdAt: expect.any(String),
        updatedAt: expect.any(String),
      });
      expect(oneTimePassword).toMatch(/^[A-HJ-NP-Za-km-z2-9]{14}$/);
      const [row] = await w.t.dataSource.query(
        `SELECT password_hash, unit_id, jurisdiction_unit_id FROM app_user WHERE id = $1`,
        [user.id],
      );
      expect(row.password_hash).toMatch(/^\$argon2id\$/);
      expect(row).toMatchObject({ unit_id: units.js, jurisdiction_unit_id: null });
      const audit = await auditOf(user.id);
      expect(audit).toEqual([
        {
          action: 'USER_CREATED',
          actorId: w.users.admin.id,
          data: expect.objectContaining({
            username: 'sunxd',
            role: 'officer',
            badgeNo: '豫A41010088',
          }),
        },
      ]);
      expect(JSON.stringify(audit)).not.toContain(oneTimePassword);
      expect((await admin('GET', `/api/v1/users/${user.id}`)).json()).toEqual(user);
    });

    it('stores a supervisor’s unit as his jurisdiction, binds an enterprise user to firms', async () => {
      const sup = await admin('POST', '/api/v1/users', {
        username: 'jijian3',
        displayName: '新郑纪检监督员',
        role: 'supervisor',
        unitId: units.xz,
      });
      expect(sup.statusCode).toBe(201);
      expect(sup.json().user).toMatchObject({ unitId: units.xz, badgeNo: null });
      const [row] = await w.t.dataSource.query(
        `SELECT unit_id, jurisdiction_unit_id FROM app_user WHERE id = $1`,
        [sup.json().user.id],
      );
      expect(row).toEqual({ unit_id: null, jurisdiction_unit_id: units.xz });

      const firms = [w.firms.sinian.id, w.firms.yutong.id];
      const ent = await admin('POST', '/api/v1/users', {
        username: 'sinian2',
        displayName: '思念食品安全员',
        role: 'enterprise',
        enterpriseIds: firms,
      });
      expect(ent.statusCode).toBe(201);
      expect(ent.json().user.enterpriseIds).toEqual([...firms].sort());
      // the firm user sees his firms, and only them, once his password is his own
      const s = await activate('sinian2', ent.json().oneTimePassword, 'Sinian-Anquan-2027');
      const seen = (await call(s.accessToken, 'GET', '/api/v1/enterprises')).json().items;
      expect(seen.map((f: { id: string }) => f.id).sort()).toEqual([...firms].sort());
      const moved = await admin('PATCH', `/api/v1/users/${ent.json().user.id}`, {
        enterpriseIds: [w.firms.ruitai.id],
      });
      expect(moved.json().enterpriseIds).toEqual([w.firms.ruitai.id]);
      const now = (await call(s.accessToken, 'GET', '/api/v1/enterprises')).json().items;
      expect(now.map((f: { id: string }) => f.id)).toEqual([w.firms.ruitai.id]);
    });

    it.each([
      ['an officer without unit and badge', { role: 'officer' }, ['unitId', 'badgeNo']],
      ['a supervisor without jurisdiction', { role: 'supervisor' }, ['unitId']],
      ['an enterprise user without firms', { role: 'enterprise' }, ['enterpriseIds']],
      [
        'an admin with a unit and a badge',
        { role: 'admin', unitId: '00000000-0000-4000-8000-000000000000', badgeNo: 'X1' },
        ['unitId', 'badgeNo'],
      ],
      [
        'an enterprise user with an unknown firm',
        { role: 'enterprise', enterpriseIds: ['00000000-0000-4000-8000-000000000000'] },
        ['enterpriseIds'],
      ],
      ['a bad username', { role: 'admin', username: 'a b' }, ['username']],
      ['a bad role', { role: 'boss' }, ['role']],
    ])('refuses %s with 400 on the fields', async (_, fields, expected) => {
      const res = await admin('POST', '/api/v1/users', {
        username: 'someone',
        displayName: '某人',
        ...fields,
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().errors.map((e: { field: string }) => e.field)).toEqual(expected);
      for (const e of res.json().errors) expect(e.message).toMatch(/[\u4e00-\u9fff]/);
    });

    it('refuses a taken username (any case) with 409 USERNAME_TAKEN, a taken badge with 409', async () => {
      const dup = await admin('POST', '/api/v1/users', {
        username: 'Officer1',
        displayName: '重复',
        role: 'admin',
      });
      expect(dup.statusCode).toBe(409);
      expect(dup.json()).toMatchObject({
        code: 'USERNAME_TAKEN',
        message: '该用户名已被使用，请换一个。',
      });
      const badgeTaken = await admin('POST', '/api/v1/users', {
        username: 'badgecopy',
        displayName: '重复证号',
        role: 'officer',
        unitId: units.js,
        badgeNo: '豫A41010001',
      });
      expect(badgeTaken.statusCode).toBe(409);
      expect(badgeTaken.json().errors).toEqual([
        { field: 'badgeNo', message: '该执法证号已登记在其他账号上' },
      ]);
    });

    it('lists accounts page by page, filtered by role, unit subtree and text', async () => {
      const all: { id: string }[] = [];
      let cursor: string | null = null;
      do {
        const page: LightMyRequestResponse = await admin(
          'GET',
          `/api/v1/users?limit=3${cursor ? `&cursor=${cursor}` : ''}`,
        );
        expect(page.statusCode).toBe(200);
        all.push(...page.json().items);
        cursor = page.json().nextCursor;
      } while (cursor);
      const [{ n }] = await w.t.dataSource.query(`SELECT count(*)::int AS n FROM app_user`);
      expect(all).toHaveLength(n);
      expect(new Set(all.map((u) => u.id)).size).toBe(n);

      const officers = (await admin('GET', '/api/v1/users?role=officer&limit=200')).json().items;
      expect(officers.every((u: { role: string }) => u.role === 'officer')).toBe(true);
      // the 支队's subtree holds every officer and supervisor of the demo
      const inZd = (await admin('GET', `/api/v1/users?unitId=${units.zd}&limit=200`)).json().items;
      expect(inZd.map((u: { username: string }) => u.username)).toEqual(
        expect.arrayContaining(['officer1', 'officer3', 'supervisor', 'supervisor2']),
      );
      const inXz = (await admin('GET', `/api/v1/users?unitId=${units.xz}&limit=200`)).json().items;
      expect(inXz.map((u: { username: string }) => u.username)).not.toContain('officer1');
      const found = (await admin('GET', `/api/v1/users?q=${encodeURIComponent('张建国')}`)).json();
      expect(found.items.map((u: { username: string }) => u.username)).toEqual(['officer1']);
      const byBadge = (await admin('GET', `/api/v1/users?q=41010003`)).json().items;
      expect(byBadge.map((u: { username: string }) => u.username)).toEqual(['officer3']);
      const wild = (await admin('GET', `/api/v1/users?q=${encodeURIComponent('%')}`)).json().items;
      expect(wild).toEqual([]);
      const bad = await admin('GET', '/api/v1/users?cursor=nonsense');
      expect(bad.statusCode).toBe(400);
    });

    it('is for admins only: every other role gets 403 on every route, and no account data', async () => {
      const someone = w.users.officer2.id;
      for (const user of [w.users.officer1, w.users.supervisor, w.users.firm1]) {
        for (const [method, url, body] of [
          ['GET', '/api/v1/users', undefined],
          ['GET', `/api/v1/users/${someone}`, undefined],
          ['POST', '/api/v1/users', { username: 'x1x', displayName: 'x', role: 'admin' }],
          ['PATCH', `/api/v1/users/${someone}`, { active: false }],
          ['POST', `/api/v1/users/${someone}/password-reset`, undefined],
          ['GET', '/api/v1/units', undefined],
          ['POST', '/api/v1/units', { name: 'x', parentId: null }],
          ['PATCH', `/api/v1/units/${units.js}`, { active: false }],
        ] as const) {
          const res = await user.request(method, url, body);
          expect([method, url, res.statusCode]).toEqual([method, url, 403]);
          expect(res.json().code).toBe('FORBIDDEN');
          expect(res.body).not.toContain('李明华');
        }
      }
      const [{ active }] = await w.t.dataSource.query(`SELECT active FROM app_user WHERE id = $1`, [
        someone,
      ]);
      expect(active).toBe(true);
      const anonymous = await w.t.inject({ method: 'GET', url: '/api/v1/users' });
      expect(anonymous.statusCode).toBe(401);
    });

    it('changes an account with before and after in the audit log; an admin cannot deactivate himself', async () => {
      const { user } = await newOfficer('genggai');
      const res = await admin('PATCH', `/api/v1/users/${user.id}`, {
        displayName: '耿盖',
        unitId: units.xz,
      });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ displayName: '耿盖', unitId: units.xz });
      const entries = await auditOf(user.id);
      expect(entries[entries.length - 1]).toEqual({
        action: 'USER_UPDATED',
        actorId: w.users.admin.id,
        data: {
          before: { displayName: '孙晓东', unitId: units.js },
          after: { displayName: '耿盖', unitId: units.xz },
        },
      });
      const wrong = await admin('PATCH', `/api/v1/users/${user.id}`, {
        enterpriseIds: [w.firms.sinian.id],
      });
      expect(wrong.statusCode).toBe(400);
      expect(wrong.json().errors[0].field).toBe('enterpriseIds');
      const self = await admin('PATCH', `/api/v1/users/${w.users.admin.id}`, { active: false });
      expect(self.statusCode).toBe(400);
      expect(self.json().errors).toEqual([{ field: 'active', message: '不能停用自己的账号' }]);
      expect(
        (await admin('GET', '/api/v1/users/00000000-0000-4000-8000-000000000000')).statusCode,
      ).toBe(404);
    });
  });

  describe('one-time passwords', () => {
    it('lets the one-time password in, then only to the password change: 403 PASSWORD_CHANGE_REQUIRED on every other operation', async () => {
      const { oneTimePassword } = await newOfficer('yicixing');
      const res = await login('yicixing', oneTimePassword);
      expect(res.statusCode).toBe(200);
      const first: Session = res.json();
      expect(first.user.mustChangePassword).toBe(true);

      const document = JSON.parse(
        readFileSync(path.join(__dirname, '../openapi.json'), 'utf8'),
      ) as { paths: Record<string, Record<string, { security: unknown[]; operationId: string }>> };
      let checked = 0;
      for (const [route, item] of Object.entries(document.paths)) {
        for (const [method, op] of Object.entries(item)) {
          if (op.security.length === 0 || op.operationId === 'changePassword') continue;
          const url = route.replace(/\{[^}]+\}/g, '7d4f1c1e-3b2a-4c5d-8e6f-0a1b2c3d4e5f');
          const answer = await w.t.inject({
            method: method.toUpperCase() as Method,
            url,
            headers: { authorization: `Bearer ${first.accessToken}` },
            payload: method === 'get' ? undefined : {},
          });
          expect([method, route, answer.statusCode, answer.json().code]).toEqual([
            method,
            route,
            403,
            'PASSWORD_CHANGE_REQUIRED',
          ]);
          checked++;
        }
      }
      expect(checked).toBeGreaterThan(60);
      const one = await call(first.accessToken, 'GET', '/api/v1/visits');
      expect(one.json().message).toBe(
        '请先修改初始密码：一次性密码登录后须设置新密码，才能继续使用。',
      );

      // a refreshed session carries the same restriction
      const refreshed = await refresh(first.refreshToken);
      expect(refreshed.statusCode).toBe(200);
      expect(refreshed.json().user.mustChangePassword).toBe(true);
      const still = await call(refreshed.json().accessToken, 'GET', '/api/v1/visits');
      expect(still.json().code).toBe('PASSWORD_CHANGE_REQUIRED');

      const changed = await call(first.accessToken, 'POST', '/api/v1/auth/password', {
        currentPassword: oneTimePassword,
        newPassword: 'Jinshui-Zhifa-2027',
      });
      expect(changed.statusCode).toBe(204);
      // the one-time password's session is over; the new password's session reaches his routes
      expect((await call(first.accessToken, 'GET', '/api/v1/visits')).statusCode).toBe(401);
      expect((await login('yicixing', oneTimePassword)).statusCode).toBe(401);
      const after = await session('yicixing', 'Jinshui-Zhifa-2027');
      expect(after.user.mustChangePassword).toBe(false);
      expect((await call(after.accessToken, 'GET', '/api/v1/visits')).statusCode).toBe(200);
      const entries = await auditOf(after.user.id);
      expect(entries.map((e) => e.action)).toEqual(['USER_CREATED', 'PASSWORD_CHANGED']);
      expect(JSON.stringify(entries)).not.toContain('Jinshui-Zhifa-2027');
    });

    it.each([
      ['too short', 'Ab3-xyz', ['密码至少需要 10 个字符']],
      ['the username inside', 'CeLue-mima-2027', ['密码不能包含用户名']],
      ['well known', 'password2026!', ['该密码过于常见，容易被猜中，请换一个']],
      ['the demo password', DEMO_PASSWORD, ['该密码过于常见，容易被猜中，请换一个']],
      ['88888888', '8888888888', ['该密码过于常见，容易被猜中，请换一个']],
      [
        'short and well known',
        '123456',
        ['密码至少需要 10 个字符', '该密码过于常见，容易被猜中，请换一个'],
      ],
    ])(
      'refuses a new password that is %s, with the policy’s Chinese messages',
      async (_, newPassword, messages) => {
        const username = `celue${badge + 1}`;
        const { oneTimePassword } = await newOfficer(username);
        const s = await session(username, oneTimePassword);
        const res = await call(s.accessToken, 'POST', '/api/v1/auth/password', {
          currentPassword: oneTimePassword,
          newPassword: newPassword.replace('CeLue', username.toUpperCase()),
        });
        expect(res.statusCode).toBe(400);
        expect(res.json().errors).toEqual(
          messages.map((message) => ({ field: 'newPassword', message })),
        );
      },
    );

    it('refuses the current password as the new one, and a wrong current password (counted like a failed login)', async () => {
      const { oneTimePassword } = await newOfficer('tongyi');
      const s = await session('tongyi', oneTimePassword);
      const same = await call(s.accessToken, 'POST', '/api/v1/auth/password', {
        currentPassword: oneTimePassword,
        newPassword: oneTimePassword,
      });
      expect(same.json().errors).toEqual([
        { field: 'newPassword', message: '新密码不能与当前密码相同' },
      ]);
      const wrong = await call(s.accessToken, 'POST', '/api/v1/auth/password', {
        currentPassword: 'not-the-password',
        newPassword: 'Huanbao-Zhifa-2027x',
      });
      expect(wrong.statusCode).toBe(400);
      expect(wrong.json().errors).toEqual([
        { field: 'currentPassword', message: '当前密码不正确' },
      ]);
      const [{ n }] = await w.t.dataSource.query(
        `SELECT count(*)::int AS n FROM login_attempt WHERE key = 'account:tongyi'`,
      );
      expect(n).toBe(1);
      // the address that keeps guessing is stopped like a login
      const statuses: number[] = [];
      for (let i = 0; i < 6; i++) {
        const res = await w.t.inject({
          method: 'POST',
          url: '/api/v1/auth/password',
          headers: { authorization: `Bearer ${s.accessToken}` },
          payload: { currentPassword: `guess-${i}`, newPassword: 'Huanbao-Zhifa-2027x' },
          remoteAddress: '10.99.0.1',
        });
        statuses.push(res.statusCode);
      }
      expect(statuses).toEqual([400, 400, 400, 400, 400, 429]);
    });

    it('lets demo users keep their password and change it like anyone', async () => {
      const s = await session('officer4', DEMO_PASSWORD);
      expect(s.user.mustChangePassword).toBe(false);
      expect((await call(s.accessToken, 'GET', '/api/v1/visits')).statusCode).toBe(200);
    });

    it('resets a password: a new one-time password, the old password gone, audited', async () => {
      const { user, oneTimePassword } = await newOfficer('chongzhi');
      const s = await activate('chongzhi', oneTimePassword, 'Jiancha-Mima-2027x');
      const res = await admin('POST', `/api/v1/users/${user.id}/password-reset`);
      expect(res.statusCode).toBe(200);
      const next = res.json().oneTimePassword;
      expect(next).toMatch(/^[A-HJ-NP-Za-km-z2-9]{14}$/);
      expect(next).not.toBe(oneTimePassword);
      expect((await login('chongzhi', 'Jiancha-Mima-2027x')).statusCode).toBe(401);
      // the session already open ends at once: its access token and its refresh token
      const access = await call(s.accessToken, 'GET', '/api/v1/visits');
      expect([access.statusCode, access.json().code]).toEqual([401, 'UNAUTHENTICATED']);
      const refreshed = await refresh(s.refreshToken);
      expect([refreshed.statusCode, refreshed.json().code]).toEqual([401, 'UNAUTHENTICATED']);
      const again = await session('chongzhi', next);
      expect(again.user.mustChangePassword).toBe(true);
      // the one-time password's session is held to the password change
      expect((await call(again.accessToken, 'GET', '/api/v1/visits')).json().code).toBe(
        'PASSWORD_CHANGE_REQUIRED',
      );
      const entries = await auditOf(user.id);
      expect(entries.map((e) => e.action)).toEqual([
        'USER_CREATED',
        'PASSWORD_CHANGED',
        'USER_PASSWORD_RESET',
      ]);
      expect(entries[2]).toMatchObject({ actorId: w.users.admin.id, data: {} });
      expect(JSON.stringify(entries)).not.toContain(next);
    });

    it('a change of one’s own password ends his other sessions; the phone’s login right after the 204 keeps him signed in', async () => {
      const { oneTimePassword } = await newOfficer('liangbu');
      const phone = await activate('liangbu', oneTimePassword, 'Shouji-Mima-2027x');
      const tablet = await session('liangbu', 'Shouji-Mima-2027x');
      expect((await call(tablet.accessToken, 'GET', '/api/v1/visits')).statusCode).toBe(200);

      const changed = await call(phone.accessToken, 'POST', '/api/v1/auth/password', {
        currentPassword: 'Shouji-Mima-2027x',
        newPassword: 'Pingban-Mima-2028y',
      });
      expect(changed.statusCode).toBe(204); // the contract's answer stays
      // what the phone does with the new password in memory: log in again at once
      const renewed = await session('liangbu', 'Pingban-Mima-2028y');
      expect((await call(renewed.accessToken, 'GET', '/api/v1/visits')).statusCode).toBe(200);
      expect((await refresh(renewed.refreshToken)).statusCode).toBe(200);
      // every session from before the change is over, access and refresh tokens alike
      for (const old of [phone, tablet]) {
        expect((await call(old.accessToken, 'GET', '/api/v1/visits')).statusCode).toBe(401);
        expect((await refresh(old.refreshToken)).statusCode).toBe(401);
      }
    });
  });

  describe('deactivation', () => {
    it('stops the access and the refresh token on the very next request; reactivated, he logs in again', async () => {
      const { user, oneTimePassword } = await newOfficer('tingyong');
      const s = await activate('tingyong', oneTimePassword, 'Zhifa-Daka-2027');
      expect((await call(s.accessToken, 'GET', '/api/v1/visits')).statusCode).toBe(200);

      const off = await admin('PATCH', `/api/v1/users/${user.id}`, { active: false });
      expect(off.statusCode).toBe(200);
      expect(off.json().active).toBe(false);
      const access = await call(s.accessToken, 'GET', '/api/v1/visits');
      expect(access.statusCode).toBe(401);
      expect(access.json().code).toBe('UNAUTHENTICATED');
      const refreshed = await refresh(s.refreshToken);
      expect(refreshed.statusCode).toBe(401);
      expect((await login('tingyong', 'Zhifa-Daka-2027')).statusCode).toBe(401);
      const entries = await auditOf(user.id);
      expect(entries[entries.length - 1].data).toEqual({
        before: { active: true },
        after: { active: false },
      });

      // reactivated, he logs in again: the sessions ended by the deactivation stay ended
      await admin('PATCH', `/api/v1/users/${user.id}`, { active: true });
      expect((await call(s.accessToken, 'GET', '/api/v1/visits')).statusCode).toBe(401);
      expect((await refresh(s.refreshToken)).statusCode).toBe(401);
      const back = await session('tingyong', 'Zhifa-Daka-2027');
      expect((await call(back.accessToken, 'GET', '/api/v1/visits')).statusCode).toBe(200);
    });

    it('refuses an inactive co-officer (OFFICER_INACTIVE); his open visit stays open for his colleague to check out; his history stays', async () => {
      const firm = w.firms.haier;
      const code = await w.issueCode(firm);
      // officer2 checks in with officer1, then officer1 is deactivated
      const visit = await w.users.officer2.request(
        'POST',
        '/api/v1/check-ins',
        checkInBody(w, code, firm, { coOfficerIds: [w.users.officer1.id] }),
      );
      expect(visit.statusCode).toBe(201);
      const visitId: string = visit.json().visit.id;
      await admin('PATCH', `/api/v1/users/${w.users.officer1.id}`, { active: false });
      try {
        const refused = await w.users.officer2.request(
          'POST',
          '/api/v1/check-ins',
          checkInBody(w, code, w.firms.haier, {
            coOfficerIds: [w.users.officer1.id],
            purpose: 'COMPLAINT_VERIFICATION',
            reference: '郑环信〔2026〕88号',
          }),
        );
        expect(refused.statusCode).toBe(409);
        expect(refused.json().code).toBe('CHECK_IN_REFUSED');
        expect(refused.json().reasons.map((r: { code: string }) => r.code)).toContain(
          'OFFICER_INACTIVE',
        );
        // his own token is refused outright
        expect((await w.users.officer1.request('GET', '/api/v1/visits')).statusCode).toBe(401);
        // the visit he is on stays open, and his colleague closes it
        const open = await w.users.officer2.request('GET', `/api/v1/visits/${visitId}`);
        expect(open.statusCode).toBe(200);
        expect(open.json().checkedOutAt).toBeNull();
        const out = await w.users.officer2.request('POST', `/api/v1/visits/${visitId}/check-out`, {
          findings: 'NO_ISSUE',
        });
        expect(out.statusCode).toBe(200);
        // his history stays: the supervisor still sees his visits
        const history = await w.users.supervisor.request(
          'GET',
          `/api/v1/visits?officerId=${w.users.officer1.id}&limit=200`,
        );
        expect(history.json().items.map((v: { id: string }) => v.id)).toContain(visitId);
      } finally {
        await admin('PATCH', `/api/v1/users/${w.users.officer1.id}`, { active: true });
      }
      // reactivated, he logs in again (the deactivation ended the session he had)
      expect((await w.users.officer1.request('GET', '/api/v1/visits')).statusCode).toBe(401);
      const back = await session('officer1', DEMO_PASSWORD);
      expect((await call(back.accessToken, 'GET', '/api/v1/visits')).statusCode).toBe(200);
    });
  });
});
