import { randomUUID } from 'node:crypto';
import { seededSample, type RatingLevel } from '@qinqing/domain';
import type { ApiUser } from './support/api-client';
import { checkInBody, startDemoWorld, type DemoWorld } from './support/demo-world';
import { signatureDataUrl } from './support/signature-png';

const GOOD5: RatingLevel[] = ['GOOD', 'GOOD', 'GOOD', 'GOOD', 'GOOD'];

function ratingBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    overall: 'GOOD',
    items: GOOD5,
    comment: '检查规范，指导到位。',
    signature: signatureDataUrl(),
    ...overrides,
  };
}

describe('好差评 ratings', () => {
  let w: DemoWorld;
  let ruitaiCode: string;
  let sinianCode: string;

  /** A visit at 瑞泰 (金水分局, firm2) by officer1 + officer2, checked out unless told not to. */
  async function ruitaiVisit(checkOut = true): Promise<string> {
    const res = await w.users.officer1.request(
      'POST',
      '/api/v1/check-ins',
      checkInBody(w, ruitaiCode, w.firms.ruitai, {
        purpose: 'COMPLAINT_VERIFICATION',
        reference: `12369-${randomUUID().slice(0, 8)}`,
      }),
    );
    expect(res.statusCode).toBe(201);
    const id: string = res.json().visit.id;
    if (checkOut) await checkOutVisit(w.users.officer1, id);
    return id;
  }

  /** A visit at 思念 (新郑分局, firm1, positive list) by officer3 + officer4, checked out. */
  async function sinianVisit(): Promise<string> {
    const res = await w.users.officer3.request(
      'POST',
      '/api/v1/check-ins',
      checkInBody(w, sinianCode, w.firms.sinian, {
        purpose: 'COMPLAINT_VERIFICATION',
        reference: `12369-${randomUUID().slice(0, 8)}`,
        coOfficerIds: [w.users.officer4.id],
      }),
    );
    expect(res.statusCode).toBe(201);
    const id: string = res.json().visit.id;
    await checkOutVisit(w.users.officer3, id);
    return id;
  }

  async function checkOutVisit(officer: ApiUser, id: string): Promise<void> {
    const res = await officer.request('POST', `/api/v1/visits/${id}/check-out`, {
      findings: 'NO_ISSUE',
    });
    expect(res.statusCode).toBe(200);
  }

  const ratingCount = async (visitId: string): Promise<number> =>
    Number(
      (
        await w.t.dataSource.query('SELECT count(*) AS n FROM rating WHERE visit_id = $1', [
          visitId,
        ])
      )[0].n,
    );

  beforeAll(async () => {
    w = await startDemoWorld();
    ruitaiCode = await w.issueCode(w.firms.ruitai);
    sinianCode = await w.issueCode(w.firms.sinian);
  });
  afterAll(() => w.t.close());

  describe('POST /visits/:id/rating', () => {
    it('stores the card, signed by the firm user, and writes an audit entry on the visit', async () => {
      const visitId = await ruitaiVisit();
      const items: RatingLevel[] = ['GOOD', 'FAIR', 'GOOD', 'GOOD', 'FAIR'];
      const signature = signatureDataUrl();
      const res = await w.users.firm2.request(
        'POST',
        `/api/v1/visits/${visitId}/rating`,
        ratingBody({ overall: 'GOOD', items, comment: '  希望多一些政策解读。 ', signature }),
      );
      expect(res.statusCode).toBe(201);
      const rating = res.json();
      expect(rating).toMatchObject({
        visitId,
        enterpriseId: w.firms.ruitai.id,
        enterpriseName: w.firms.ruitai.name,
        overall: 'GOOD',
        items,
        comment: '希望多一些政策解读。',
        signature,
        signer: { id: w.users.firm2.id, name: expect.stringContaining('陈伟') },
        followUpCaseId: null,
      });
      expect(Date.parse(rating.submittedAt)).toBeGreaterThan(Date.now() - 60_000);

      const again = await w.users.firm2.request('GET', `/api/v1/visits/${visitId}/rating`);
      expect(again.statusCode).toBe(200);
      expect(again.json()).toEqual(rating);

      const trail = await w.users.supervisor.request('GET', `/api/v1/visits/${visitId}/audit`);
      const entry = trail
        .json()
        .items.find((e: { action: string }) => e.action === 'RATING_SUBMITTED');
      expect(entry).toMatchObject({
        actorId: w.users.firm2.id,
        data: { ratingId: rating.id, overall: 'GOOD', items, signatureSha256: expect.any(String) },
      });
      const chain = await w.users.supervisor.request('GET', '/api/v1/audit/verify');
      expect(chain.json().ok).toBe(true);
    });

    it('answers a second rating of the same visit with 409 RATING_EXISTS and keeps the first', async () => {
      const visitId = await ruitaiVisit();
      const first = await w.users.firm2.request(
        'POST',
        `/api/v1/visits/${visitId}/rating`,
        ratingBody(),
      );
      expect(first.statusCode).toBe(201);
      const second = await w.users.firm2.request(
        'POST',
        `/api/v1/visits/${visitId}/rating`,
        ratingBody({ overall: 'POOR' }),
      );
      expect(second.statusCode).toBe(409);
      expect(second.json()).toMatchObject({ code: 'RATING_EXISTS', message: expect.any(String) });
      const stored = await w.users.firm2.request('GET', `/api/v1/visits/${visitId}/rating`);
      expect(stored.json().overall).toBe('GOOD');
    });

    it('stores exactly one rating when two arrive at once', async () => {
      const visitId = await ruitaiVisit();
      const answers = await Promise.all(
        ['GOOD', 'POOR'].map((overall) =>
          w.users.firm2.request(
            'POST',
            `/api/v1/visits/${visitId}/rating`,
            ratingBody({ overall }),
          ),
        ),
      );
      expect(answers.map((a) => a.statusCode).sort()).toEqual([201, 409]);
      expect(await ratingCount(visitId)).toBe(1);
    });

    it('closes the window the policy sets after check-out (default 7 days)', async () => {
      const late = await ruitaiVisit();
      await w.t.dataSource.query(
        `UPDATE visit SET checked_out_at = now() - interval '7 days 1 minute' WHERE id = $1`,
        [late],
      );
      const status = await w.users.firm2.request('GET', `/api/v1/visits/${late}/rating-status`);
      expect(status.json()).toMatchObject({ rated: false, open: false, reason: 'WINDOW_CLOSED' });
      const res = await w.users.firm2.request(
        'POST',
        `/api/v1/visits/${late}/rating`,
        ratingBody(),
      );
      expect(res.statusCode).toBe(409);
      expect(res.json().code).toBe('RATING_WINDOW_CLOSED');
      expect(await ratingCount(late)).toBe(0);

      const inTime = await ruitaiVisit();
      await w.t.dataSource.query(
        `UPDATE visit SET checked_out_at = now() - interval '6 days 23 hours' WHERE id = $1`,
        [inTime],
      );
      const open = await w.users.firm2.request('GET', `/api/v1/visits/${inTime}/rating-status`);
      expect(open.json()).toMatchObject({ rated: false, open: true, reason: null });
      const ok = await w.users.firm2.request(
        'POST',
        `/api/v1/visits/${inTime}/rating`,
        ratingBody(),
      );
      expect(ok.statusCode).toBe(201);
      const after = await w.users.firm2.request('GET', `/api/v1/visits/${inTime}/rating-status`);
      expect(after.json()).toMatchObject({ rated: true, open: false });
    });

    it('waits for check-out, and has nothing to rate for a refused attempt', async () => {
      const open = await ruitaiVisit(false);
      const early = await w.users.firm2.request(
        'POST',
        `/api/v1/visits/${open}/rating`,
        ratingBody(),
      );
      expect(early.statusCode).toBe(409);
      expect(early.json().code).toBe('VISIT_NOT_CHECKED_OUT');

      // 思念 is on the positive list: a routine visit is refused (无事不扰)
      const refused = await w.users.officer3.request(
        'POST',
        '/api/v1/check-ins',
        checkInBody(w, sinianCode, w.firms.sinian, {
          purpose: 'ROUTINE',
          reference: null,
          coOfficerIds: [w.users.officer4.id],
        }),
      );
      expect(refused.statusCode).toBe(409);
      const attemptId = refused.json().attemptId;
      const res = await w.users.firm1.request(
        'POST',
        `/api/v1/visits/${attemptId}/rating`,
        ratingBody(),
      );
      expect(res.statusCode).toBe(409);
      expect(res.json().code).toBe('RATING_NOT_APPLICABLE');
    });

    it('refuses a malformed card with 400 and stores nothing', async () => {
      const visitId = await ruitaiVisit();
      const cases: [Record<string, unknown>, string][] = [
        [{ items: GOOD5.slice(0, 4) }, 'VALIDATION_FAILED'],
        [{ items: [...GOOD5, 'GOOD'] }, 'VALIDATION_FAILED'],
        [{ items: ['GOOD', 'GOOD', 'BAD', 'GOOD', 'GOOD'] }, 'VALIDATION_FAILED'],
        [{ overall: '好' }, 'VALIDATION_FAILED'],
        [{ comment: '很'.repeat(501) }, 'VALIDATION_FAILED'],
        [{ signature: undefined }, 'VALIDATION_FAILED'],
        [{ extra: 1 }, 'VALIDATION_FAILED'],
        [{ signature: signatureDataUrl({ blank: true }) }, 'SIGNATURE_INVALID'],
        [{ signature: 'data:image/jpeg;base64,/9j/4AAQSkZJRg==' }, 'SIGNATURE_INVALID'],
        [{ signature: 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUg==' }, 'SIGNATURE_INVALID'],
        [{ signature: 'data:image/png;base64,***' }, 'SIGNATURE_INVALID'],
      ];
      for (const [override, code] of cases) {
        const res = await w.users.firm2.request(
          'POST',
          `/api/v1/visits/${visitId}/rating`,
          ratingBody(override),
        );
        expect({
          override: Object.keys(override),
          status: res.statusCode,
          code: res.json().code,
        }).toEqual({ override: Object.keys(override), status: 400, code });
        expect(res.json().message).toMatch(/[\u4e00-\u9fff]/);
      }
      expect(await ratingCount(visitId)).toBe(0);
    });

    it('is for the visited firm only: another firm gets 404, officers and supervisors 403', async () => {
      const visitId = await ruitaiVisit();
      const other = await w.users.firm1.request(
        'POST',
        `/api/v1/visits/${visitId}/rating`,
        ratingBody(),
      );
      expect(other.statusCode).toBe(404);
      const missing = await w.users.firm2.request(
        'POST',
        `/api/v1/visits/${randomUUID()}/rating`,
        ratingBody(),
      );
      expect(missing.statusCode).toBe(404);
      expect(other.json()).toEqual({ ...missing.json(), requestId: other.json().requestId });
      for (const user of [w.users.officer1, w.users.supervisor, w.users.admin]) {
        const res = await user.request('POST', `/api/v1/visits/${visitId}/rating`, ratingBody());
        expect(res.statusCode).toBe(403);
      }
      expect(await ratingCount(visitId)).toBe(0);
    });

    it('cannot be changed or removed, even behind the API’s back', async () => {
      const visitId = await ruitaiVisit();
      await w.users.firm2.request('POST', `/api/v1/visits/${visitId}/rating`, ratingBody());
      await expect(
        w.t.dataSource.query(`UPDATE rating SET overall = 'POOR' WHERE visit_id = $1`, [visitId]),
      ).rejects.toThrow(/immutable/);
      await expect(
        w.t.dataSource.query('DELETE FROM rating WHERE visit_id = $1', [visitId]),
      ).rejects.toThrow(/immutable/);
    });
  });

  describe('GET /visits/:id/rating: the firm and supervisors, never officers', () => {
    let visitId: string;
    beforeAll(async () => {
      visitId = await ruitaiVisit();
      await w.users.firm2.request('POST', `/api/v1/visits/${visitId}/rating`, ratingBody());
    });

    it.each([
      ['the rating firm', 'firm2', 200],
      ['another firm', 'firm1', 404],
      ['the supervisor of all units', 'supervisor', 200],
      ['the 金水 supervisor (the visit’s unit)', 'supervisor2', 200],
      ['the admin', 'admin', 200],
      ['an officer of the visit', 'officer1', 403],
      ['an officer of another unit', 'officer3', 403],
    ] as const)('%s → %i', async (_who, user, status) => {
      const res = await w.users[user].request('GET', `/api/v1/visits/${visitId}/rating`);
      expect(res.statusCode).toBe(status);
    });

    it('answers 404 for a visit that is not rated yet', async () => {
      const unrated = await ruitaiVisit();
      const res = await w.users.firm2.request('GET', `/api/v1/visits/${unrated}/rating`);
      expect(res.statusCode).toBe(404);
      expect(res.json().code).toBe('NOT_FOUND');
    });

    it('lists ratings for supervisors by jurisdiction, filtered by mark', async () => {
      const poorVisit = await sinianVisit();
      const poor = await w.users.firm1.request(
        'POST',
        `/api/v1/visits/${poorVisit}/rating`,
        ratingBody({ overall: 'POOR' }),
      );
      expect(poor.statusCode).toBe(201);
      const all = await w.users.supervisor.request('GET', '/api/v1/ratings?limit=200');
      const ids = all.json().items.map((r: { visitId: string }) => r.visitId);
      expect(ids).toEqual(expect.arrayContaining([visitId, poorVisit]));
      expect(all.json().items[0]).not.toHaveProperty('signature');
      const jinshui = await w.users.supervisor2.request('GET', '/api/v1/ratings?limit=200');
      const jinshuiIds = jinshui.json().items.map((r: { visitId: string }) => r.visitId);
      expect(jinshuiIds).toContain(visitId);
      expect(jinshuiIds).not.toContain(poorVisit);
      const onlyPoor = await w.users.supervisor.request('GET', '/api/v1/ratings?overall=POOR');
      expect(onlyPoor.json().items.every((r: { overall: string }) => r.overall === 'POOR')).toBe(
        true,
      );
      expect(onlyPoor.json().items.map((r: { visitId: string }) => r.visitId)).toContain(poorVisit);
      const officer = await w.users.officer1.request('GET', '/api/v1/ratings');
      expect(officer.statusCode).toBe(403);
      const firm = await w.users.firm2.request('GET', '/api/v1/ratings');
      expect(firm.statusCode).toBe(403);
    });
  });

  describe('回访核实: a 差 anywhere opens a follow-up case', () => {
    it('opens a case due after the policy’s deadline; a rating without 差 opens none', async () => {
      const fair = await ruitaiVisit();
      const noCase = await w.users.firm2.request(
        'POST',
        `/api/v1/visits/${fair}/rating`,
        ratingBody({ overall: 'FAIR', items: ['FAIR', 'FAIR', 'GOOD', 'GOOD', 'FAIR'] }),
      );
      expect(noCase.json().followUpCaseId).toBeNull();

      const poorItem = await ruitaiVisit();
      const res = await w.users.firm2.request(
        'POST',
        `/api/v1/visits/${poorItem}/rating`,
        ratingBody({
          overall: 'GOOD',
          items: ['GOOD', 'GOOD', 'POOR', 'GOOD', 'GOOD'],
          comment: '有吃拿卡要',
        }),
      );
      const caseId: string = res.json().followUpCaseId;
      expect(caseId).toEqual(expect.any(String));
      const followUp = await w.users.supervisor.request('GET', `/api/v1/follow-ups/${caseId}`);
      expect(followUp.statusCode).toBe(200);
      const view = followUp.json();
      expect(view).toMatchObject({
        ratingId: res.json().id,
        visitId: poorItem,
        enterpriseId: w.firms.ruitai.id,
        overall: 'GOOD',
        poorItems: [2],
        comment: '有吃拿卡要',
        status: 'OPEN',
        overdue: false,
        contacts: [],
        finding: null,
      });
      expect(view.officers.map((o: { id: string }) => o.id).sort()).toEqual(
        [w.users.officer1.id, w.users.officer2.id].sort(),
      );
      const days = (Date.parse(view.dueAt) - Date.parse(view.openedAt)) / 86_400_000;
      expect(days).toBeCloseTo(10, 5);
    });

    it('is worked by the supervisors of the visit’s unit: contact, then finding and resolution', async () => {
      const poorVisit = await sinianVisit(); // 新郑分局
      const rated = await w.users.firm1.request(
        'POST',
        `/api/v1/visits/${poorVisit}/rating`,
        ratingBody({ overall: 'POOR' }),
      );
      const caseId: string = rated.json().followUpCaseId;

      // supervisor2 oversees 金水分局 only; officers and firms never see cases
      expect(
        (await w.users.supervisor2.request('GET', `/api/v1/follow-ups/${caseId}`)).statusCode,
      ).toBe(404);
      const list2 = await w.users.supervisor2.request('GET', '/api/v1/follow-ups');
      expect(list2.json().items.map((c: { id: string }) => c.id)).not.toContain(caseId);
      for (const user of [w.users.officer3, w.users.firm1]) {
        expect((await user.request('GET', `/api/v1/follow-ups/${caseId}`)).statusCode).toBe(403);
        expect((await user.request('GET', '/api/v1/follow-ups')).statusCode).toBe(403);
      }
      const contact2 = await w.users.supervisor2.request(
        'POST',
        `/api/v1/follow-ups/${caseId}/contacts`,
        {
          method: 'PHONE',
          note: '越权登记',
        },
      );
      expect(contact2.statusCode).toBe(404);

      const early = await w.users.supervisor.request('POST', `/api/v1/follow-ups/${caseId}/close`, {
        finding: 'NOT_CONFIRMED',
        resolution: '经核实不属实',
      });
      expect(early.statusCode).toBe(409);
      expect(early.json().code).toBe('FOLLOW_UP_NO_CONTACT');

      const badContact = await w.users.supervisor.request(
        'POST',
        `/api/v1/follow-ups/${caseId}/contacts`,
        {
          method: 'EMAIL',
          note: '',
        },
      );
      expect(badContact.statusCode).toBe(400);

      const contact = await w.users.supervisor.request(
        'POST',
        `/api/v1/follow-ups/${caseId}/contacts`,
        {
          method: 'PHONE',
          note: '电话联系刘晓燕，企业反映检查时间过长。',
        },
      );
      expect(contact.statusCode).toBe(201);
      expect(contact.json().contacts).toEqual([
        expect.objectContaining({
          method: 'PHONE',
          by: expect.objectContaining({ id: w.users.supervisor.id }),
        }),
      ]);

      const closed = await w.users.supervisor.request(
        'POST',
        `/api/v1/follow-ups/${caseId}/close`,
        {
          finding: 'PARTLY_CONFIRMED',
          resolution: '已约谈执法人员，要求规范检查时长。',
        },
      );
      expect(closed.statusCode).toBe(200);
      expect(closed.json()).toMatchObject({
        status: 'CLOSED',
        finding: 'PARTLY_CONFIRMED',
        closedBy: { id: w.users.supervisor.id },
        overdue: false,
      });

      const after = await w.users.supervisor.request(
        'POST',
        `/api/v1/follow-ups/${caseId}/contacts`,
        {
          method: 'PHONE',
          note: '再次回访',
        },
      );
      expect(after.statusCode).toBe(409);
      expect(after.json().code).toBe('FOLLOW_UP_CLOSED');
      const reclose = await w.users.supervisor.request(
        'POST',
        `/api/v1/follow-ups/${caseId}/close`,
        {
          finding: 'CONFIRMED',
          resolution: '改判',
        },
      );
      expect(reclose.json().code).toBe('FOLLOW_UP_CLOSED');

      const audit: { action: string }[] = await w.t.dataSource.query(
        `SELECT action FROM audit_entry WHERE subject_type = 'follow_up' AND subject_id = $1 ORDER BY seq`,
        [caseId],
      );
      expect(audit.map((a) => a.action)).toEqual([
        'FOLLOW_UP_OPENED',
        'FOLLOW_UP_CONTACT',
        'FOLLOW_UP_CLOSED',
      ]);
      // The visit's entries, its rating's and its case's go to the chain of the visit's unit
      // (not all to chain 0): one unit's oversight never waits on another's.
      const chains: { action: string; chain: number }[] = await w.t.dataSource.query(
        `SELECT action, chain FROM audit_entry
          WHERE (subject_type = 'visit' AND subject_id = $1)
             OR (subject_type = 'follow_up' AND subject_id = $2)`,
        [poorVisit, caseId],
      );
      expect(chains.map((c) => c.action).sort()).toEqual(
        [
          'CHECK_IN',
          'CHECK_OUT',
          'FOLLOW_UP_CLOSED',
          'FOLLOW_UP_CONTACT',
          'FOLLOW_UP_OPENED',
          'RATING_SUBMITTED',
        ].sort(),
      );
      expect(new Set(chains.map((c) => c.chain)).size).toBe(1);
    });

    it('flags open cases past their due time as overdue, first in the list', async () => {
      const visitId = await ruitaiVisit();
      const rated = await w.users.firm2.request(
        'POST',
        `/api/v1/visits/${visitId}/rating`,
        ratingBody({ overall: 'POOR', items: ['POOR', 'FAIR', 'FAIR', 'FAIR', 'FAIR'] }),
      );
      const caseId: string = rated.json().followUpCaseId;
      await w.t.dataSource.query(
        `UPDATE follow_up_case SET due_at = now() - interval '1 day' WHERE id = $1`,
        [caseId],
      );
      const overdue = await w.users.supervisor2.request('GET', '/api/v1/follow-ups?overdue=true');
      expect(overdue.statusCode).toBe(200);
      const items: { id: string; overdue: boolean }[] = overdue.json().items;
      expect(items.map((c) => c.id)).toContain(caseId);
      expect(items.every((c) => c.overdue)).toBe(true);
      const all = await w.users.supervisor2.request('GET', '/api/v1/follow-ups');
      expect(all.json().items[0]).toMatchObject({ id: caseId, overdue: true });
      const open = await w.users.supervisor2.request(
        'GET',
        '/api/v1/follow-ups?status=OPEN&overdue=false',
      );
      expect(open.json().items.map((c: { id: string }) => c.id)).not.toContain(caseId);
    });
  });

  describe('officers see their ratings only aggregated, in released monthly batches', () => {
    /** Stores a rating with a chosen time (as if submitted then) straight into the table. */
    async function ratingAt(
      visitId: string,
      submittedAt: string,
      overall: RatingLevel,
    ): Promise<void> {
      const png = Buffer.from(signatureDataUrl().split(',')[1], 'base64');
      await w.t.dataSource.query(
        `INSERT INTO rating (visit_id, enterprise_id, unit_id, overall, items, comment, signature,
                             signature_sha256, signer_id, submitted_at)
         SELECT v.id, v.enterprise_id, v.unit_id, $2, $3::jsonb, '仅企业可见的意见', $4, repeat('0', 64), $5, $6
           FROM visit v WHERE v.id = $1`,
        [
          visitId,
          overall,
          JSON.stringify([overall, 'GOOD', 'GOOD', 'GOOD', overall]),
          png,
          w.users.firm2.id,
          submittedAt,
        ],
      );
    }

    it('hides months until a batch of at least 5 has closed, and never names the firm', async () => {
      // officer2 took part in every 瑞泰 visit so far, but all its ratings are from this month
      const before = await w.users.officer2.request('GET', '/api/v1/officers/me/rating-summary');
      expect(before.statusCode).toBe(200);
      expect(before.json()).toMatchObject({ total: 0, releasedThrough: null });

      // visits by officer3 and officer4 only, rated in past months
      const months: [string, RatingLevel][] = [
        ['2026-06-10T04:00:00Z', 'GOOD'],
        ['2026-06-20T04:00:00Z', 'GOOD'],
        ['2026-07-05T04:00:00Z', 'POOR'],
        ['2026-07-06T04:00:00Z', 'FAIR'],
        ['2026-07-31T15:30:00Z', 'GOOD'], // 23:30 on 31 July in Beijing: still July
        ['2026-08-02T04:00:00Z', 'POOR'],
      ];
      for (const [at, overall] of months) await ratingAt(await sinianVisit(), at, overall);

      const summary = await w.users.officer3.request('GET', '/api/v1/officers/me/rating-summary');
      expect(summary.statusCode).toBe(200);
      const body = summary.json();
      expect(body).toMatchObject({
        total: 5,
        releasedFrom: '2026-06',
        releasedThrough: '2026-07',
        overall: { GOOD: 3, FAIR: 1, POOR: 1 },
      });
      expect(body.items).toHaveLength(5);
      expect(body.items[1]).toEqual({ GOOD: 5, FAIR: 0, POOR: 0 });
      expect(body.items[4]).toEqual({ GOOD: 3, FAIR: 1, POOR: 1 });
      expect(body.releaseRule).toMatch(/至少 5 条/);
      const text = summary.body;
      expect(text).not.toContain(w.firms.sinian.name);
      expect(text).not.toContain(w.firms.sinian.id);
      expect(text).not.toContain('仅企业可见的意见');

      // the same figures for officer4, nothing for an officer who took no part
      const other = await w.users.officer4.request('GET', '/api/v1/officers/me/rating-summary');
      expect(other.json().total).toBe(5);
      const none = await w.users.officer1.request('GET', '/api/v1/officers/me/rating-summary');
      expect(none.json().total).toBe(0);
    });

    it('is for officers only', async () => {
      for (const user of [w.users.firm1, w.users.supervisor]) {
        const res = await user.request('GET', '/api/v1/officers/me/rating-summary');
        expect(res.statusCode).toBe(403);
      }
    });
  });

  describe('抽查: monthly spot checks of ratings anyone can re-draw', () => {
    const thisMonth = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 7);

    it('draws from the month’s ratings of the jurisdiction with a published seed', async () => {
      const res = await w.users.supervisor2.request('POST', '/api/v1/rating-spot-checks', {
        month: thisMonth(),
        sampleSize: 3,
      });
      expect(res.statusCode).toBe(201);
      const check = res.json();
      expect(check.seed).toMatch(/^[0-9a-f]{64}$/);
      expect(check.items).toHaveLength(3);
      expect(check.verifiedShare).toBe(0);

      // the pool is every 金水 rating of the month, and the sample re-derives from the published inputs
      const pool: { id: string }[] = await w.t.dataSource.query(
        `SELECT r.id FROM rating r JOIN unit u ON u.id = r.unit_id
          WHERE u.name LIKE '%金水%' AND to_char(r.submitted_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') = $1`,
        [thisMonth()],
      );
      expect(check.poolRatingIds).toEqual(pool.map((r) => r.id).sort());
      expect(check.items.map((i: { ratingId: string }) => i.ratingId)).toEqual(
        seededSample(check.poolRatingIds, check.seed, 3),
      );
      expect(check.items[0]).toMatchObject({
        rank: 1,
        contactName: expect.stringContaining('陈伟'),
        result: null,
      });

      const again = await w.users.supervisor2.request('POST', '/api/v1/rating-spot-checks', {
        month: thisMonth(),
        sampleSize: 3,
      });
      expect(again.statusCode).toBe(409);
      expect(again.json().code).toBe('SPOT_CHECK_EXISTS');

      const first = check.items[0].ratingId;
      const recorded = await w.users.supervisor2.request(
        'POST',
        `/api/v1/rating-spot-checks/${check.id}/items/${first}`,
        { result: 'CONFIRMED', note: '电话核实，企业确认。' },
      );
      expect(recorded.statusCode).toBe(200);
      expect(recorded.json().verifiedShare).toBeCloseTo(1 / 3);
      expect(recorded.json().items[0]).toMatchObject({
        result: 'CONFIRMED',
        verifiedBy: { id: w.users.supervisor2.id },
      });
      const notDrawn = await w.users.supervisor2.request(
        'POST',
        `/api/v1/rating-spot-checks/${check.id}/items/${randomUUID()}`,
        { result: 'CONFIRMED' },
      );
      expect(notDrawn.statusCode).toBe(404);

      // the city-wide supervisor oversees 金水 too; officers and firms never see spot checks
      expect(
        (await w.users.supervisor.request('GET', `/api/v1/rating-spot-checks/${check.id}`))
          .statusCode,
      ).toBe(200);
      for (const user of [w.users.officer1, w.users.firm2]) {
        expect(
          (await user.request('GET', `/api/v1/rating-spot-checks/${check.id}`)).statusCode,
        ).toBe(403);
      }
    });

    it('keeps a jurisdiction’s draws from a narrower supervisor', async () => {
      const res = await w.users.supervisor.request('POST', '/api/v1/rating-spot-checks', {
        month: thisMonth(),
        sampleSize: 50,
      });
      expect(res.statusCode).toBe(201);
      // more asked than there are: all of them, each once
      expect(res.json().items).toHaveLength(res.json().poolRatingIds.length);
      const hidden = await w.users.supervisor2.request(
        'GET',
        `/api/v1/rating-spot-checks/${res.json().id}`,
      );
      expect(hidden.statusCode).toBe(404);
      const list = await w.users.supervisor2.request('GET', '/api/v1/rating-spot-checks');
      expect(list.json().items.map((c: { id: string }) => c.id)).not.toContain(res.json().id);
    });

    it('refuses an empty month, a future month and a bad size', async () => {
      const empty = await w.users.supervisor.request('POST', '/api/v1/rating-spot-checks', {
        month: '2025-01',
        sampleSize: 5,
      });
      expect(empty.statusCode).toBe(409);
      expect(empty.json().code).toBe('SPOT_CHECK_EMPTY');
      for (const body of [
        { month: '2999-01', sampleSize: 5 },
        { month: '2026-13', sampleSize: 5 },
        { month: thisMonth(), sampleSize: 0 },
        { month: thisMonth(), sampleSize: 1.5 },
      ]) {
        const res = await w.users.supervisor.request('POST', '/api/v1/rating-spot-checks', body);
        expect(res.statusCode).toBe(400);
      }
      const count: { n: string }[] = await w.t.dataSource.query(
        `SELECT count(*) AS n FROM rating_spot_check WHERE month IN ('2025-01', '2999-01')`,
      );
      expect(count[0].n).toBe('0');
    });
  });
});
