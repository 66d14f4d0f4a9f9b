import { randomUUID } from 'node:crypto';
import { seedDemoData } from '../src/database/seed/seed-demo-data';
import { login, type ApiUser } from './support/api-client';
import { startTestApp, type TestApp } from './support/test-app';

/** What the README promises a visitor can try with the demo data and curl. */
describe('demo data exercises the rules', () => {
  let t: TestApp;
  let officer1: ApiUser;

  beforeAll(async () => {
    t = await startTestApp();
    expect(await seedDemoData(t.app)).toBe(true);
    expect(await seedDemoData(t.app)).toBe(false);
    officer1 = await login(t, 'officer1');
  });
  afterAll(() => t.close());

  /** A routine check by officer1 and officer2 (金水分局), or by the officers given. */
  async function routineAt(firmName: string, lead = 'officer1', co = 'officer2') {
    const [gate] = await t.dataSource.query(
      `SELECT g.lat, g.lng, c.code FROM gate g JOIN enterprise e ON e.id = g.enterprise_id
         JOIN gate_code c ON c.gate_id = g.id AND c.revoked_at IS NULL
        WHERE e.name = $1 ORDER BY g.name LIMIT 1`,
      [firmName],
    );
    const coOfficer = (
      await t.dataSource.query(`SELECT id FROM app_user WHERE username = $1`, [co])
    )[0].id;
    const officer = lead === 'officer1' ? officer1 : await login(t, lead);
    return officer.request('POST', '/api/v1/check-ins', {
      clientId: randomUUID(),
      code: gate.code,
      purpose: 'ROUTINE',
      coOfficerIds: [coOfficer],
      location: { lat: gate.lat, lng: gate.lng, accuracy: 10 },
      clientTime: new Date().toISOString(),
    });
  }

  it.each([
    ['郑州思念食品有限公司', 'POSITIVE_LIST_NO_DISTURBANCE'],
    ['郑州众联混凝土有限公司', 'ANNUAL_CAP_REACHED'],
    ['河南正佳能源环保股份有限公司', 'QUIET_PERIOD'],
  ])('a routine check at %s is refused with %s', async (firm, code) => {
    const res = await routineAt(firm);
    expect(res.statusCode).toBe(409);
    expect(res.json().reasons.map((r: { code: string }) => r.code)).toContain(code);
  });

  it('lets a routine check in where no rule stands in the way', async () => {
    // 瀚洋 is supervised by 新郑分局: its own officers go in without a flag…
    const res = await routineAt('郑州瀚洋天辰危险废物处置有限公司', 'officer3', 'officer4');
    expect(res.statusCode).toBe(201);
    expect(res.json().decision.outcome).toBe('ALLOWED');
  });

  it('flags officers of another unit (属地管辖) without refusing them', async () => {
    // …金水分局's officers are let in, flagged OUT_OF_JURISDICTION.
    const res = await routineAt('郑州瀚洋天辰危险废物处置有限公司');
    expect(res.statusCode).toBe(201);
    expect(res.json().decision.reasons.map((r: { code: string }) => r.code)).toContain(
      'OUT_OF_JURISDICTION',
    );
  });

  it('gives every gate an active code and keeps the audit chain intact', async () => {
    const [{ without }] = await t.dataSource.query(
      `SELECT count(*)::int AS without FROM gate g
        WHERE NOT EXISTS (SELECT 1 FROM gate_code c WHERE c.gate_id = g.id AND c.revoked_at IS NULL)`,
    );
    expect(without).toBe(0);
    const supervisor = await login(t, 'supervisor');
    expect((await supervisor.request('GET', '/api/v1/audit/verify')).json()).toMatchObject({
      ok: true,
    });
  });

  it('shows the 双向监督 side: ratings, an overdue follow-up case, a report, a visit to rate', async () => {
    const supervisor = await login(t, 'supervisor');
    const desk = (await supervisor.request('GET', '/api/v1/desk/summary')).json();
    expect(desk.followUps).toMatchObject({ open: 1, overdue: 1 });
    expect(desk.reports.RECEIVED).toBe(1);
    const ratings = (await supervisor.request('GET', '/api/v1/ratings')).json().items;
    expect(ratings.map((r: { overall: string }) => r.overall).sort()).toEqual(['FAIR', 'GOOD']);

    const firm2 = await login(t, 'firm2');
    const visits = (await firm2.request('GET', '/api/v1/visits')).json().items;
    const statuses = await Promise.all(
      visits.map(async (v: { id: string }) =>
        (await firm2.request('GET', `/api/v1/visits/${v.id}/rating-status`)).json(),
      ),
    );
    expect(statuses.filter((s: { open: boolean }) => s.open)).toHaveLength(1);
    expect(statuses.filter((s: { rated: boolean }) => s.rated)).toHaveLength(1);
  });

  it('has a revealed 双随机 draw on the public page, its tasks with officers', async () => {
    const list = await t.inject({ method: 'GET', url: '/api/v1/public/draws' });
    expect(list.statusCode).toBe(200);
    const [draw] = list.json().items;
    expect(draw).toMatchObject({ status: 'REVEALED', poolSize: 8 });
    expect(draw.results.length).toBeGreaterThan(0);
    const supervisor = await login(t, 'supervisor');
    const full = (await supervisor.request('GET', `/api/v1/draws/${draw.id}`)).json();
    const officers = new Set(
      full.tasks.flatMap((task: { officers: { id: string }[] }) => task.officers.map((o) => o.id)),
    );
    expect(officers.size).toBeGreaterThan(0);
  });
});
