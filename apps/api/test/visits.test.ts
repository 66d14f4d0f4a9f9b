import { randomUUID } from 'node:crypto';
import { checkInBody, startDemoWorld, type DemoWorld } from './support/demo-world';

describe('visits: read, scope, check-out', () => {
  let w: DemoWorld;
  let ruitaiVisit: string; // by officer3 + officer4 (新郑分局) at firm2's firm (新郑)
  let sinianVisit: string; // by officer1 + officer2 (金水分局) at firm1's firm (金水)

  beforeAll(async () => {
    w = await startDemoWorld();
    const ruitai = await w.issueCode(w.firms.ruitai);
    const sinian = await w.issueCode(w.firms.sinian);
    const a = await w.users.officer3.request(
      'POST',
      '/api/v1/check-ins',
      checkInBody(w, ruitai, w.firms.ruitai, { coOfficerIds: [w.users.officer4.id] }),
    );
    ruitaiVisit = a.json().visit.id;
    const b = await w.users.officer1.request(
      'POST',
      '/api/v1/check-ins',
      checkInBody(w, sinian, w.firms.sinian, {
        purpose: 'COMPLAINT_VERIFICATION',
        reference: '12369-2026-1001',
      }),
    );
    sinianVisit = b.json().visit.id;
  });
  afterAll(() => w.t.close());

  it('answers GET /visits/:id with the contract fields', async () => {
    const res = await w.users.officer3.request('GET', `/api/v1/visits/${ruitaiVisit}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      id: ruitaiVisit,
      enterpriseId: w.firms.ruitai.id,
      gateId: w.firms.ruitai.gateId,
      purpose: 'SPECIAL_CAMPAIGN',
      reference: expect.any(String),
      officers: expect.any(Array),
      decision: { outcome: 'ALLOWED', reasons: [], policyVersion: 1 },
      checkedInAt: expect.any(String),
      checkedOutAt: null,
      findings: null,
    });
  });

  describe('scope: outside it, 404 exactly as for an id that does not exist', () => {
    const cases: [string, keyof DemoWorld['users'], () => string, number][] = [
      ['the visited firm’s user', 'firm2', () => ruitaiVisit, 200],
      ['another firm’s user', 'firm1', () => ruitaiVisit, 404],
      ['an officer of the same unit', 'officer4', () => ruitaiVisit, 200],
      ['an officer of another unit', 'officer1', () => ruitaiVisit, 404],
      ['the supervisor of the jurisdiction', 'supervisor', () => sinianVisit, 200],
      ['the admin', 'admin', () => sinianVisit, 200],
      ['anyone, for an id that does not exist', 'admin', () => randomUUID(), 404],
    ];
    it.each(cases)('%s', async (_who, user, id, status) => {
      const res = await w.users[user].request('GET', `/api/v1/visits/${id()}`);
      expect(res.statusCode).toBe(status);
      if (status === 404)
        expect(res.json()).toEqual({ code: 'NOT_FOUND', message: expect.any(String) });
    });

    it('lists only what each caller may see', async () => {
      const ids = async (user: keyof DemoWorld['users']) =>
        (await w.users[user].request('GET', '/api/v1/visits'))
          .json()
          .items.map((v: { id: string }) => v.id);
      expect(await ids('firm1')).toEqual([sinianVisit]);
      expect(await ids('firm2')).toEqual([ruitaiVisit]);
      expect(await ids('officer3')).toEqual([ruitaiVisit]);
      expect(await ids('officer2')).toEqual([sinianVisit]);
      expect((await ids('supervisor')).sort()).toEqual([ruitaiVisit, sinianVisit].sort());
    });

    it('does not widen the scope through filters', async () => {
      const res = await w.users.firm1.request(
        'GET',
        `/api/v1/visits?enterpriseId=${w.firms.ruitai.id}`,
      );
      expect(res.json().items).toEqual([]);
    });
  });

  describe("属地管辖: a visit to a firm outside the officer's jurisdiction", () => {
    let crossVisit: string;
    beforeAll(async () => {
      // 新郑分局's officers at 思念 (supervised by 金水分局), with no assignment naming it.
      const code = await w.issueCode(w.firms.sinian);
      const res = await w.users.officer3.request(
        'POST',
        '/api/v1/check-ins',
        checkInBody(w, code, w.firms.sinian, {
          purpose: 'COMPLAINT_VERIFICATION',
          reference: '12369-2026-2002',
          coOfficerIds: [w.users.officer4.id],
        }),
      );
      expect(res.statusCode).toBe(201);
      expect(res.json().decision).toMatchObject({
        outcome: 'FLAGGED',
        reasons: [{ code: 'OUT_OF_JURISDICTION', message: expect.stringContaining('属地管辖') }],
      });
      crossVisit = res.json().visit.id;
    });

    it('is seen by the supervisors and officers of both units, and by the firm', async () => {
      for (const user of ['supervisor2', 'supervisor', 'officer1', 'officer3', 'firm1'] as const) {
        const res = await w.users[user].request('GET', `/api/v1/visits/${crossVisit}`);
        expect([user, res.statusCode]).toEqual([user, 200]);
      }
      const flagged = await w.users.supervisor2.request(
        'GET',
        '/api/v1/visits?flag=OUT_OF_JURISDICTION',
      );
      expect(flagged.json().items.map((v: { id: string }) => v.id)).toEqual([crossVisit]);
      // …and by nobody else: the other firm's manager.
      expect((await w.users.firm2.request('GET', `/api/v1/visits/${crossVisit}`)).statusCode).toBe(
        404,
      );
    });

    it('is not flagged when the reference names a designated-jurisdiction assignment in force', async () => {
      const policy = (await w.users.admin.request('GET', '/api/v1/policy')).json();
      const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
      const [{ unitId }] = await w.t.dataSource.query(
        'SELECT unit_id AS "unitId" FROM app_user WHERE id = $1',
        [w.users.officer3.id],
      );
      const put = await w.users.admin.request('PUT', '/api/v1/policy', {
        policy: {
          ...policy,
          jurisdictionAssignments: [
            {
              reference: '郑环指〔2026〕9号',
              kind: 'DESIGNATED',
              unitIds: [unitId],
              enterpriseIds: [w.firms.sinian.id],
              validFrom: today,
              validTo: today,
            },
          ],
        },
        note: '指定新郑分局查处思念',
      });
      expect(put.statusCode).toBe(200);
      const code = await w.issueCode(w.firms.sinian);
      const res = await w.users.officer3.request(
        'POST',
        '/api/v1/check-ins',
        checkInBody(w, code, w.firms.sinian, {
          // 思念 is on the 正面清单: a complaint, checked under the designation.
          purpose: 'COMPLAINT_VERIFICATION',
          reference: '郑环指〔2026〕9号',
          coOfficerIds: [w.users.officer4.id],
        }),
      );
      expect(res.statusCode).toBe(201);
      expect(res.json().decision.reasons).toEqual([]);
    });
  });

  describe('check-out', () => {
    it('refuses findings RECTIFY_ORDERED without a deadline', async () => {
      const res = await w.users.officer3.request(
        'POST',
        `/api/v1/visits/${ruitaiVisit}/check-out`,
        {
          findings: 'RECTIFY_ORDERED',
        },
      );
      expect(res.statusCode).toBe(400);
      expect(res.json().errors.map((e: { field: string }) => e.field)).toContain('rectifyBy');
    });

    it('refuses an officer who was not on the visit', async () => {
      const res = await w.users.officer1.request(
        'POST',
        `/api/v1/visits/${ruitaiVisit}/check-out`,
        {
          findings: 'NO_ISSUE',
        },
      );
      expect(res.statusCode).toBe(404);
    });

    it('lets a co-officer check out once, with findings and a deadline, and records it in the audit log', async () => {
      const res = await w.users.officer4.request(
        'POST',
        `/api/v1/visits/${ruitaiVisit}/check-out`,
        {
          findings: 'RECTIFY_ORDERED',
          rectifyBy: '2026-12-31',
          notes: '危废贮存间标识不全',
        },
      );
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({
        findings: 'RECTIFY_ORDERED',
        rectifyBy: '2026-12-31',
        checkedOutAt: expect.any(String),
      });
      const again = await w.users.officer3.request(
        'POST',
        `/api/v1/visits/${ruitaiVisit}/check-out`,
        {
          findings: 'NO_ISSUE',
        },
      );
      expect(again.statusCode).toBe(409);
      expect(again.json().code).toBe('VISIT_ALREADY_CHECKED_OUT');
      const audit = await w.t.dataSource.query(
        `SELECT action FROM audit_entry WHERE subject_id = $1 ORDER BY seq`,
        [ruitaiVisit],
      );
      expect(audit.map((a: { action: string }) => a.action)).toEqual(['CHECK_IN', 'CHECK_OUT']);
    });

    it('closes visits left open past 12 hours and flags them', async () => {
      const { VisitsService } = await import('../src/visits/visits.service');
      const service = w.t.app.get(VisitsService);
      const later = new Date(Date.now() + 13 * 3600_000);
      // the open visits at 思念 (the ruitai visit is checked out)
      expect(await service.closeStaleVisits(later)).toBe(3);
      const res = await w.users.supervisor.request('GET', `/api/v1/visits/${sinianVisit}`);
      expect(res.json()).toMatchObject({ autoClosed: true, checkedOutAt: expect.any(String) });
      expect(await service.closeStaleVisits(later)).toBe(0);
    });
  });

  describe('list filters and keyset pagination', () => {
    beforeAll(async () => {
      const code = await w.issueCode(w.firms.haier);
      for (let i = 0; i < 7; i++) {
        await w.users.officer3.request(
          'POST',
          '/api/v1/check-ins',
          checkInBody(w, code, w.firms.haier, {
            purpose: 'COMPLAINT_VERIFICATION',
            reference: `12369-P-${i}`,
            coOfficerIds: i % 2 ? [] : [w.users.officer4.id],
            clientTime: new Date(Date.now() - (i + 1) * 60_000).toISOString(),
          }),
        );
      }
    });

    it('pages newest first without gaps or repeats', async () => {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const query: string = `/api/v1/visits?enterpriseId=${w.firms.haier.id}&limit=3${cursor ? `&cursor=${cursor}` : ''}`;
        const page = (await w.users.supervisor.request('GET', query)).json();
        seen.push(...page.items.map((v: { id: string }) => v.id));
        cursor = page.nextCursor;
      } while (cursor);
      expect(seen).toHaveLength(7);
      expect(new Set(seen).size).toBe(7);
      const all = (
        await w.users.supervisor.request('GET', `/api/v1/visits?enterpriseId=${w.firms.haier.id}`)
      ).json();
      const times = all.items.map((v: { checkedInAt: string }) => v.checkedInAt);
      expect([...times].sort().reverse()).toEqual(times);
      expect(all.items.map((v: { id: string }) => v.id)).toEqual(seen);
    });

    it('filters by flag, officer, purpose and time', async () => {
      const get = async (q: string) =>
        (
          await w.users.supervisor.request(
            'GET',
            `/api/v1/visits?enterpriseId=${w.firms.haier.id}&${q}`,
          )
        ).json().items;
      expect(await get('flag=SINGLE_OFFICER')).toHaveLength(3);
      expect(await get(`officerId=${w.users.officer4.id}`)).toHaveLength(4);
      expect(await get('purpose=ROUTINE')).toHaveLength(0);
      const from = new Date(Date.now() - 3.5 * 60_000).toISOString();
      expect(await get(`from=${encodeURIComponent(from)}`)).toHaveLength(3);
    });

    it('rejects a bad filter or cursor with 400', async () => {
      for (const q of ['purpose=PICNIC', 'limit=0', 'cursor=%25%25', 'from=yesterday']) {
        const res = await w.users.supervisor.request('GET', `/api/v1/visits?${q}`);
        expect(res.statusCode).toBe(400);
        expect(res.json().code).toBe('VALIDATION_FAILED');
      }
    });
  });
});
