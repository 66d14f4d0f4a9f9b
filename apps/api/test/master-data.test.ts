import { checkUscc } from '@qinqing/domain';
import { startDemoWorld, type DemoWorld } from './support/demo-world';

describe('enterprises, gate codes and policy', () => {
  let w: DemoWorld;
  beforeAll(async () => {
    w = await startDemoWorld();
  });
  afterAll(() => w.t.close());

  const names = async (user: keyof DemoWorld['users']) =>
    (await w.users[user].request('GET', '/api/v1/enterprises'))
      .json()
      .items.map((e: { name: string }) => e.name);

  describe('GET /api/v1/enterprises', () => {
    it('gives each item the contract fields', async () => {
      const items = (await w.users.admin.request('GET', '/api/v1/enterprises')).json().items;
      const sinian = items.find((e: { name: string }) => e.name === '郑州思念食品有限公司');
      expect(sinian).toMatchObject({
        id: expect.any(String),
        uscc: expect.any(String),
        creditGrade: 'TRUSTWORTHY',
        supervisionClass: 'GENERAL',
        onPositiveList: true,
        gates: [
          {
            id: expect.any(String),
            name: '正门',
            lat: expect.any(Number),
            lng: expect.any(Number),
            radiusM: 200,
          },
          {
            id: expect.any(String),
            name: '物流门',
            lat: expect.any(Number),
            lng: expect.any(Number),
            radiusM: 150,
          },
        ],
      });
      expect(checkUscc(sinian.uscc).valid).toBe(true);
      // removed from the list at the end of 2022: membership is judged by the day
      expect(
        items.find((e: { name: string }) => e.name === '郑州海尔空调器有限公司').onPositiveList,
      ).toBe(false);
    });

    it('scopes the list by role', async () => {
      expect(await names('firm1')).toEqual(['郑州思念食品有限公司']);
      expect(await names('firm2')).toEqual(['河南瑞泰耐材科技有限公司']);
      const jinshui = await names('officer1');
      expect(jinshui).toEqual(
        expect.arrayContaining(['郑州思念食品有限公司', '郑州宇通客车股份有限公司']),
      );
      expect(jinshui).not.toContain('河南瑞泰耐材科技有限公司');
      expect((await names('supervisor')).length).toBe(8);
    });
  });

  describe('gate codes', () => {
    it('issues versions, revokes the older one, and only for admins', async () => {
      const gate = w.firms.yutong.gateId;
      const first = await w.users.admin.request('POST', `/api/v1/gates/${gate}/codes`);
      expect(first.statusCode).toBe(201);
      expect(first.json()).toMatchObject({
        version: 1,
        code: expect.stringMatching(/^http:\/\/localhost:3000\/c\/[\w-]{136}$/),
      });
      const second = await w.users.admin.request('POST', `/api/v1/gates/${gate}/codes`);
      expect(second.json().version).toBe(2);
      const active = await w.t.dataSource.query(
        'SELECT version FROM gate_code WHERE gate_id = $1 AND revoked_at IS NULL',
        [gate],
      );
      expect(active).toEqual([{ version: 2 }]);
      expect(
        (await w.users.officer1.request('POST', `/api/v1/gates/${gate}/codes`)).statusCode,
      ).toBe(403);
      expect(
        (
          await w.users.admin.request(
            'POST',
            '/api/v1/gates/6f1d2c3b-0000-4000-8000-000000000000/codes',
          )
        ).statusCode,
      ).toBe(404);
      expect(
        (await w.users.admin.request('POST', '/api/v1/gates/not-a-uuid/codes')).statusCode,
      ).toBe(400);
    });

    it('publishes the verification key without a login', async () => {
      const res = await w.t.inject({ method: 'GET', url: '/api/v1/gate-codes/keys' });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({
        algorithm: 'Ed25519',
        keys: [{ keyId: 1, publicKey: expect.stringMatching(/^[\w-]{43}$/) }],
      });
    });

    it('sends a phone browser opening the code URL to the H5 check-in screen', async () => {
      const code: string = await w.issueCode(w.firms.zhonglian);
      const res = await w.t.inject({ method: 'GET', url: new URL(code).pathname });
      expect(res.statusCode).toBe(302);
      expect(res.headers.location).toBe(
        `/#/pages/officer/check-in/index?code=${code.split('/c/')[1]}`,
      );
    });
  });

  describe('policy', () => {
    it('starts at version 1 with the defaults, readable by every role', async () => {
      const res = await w.users.officer1.request('GET', '/api/v1/policy');
      expect(res.json()).toMatchObject({
        version: 1,
        annualCapPerUnitLevel: 2,
        repeatVisitWindowDays: 7,
      });
    });

    it('lets admins store a new version, audited, and explains bad values in Chinese', async () => {
      const current = (await w.users.admin.request('GET', '/api/v1/policy')).json();
      const bad = await w.users.admin.request('PUT', '/api/v1/policy', {
        policy: { ...current, annualCapPerUnitLevel: -1 },
      });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().errors[0].message).toMatch(/[\u4e00-\u9fff]/);
      const ok = await w.users.admin.request('PUT', '/api/v1/policy', {
        policy: { ...current, annualCapPerUnitLevel: 3, version: 99, junk: 'x' },
        note: '年度上限调整为3次',
      });
      expect(ok.statusCode).toBe(200);
      expect(ok.json()).toMatchObject({ version: 2, annualCapPerUnitLevel: 3 });
      expect(ok.json()).not.toHaveProperty('junk');
      expect(
        (await w.users.officer1.request('PUT', '/api/v1/policy', { policy: current })).statusCode,
      ).toBe(403);
      const [entry] = await w.t.dataSource.query(
        `SELECT actor_id, data FROM audit_entry WHERE action = 'POLICY_CHANGED' ORDER BY seq DESC LIMIT 1`,
      );
      expect(entry).toMatchObject({
        actor_id: w.users.admin.id,
        data: { version: 2, note: '年度上限调整为3次' },
      });
    });
  });
});
