import { randomUUID } from 'node:crypto';
import type { DeskSummary, RatingLevel } from '@qinqing/domain';
import type { ApiUser } from './support/api-client';
import { checkInBody, startDemoWorld, type DemoWorld, type Firm } from './support/demo-world';
import { signatureDataUrl } from './support/signature-png';

const DAY_MS = 86_400_000;
const BUREAU_OFFSET_MS = 8 * 3_600_000;

/** The Monday (bureau time, UTC+8) of the week an instant falls in, as YYYY-MM-DD. */
function bureauWeekStart(at: Date): string {
  const local = new Date(at.getTime() + BUREAU_OFFSET_MS);
  const sinceMonday = (local.getUTCDay() + 6) % 7;
  return new Date(local.getTime() - sinceMonday * DAY_MS).toISOString().slice(0, 10);
}

function bureauMonth(at: Date): string {
  return new Date(at.getTime() + BUREAU_OFFSET_MS).toISOString().slice(0, 7);
}

describe('GET /api/v1/desk/summary', () => {
  let w: DemoWorld;
  let units: Record<'ZZ-ZD' | 'ZZ-JS' | 'ZZ-XZ' | 'ZZ-D1', string>;
  const now = new Date();
  const eightDaysAgo = new Date(now.getTime() - 8 * DAY_MS);
  /** entered visits at 瑞泰: officer1 now and 8 days ago (金水), officer3 now (新郑) */
  const ruitaiVisits: string[] = [];

  async function checkIn(
    officer: ApiUser,
    firm: Firm,
    overrides: Record<string, unknown>,
  ): Promise<{ status: number; id: string }> {
    const code = await w.issueCode(firm);
    const res = await officer.request('POST', '/api/v1/check-ins', {
      ...checkInBody(w, code, firm),
      ...overrides,
    });
    const body = res.json();
    return { status: res.statusCode, id: body.visit?.id ?? body.attemptId };
  }

  async function enteredVisit(
    officer: ApiUser,
    firm: Firm,
    overrides: Record<string, unknown>,
  ): Promise<string> {
    const { status, id } = await checkIn(officer, firm, overrides);
    expect(status).toBe(201);
    const out = await officer.request('POST', `/api/v1/visits/${id}/check-out`, {
      findings: 'NO_ISSUE',
    });
    expect(out.statusCode).toBe(200);
    return id;
  }

  async function refusedAttempt(
    officer: ApiUser,
    firm: Firm,
    overrides: Record<string, unknown>,
  ): Promise<void> {
    expect((await checkIn(officer, firm, overrides)).status).toBe(409);
  }

  async function rate(visitId: string, overall: RatingLevel): Promise<void> {
    const res = await w.users.firm2.request('POST', `/api/v1/visits/${visitId}/rating`, {
      overall,
      items: Array(5).fill(overall),
      comment: '',
      signature: signatureDataUrl(),
    });
    expect(res.statusCode).toBe(201);
  }

  async function summary(user: ApiUser, query = ''): Promise<DeskSummary> {
    const res = await user.request('GET', `/api/v1/desk/summary${query}`);
    expect(res.statusCode).toBe(200);
    return res.json();
  }

  beforeAll(async () => {
    w = await startDemoWorld();
    const rows: { id: string; code: keyof typeof units }[] = await w.t.dataSource.query(
      'SELECT id, code FROM unit',
    );
    units = Object.fromEntries(rows.map((u) => [u.code, u.id])) as typeof units;
    const complaint = (reference: string, clientTime = now) => ({
      purpose: 'COMPLAINT_VERIFICATION',
      reference,
      clientTime: clientTime.toISOString(),
    });
    const xinzheng = { coOfficerIds: [w.users.officer4.id] };

    // 金水分局 (officer1 + officer2)
    ruitaiVisits.push(await enteredVisit(w.users.officer1, w.firms.ruitai, complaint('R-1')));
    ruitaiVisits.push(
      await enteredVisit(w.users.officer1, w.firms.ruitai, complaint('R-2', eightDaysAgo)),
    );
    await refusedAttempt(w.users.officer1, w.firms.sinian, { purpose: 'ROUTINE', reference: null });
    await enteredVisit(w.users.officer1, w.firms.sinian, complaint('S-1'));
    await refusedAttempt(w.users.officer1, w.firms.zhengjia, { reference: null });
    // 新郑分局 (officer3 + officer4)
    await refusedAttempt(w.users.officer3, w.firms.haoxiangni, {
      ...xinzheng,
      purpose: 'ROUTINE',
      reference: null,
    });
    ruitaiVisits.push(
      await enteredVisit(w.users.officer3, w.firms.ruitai, { ...xinzheng, reference: '郑环专-7' }),
    );

    await rate(ruitaiVisits[0], 'GOOD');
    await rate(ruitaiVisits[1], 'FAIR');
    await rate(ruitaiVisits[2], 'POOR'); // opens a follow-up case for 新郑分局
  });
  afterAll(() => w.t.close());

  it('counts entered visits per bureau week (Monday, UTC+8) and purpose', async () => {
    const s = await summary(w.users.supervisor);
    expect(s.to).toBe(new Date(s.to).toISOString());
    expect(new Date(s.to).getTime() - new Date(s.from).getTime()).toBe(12 * 7 * DAY_MS);
    const thisWeek = bureauWeekStart(now);
    const earlier = bureauWeekStart(eightDaysAgo);
    expect(s.visitsPerWeek).toEqual(
      [
        { weekStart: earlier, purpose: 'COMPLAINT_VERIFICATION', count: 1 },
        { weekStart: thisWeek, purpose: 'COMPLAINT_VERIFICATION', count: 2 },
        { weekStart: thisWeek, purpose: 'SPECIAL_CAMPAIGN', count: 1 },
      ].sort((a, b) => a.weekStart.localeCompare(b.weekStart)),
    );
  });

  it('counts refusals by rule, attempts at positive-list firms, and repeat visits', async () => {
    const s = await summary(w.users.supervisor);
    expect(s.refusalsByRule).toEqual([
      { code: 'POSITIVE_LIST_NO_DISTURBANCE', count: 2 },
      { code: 'REFERENCE_REQUIRED', count: 1 },
    ]);
    expect(s.positiveListVisits).toEqual([
      { purpose: 'ROUTINE', allowedPurpose: false, attempts: 2, entered: 0 },
      { purpose: 'COMPLAINT_VERIFICATION', allowedPurpose: true, attempts: 1, entered: 1 },
    ]);
    expect(s.repeatVisits).toEqual([
      { enterpriseId: w.firms.ruitai.id, enterpriseName: w.firms.ruitai.name, visits: 3 },
    ]);
  });

  it('counts ratings per unit and per officer of the visit', async () => {
    const s = await summary(w.users.supervisor);
    expect(s.ratingsByUnit).toHaveLength(2);
    expect(s.ratingsByUnit).toEqual(
      expect.arrayContaining([
        {
          unitId: units['ZZ-JS'],
          unitName: '郑州市生态环境局金水分局',
          GOOD: 1,
          FAIR: 1,
          POOR: 0,
        },
        {
          unitId: units['ZZ-XZ'],
          unitName: '郑州市生态环境局新郑分局',
          GOOD: 0,
          FAIR: 0,
          POOR: 1,
        },
      ]),
    );
    const byOfficer = Object.fromEntries(s.ratingsByOfficer.map((o) => [o.officerId, o]));
    expect(Object.keys(byOfficer).sort()).toEqual(
      [w.users.officer1, w.users.officer2, w.users.officer3, w.users.officer4]
        .map((u) => u.id)
        .sort(),
    );
    expect(byOfficer[w.users.officer1.id]).toMatchObject({
      name: '张建国',
      badgeNumber: expect.any(String),
      GOOD: 1,
      FAIR: 1,
      POOR: 0,
    });
    expect(byOfficer[w.users.officer2.id]).toMatchObject({ GOOD: 1, FAIR: 1, POOR: 0 });
    expect(byOfficer[w.users.officer4.id]).toMatchObject({ GOOD: 0, FAIR: 0, POOR: 1 });
  });

  it('shows a supervisor of one branch that branch only', async () => {
    const s = await summary(w.users.supervisor2);
    expect(s.visitsPerWeek.reduce((n, row) => n + row.count, 0)).toBe(3);
    expect(s.visitsPerWeek.every((row) => row.purpose === 'COMPLAINT_VERIFICATION')).toBe(true);
    expect(s.refusalsByRule).toEqual([
      { code: 'POSITIVE_LIST_NO_DISTURBANCE', count: 1 },
      { code: 'REFERENCE_REQUIRED', count: 1 },
    ]);
    expect(s.positiveListVisits).toEqual([
      { purpose: 'COMPLAINT_VERIFICATION', allowedPurpose: true, attempts: 1, entered: 1 },
      { purpose: 'ROUTINE', allowedPurpose: false, attempts: 1, entered: 0 },
    ]);
    expect(s.repeatVisits).toEqual([
      { enterpriseId: w.firms.ruitai.id, enterpriseName: w.firms.ruitai.name, visits: 2 },
    ]);
    expect(s.ratingsByUnit.map((u) => u.unitId)).toEqual([units['ZZ-JS']]);
    expect(s.ratingsByOfficer.map((o) => o.officerId).sort()).toEqual(
      [w.users.officer1.id, w.users.officer2.id].sort(),
    );
    expect(s.followUps).toEqual({ open: 0, overdue: 0, closed: 0 });
  });

  it('narrows to a unit of the jurisdiction (and the units below it); 404 outside', async () => {
    const xz = await summary(w.users.supervisor, `?unitId=${units['ZZ-XZ']}`);
    // 新郑's own visit, and 金水's two at 瑞泰, a firm 新郑 supervises (属地管辖: both units see them)
    expect(xz.visitsPerWeek).toEqual(
      [
        { weekStart: bureauWeekStart(eightDaysAgo), purpose: 'COMPLAINT_VERIFICATION', count: 1 },
        { weekStart: bureauWeekStart(now), purpose: 'COMPLAINT_VERIFICATION', count: 1 },
        { weekStart: bureauWeekStart(now), purpose: 'SPECIAL_CAMPAIGN', count: 1 },
      ].sort(
        (a, b) => a.weekStart.localeCompare(b.weekStart) || a.purpose.localeCompare(b.purpose),
      ),
    );
    expect(xz.refusalsByRule).toEqual([{ code: 'POSITIVE_LIST_NO_DISTURBANCE', count: 1 }]);
    expect(xz.followUps.open).toBe(1);
    const root = await summary(w.users.supervisor, `?unitId=${units['ZZ-ZD']}`);
    expect(root.repeatVisits[0].visits).toBe(3);
    const own = await summary(w.users.supervisor2, `?unitId=${units['ZZ-JS']}`);
    expect(own.repeatVisits[0].visits).toBe(2);

    for (const unitId of [units['ZZ-XZ'], units['ZZ-ZD'], randomUUID()]) {
      const res = await w.users.supervisor2.request('GET', `/api/v1/desk/summary?unitId=${unitId}`);
      expect(res.statusCode).toBe(404);
      expect(res.json().code).toBe('NOT_FOUND');
    }
    const missing = await w.users.admin.request(
      'GET',
      `/api/v1/desk/summary?unitId=${randomUUID()}`,
    );
    expect(missing.statusCode).toBe(404);
  });

  it('counts within the period asked for', async () => {
    const from = new Date(now.getTime() - DAY_MS).toISOString();
    const to = new Date(now.getTime() + DAY_MS).toISOString();
    const s = await summary(
      w.users.supervisor,
      `?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`,
    );
    expect(s.from).toBe(from);
    expect(s.to).toBe(to);
    // the visit of eight days ago is left out
    expect(s.visitsPerWeek.reduce((n, row) => n + row.count, 0)).toBe(3);
    expect(s.repeatVisits).toEqual([
      { enterpriseId: w.firms.ruitai.id, enterpriseName: w.firms.ruitai.name, visits: 2 },
    ]);
    const past = await summary(
      w.users.supervisor,
      `?from=2020-01-01T00:00:00Z&to=2020-02-01T00:00:00Z`,
    );
    expect(past.visitsPerWeek).toEqual([]);
    expect(past.refusalsByRule).toEqual([]);
    expect(past.ratingsByUnit).toEqual([]);
  });

  it('rejects a period that ends before it starts, and malformed filters', async () => {
    for (const query of [
      '?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z',
      '?from=yesterday',
      '?unitId=not-a-uuid',
      '?limit=5',
    ]) {
      const res = await w.users.supervisor.request('GET', `/api/v1/desk/summary${query}`);
      expect(res.statusCode).toBe(400);
      expect(res.json().code).toBe('VALIDATION_FAILED');
    }
  });

  it('counts follow-up cases open, overdue (as of now) and closed', async () => {
    expect((await summary(w.users.supervisor)).followUps).toEqual({
      open: 1,
      overdue: 0,
      closed: 0,
    });
    // time passes: the case's deadline is behind us
    await w.t.dataSource.query(`UPDATE follow_up_case SET due_at = now() - interval '1 day'`);
    expect((await summary(w.users.supervisor)).followUps).toEqual({
      open: 1,
      overdue: 1,
      closed: 0,
    });
  });

  it('counts a case closed within the period as closed, no longer open', async () => {
    const [{ id }] = await w.t.dataSource.query('SELECT id FROM follow_up_case');
    const contact = await w.users.supervisor.request('POST', `/api/v1/follow-ups/${id}/contacts`, {
      method: 'PHONE',
      note: '已电话联系企业环保负责人',
    });
    expect(contact.statusCode).toBe(201);
    const closed = await w.users.supervisor.request('POST', `/api/v1/follow-ups/${id}/close`, {
      finding: 'NOT_CONFIRMED',
      resolution: '企业表示误评',
    });
    expect(closed.statusCode).toBe(200);
    expect((await summary(w.users.supervisor)).followUps).toEqual({
      open: 0,
      overdue: 0,
      closed: 1,
    });
    const past = await summary(
      w.users.supervisor,
      '?from=2020-01-01T00:00:00Z&to=2020-02-01T00:00:00Z',
    );
    expect(past.followUps).toEqual({ open: 0, overdue: 0, closed: 0 });
  });

  it('counts misconduct reports per status', async () => {
    const created = await w.users.firm2.request('POST', '/api/v1/reports', {
      enterpriseId: w.firms.ruitai.id,
      visitId: ruitaiVisits[0],
      categories: ['SIX_2'],
      description: '检查人员接受宴请。',
    });
    expect(created.statusCode).toBe(201);
    const second = await w.users.firm2.request('POST', '/api/v1/reports', {
      enterpriseId: w.firms.ruitai.id,
      visitId: ruitaiVisits[1],
      categories: ['OTHER'],
      description: '态度粗暴。',
    });
    expect(second.statusCode).toBe(201);
    const step = await w.users.supervisor.request(
      'POST',
      `/api/v1/reports/${second.json().id}/status`,
      { status: 'INVESTIGATING', note: '已安排调查' },
    );
    expect(step.statusCode).toBe(200);
    expect((await summary(w.users.supervisor)).reports).toEqual({
      RECEIVED: 1,
      INVESTIGATING: 1,
      CONCLUDED: 0,
    });
    expect((await summary(w.users.supervisor2)).reports).toEqual({
      RECEIVED: 1,
      INVESTIGATING: 1,
      CONCLUDED: 0,
    });
    const xz = await summary(w.users.supervisor, `?unitId=${units['ZZ-XZ']}`);
    expect(xz.reports).toEqual({ RECEIVED: 0, INVESTIGATING: 0, CONCLUDED: 0 });
  });

  it("shows this month's spot check of the jurisdiction", async () => {
    expect((await summary(w.users.supervisor)).spotCheck).toBeNull();
    const month = bureauMonth(new Date());
    const drawn = await w.users.supervisor.request('POST', '/api/v1/rating-spot-checks', {
      month,
      sampleSize: 2,
    });
    expect(drawn.statusCode).toBe(201);
    const check = drawn.json();
    expect((await summary(w.users.supervisor)).spotCheck).toEqual({
      month,
      ratings: 3,
      sampled: 2,
      verified: 0,
    });
    const verified = await w.users.supervisor.request(
      'POST',
      `/api/v1/rating-spot-checks/${check.id}/items/${check.items[0].ratingId}`,
      { result: 'CONFIRMED' },
    );
    expect(verified.statusCode).toBeLessThan(300);
    expect((await summary(w.users.supervisor)).spotCheck).toEqual({
      month,
      ratings: 3,
      sampled: 2,
      verified: 1,
    });
    // 金水分局's supervisor has drawn none for his jurisdiction
    expect((await summary(w.users.supervisor2)).spotCheck).toBeNull();
  });

  it('carries the audit chain status', async () => {
    const before = await summary(w.users.supervisor);
    expect(before.chain).toEqual({ latest: null, lastFailure: null, alert: false });
    const ran = await w.users.supervisor.request('POST', '/api/v1/audit/checks');
    expect((await summary(w.users.supervisor)).chain).toEqual(ran.json());
    expect((await summary(w.users.supervisor)).chain.latest?.ok).toBe(true);
  });

  it('is answered to supervisors and admins only', async () => {
    expect((await w.users.admin.request('GET', '/api/v1/desk/summary')).statusCode).toBe(200);
    for (const user of [w.users.officer1, w.users.officer3, w.users.firm1, w.users.firm2]) {
      const res = await user.request('GET', '/api/v1/desk/summary');
      expect(res.statusCode).toBe(403);
      expect(res.json().code).toBe('FORBIDDEN');
    }
  });
});
