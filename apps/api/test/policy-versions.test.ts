import { FIELD_LIMITS } from '@qinqing/domain';
import { startDemoWorld, type DemoWorld } from './support/demo-world';

/** The admin's 检查规则 screen reads the versions with who stored each, and saves new ones. */
describe('GET /api/v1/policy/versions', () => {
  let w: DemoWorld;

  beforeAll(async () => {
    w = await startDemoWorld();
  });
  afterAll(() => w.t.close());

  it('lists every version newest first with the name of who stored it; the default has none', async () => {
    const current = (await w.users.admin.request('GET', '/api/v1/policy')).json();
    const saved = await w.users.admin.request('PUT', '/api/v1/policy', {
      policy: { ...current, annualCapPerUnitLevel: current.annualCapPerUnitLevel + 1 },
      note: '调整年度上限',
    });
    expect(saved.statusCode).toBe(200);
    const res = await w.users.admin.request('GET', '/api/v1/policy/versions');
    expect(res.statusCode).toBe(200);
    const versions = res.json();
    expect(versions[0]).toMatchObject({
      version: saved.json().version,
      note: '调整年度上限',
      createdBy: w.users.admin.id,
      createdByName: '系统管理员',
    });
    expect(versions[0].body.annualCapPerUnitLevel).toBe(current.annualCapPerUnitLevel + 1);
    const first = versions[versions.length - 1];
    expect(first).toMatchObject({ version: 1, createdBy: null, createdByName: null });
    const numbers = versions.map((v: { version: number }) => v.version);
    expect(numbers).toEqual([...numbers].sort((a, b) => b - a));
  });

  it('is for admins and supervisors; officers and firms get 403', async () => {
    expect((await w.users.supervisor.request('GET', '/api/v1/policy/versions')).statusCode).toBe(
      200,
    );
    for (const who of ['officer1', 'firm1'] as const) {
      expect((await w.users[who].request('GET', '/api/v1/policy/versions')).statusCode).toBe(403);
    }
  });

  it('a saved policy with a bad field is refused with the field named in Chinese', async () => {
    const current = (await w.users.admin.request('GET', '/api/v1/policy')).json();
    const bad = await w.users.admin.request('PUT', '/api/v1/policy', {
      policy: { ...current, quietPeriods: [{ daysOfMonth: [32] }] },
      note: '错误的安静期',
    });
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json().errors)).toContain('第1条安静期的日期应为1至31之间的整数');
  });

  it('takes the policy as an object and a note of at most FIELD_LIMITS.policyNote characters', async () => {
    const current = (await w.users.admin.request('GET', '/api/v1/policy')).json();
    for (const [body, field] of [
      [{ policy: [current] }, 'policy'],
      [{ policy: current, note: '改'.repeat(FIELD_LIMITS.policyNote + 1) }, 'note'],
      [{ policy: current, reason: '未知字段' }, 'reason'],
    ] as const) {
      const res = await w.users.admin.request('PUT', '/api/v1/policy', body);
      expect({
        status: res.statusCode,
        fields: res.json().errors?.map((e: { field: string }) => e.field),
      }).toEqual({
        status: 400,
        fields: [field],
      });
    }
  });
});
