import { randomUUID } from 'node:crypto';
import { startDemoWorld, type DemoWorld } from './support/demo-world';

/** The admin's 门口码与海报 screen reads these: every gate with its code in force, and its versions. */
describe('GET /api/v1/gates and GET /api/v1/gates/:gateId/codes', () => {
  let w: DemoWorld;

  beforeAll(async () => {
    w = await startDemoWorld();
  });
  afterAll(() => w.t.close());

  it('lists every gate of every firm with the version in force, who issued it and when', async () => {
    const gateId = w.firms.yutong.gateId;
    const before = await w.users.admin.request('GET', '/api/v1/gates');
    expect(before.statusCode).toBe(200);
    const items: {
      gateId: string;
      enterpriseName: string;
      activeVersion: number | null;
      activeIssuedAt: string | null;
      activeIssuedByName: string | null;
    }[] = before.json().items;
    const [{ n }] = await w.t.dataSource.query('SELECT count(*)::int AS n FROM gate');
    expect(items).toHaveLength(n);
    const row = items.find((item) => item.gateId === gateId)!;
    expect(row.enterpriseName).toBe(w.firms.yutong.name);
    expect(row.activeVersion).toBeNull();

    await w.issueCode(w.firms.yutong);
    await w.issueCode(w.firms.yutong);
    const after = (await w.users.admin.request('GET', '/api/v1/gates')).json()
      .items as typeof items;
    const issued = after.find((item) => item.gateId === gateId)!;
    expect(issued.activeVersion).toBe(2);
    expect(issued.activeIssuedByName).toBe('系统管理员');
    expect(Date.now() - Date.parse(issued.activeIssuedAt!)).toBeLessThan(60_000);
  });

  it('answers each version newest first with issuer and revocation time', async () => {
    const gateId = w.firms.haier.gateId;
    await w.issueCode(w.firms.haier);
    await w.issueCode(w.firms.haier);
    const res = await w.users.admin.request('GET', `/api/v1/gates/${gateId}/codes`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.gateId).toBe(gateId);
    expect(body.enterpriseName).toBe(w.firms.haier.name);
    expect(typeof body.gateName).toBe('string');
    const [newer, older] = body.items;
    expect(body.items).toHaveLength(2);
    expect(newer).toMatchObject({
      version: 2,
      revokedAt: null,
      issuedBy: { id: w.users.admin.id, name: '系统管理员' },
    });
    expect(older.version).toBe(1);
    expect(older.issuedBy).toEqual({ id: w.users.admin.id, name: '系统管理员' });
    // re-issuing revoked version 1 when version 2 was issued
    expect(Date.parse(older.revokedAt)).toBeGreaterThanOrEqual(Date.parse(older.issuedAt));
    expect(Date.parse(newer.issuedAt)).toBeGreaterThanOrEqual(Date.parse(older.issuedAt));
  });

  it('a gate that never had a code has an empty history', async () => {
    const res = await w.users.admin.request(
      'GET',
      `/api/v1/gates/${w.firms.zhengjia.gateId}/codes`,
    );
    expect(res.statusCode).toBe(200);
    expect(res.json().items).toEqual([]);
  });

  it('404 for an unknown gate, 400 for a malformed id', async () => {
    const unknown = await w.users.admin.request('GET', `/api/v1/gates/${randomUUID()}/codes`);
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().code).toBe('NOT_FOUND');
    const malformed = await w.users.admin.request('GET', '/api/v1/gates/not-a-uuid/codes');
    expect(malformed.statusCode).toBe(400);
  });

  it.each(['supervisor', 'officer1', 'firm1'] as const)('403 for %s (admins only)', async (who) => {
    const user = w.users[who];
    const list = await user.request('GET', '/api/v1/gates');
    expect(list.statusCode).toBe(403);
    const history = await user.request('GET', `/api/v1/gates/${w.firms.sinian.gateId}/codes`);
    expect(history.statusCode).toBe(403);
  });

  it('401 without a login', async () => {
    const res = await w.t.inject({ method: 'GET', url: '/api/v1/gates' });
    expect(res.statusCode).toBe(401);
  });
});
