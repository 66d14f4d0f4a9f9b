import { randomUUID } from 'node:crypto';
import type { TestApp } from './support/test-app';
import { checkInBody, startDemoWorld, type DemoWorld } from './support/demo-world';

describe('POST /api/v1/check-ins', () => {
  let w: DemoWorld;
  let codes: Record<string, string>;

  beforeAll(async () => {
    w = await startDemoWorld();
    codes = {};
    for (const key of ['sinian', 'ruitai', 'zhonglian', 'hanyang', 'zhengjia', 'haier'] as const) {
      codes[key] = await w.issueCode(w.firms[key]);
    }
  });
  afterAll(() => w.t.close());

  const post = (body: Record<string, unknown>, user = w.users.officer1) =>
    user.request('POST', '/api/v1/check-ins', body);
  const visitCount = async () =>
    Number((await w.t.dataSource.query('SELECT count(*)::int AS n FROM visit'))[0].n);

  it('allows a two-officer special campaign inside the geofence: 201 ALLOWED with the visit', async () => {
    // 新郑分局's officers at a firm their unit supervises.
    const body = checkInBody(w, codes.ruitai, w.firms.ruitai, {
      coOfficerIds: [w.users.officer4.id],
    });
    const res = await post(body, w.users.officer3);
    expect(res.statusCode).toBe(201);
    const { visit, decision } = res.json();
    expect(decision).toEqual({ outcome: 'ALLOWED', reasons: [], policyVersion: 1 });
    expect(visit).toMatchObject({
      enterpriseId: w.firms.ruitai.id,
      gateId: w.firms.ruitai.gateId,
      purpose: 'SPECIAL_CAMPAIGN',
      reference: '郑环专〔2026〕12号',
      checkedOutAt: null,
      findings: null,
    });
    expect(
      visit.officers.map((o: { name: string; isLead: boolean }) => [o.name, o.isLead]),
    ).toEqual([
      ['王志强', true],
      ['赵丽娟', false],
    ]);
  });

  it('flags a lone officer outside the geofence but lets him in (201 FLAGGED)', async () => {
    const firm = w.firms.zhonglian;
    const res = await post(
      checkInBody(w, codes.zhonglian, firm, {
        coOfficerIds: [],
        location: { lat: firm.gate.lat + 0.01, lng: firm.gate.lng, accuracy: 20 },
      }),
    );
    expect(res.statusCode).toBe(201);
    expect(res.json().decision.outcome).toBe('FLAGGED');
    expect(res.json().decision.reasons.map((r: { code: string }) => r.code)).toEqual([
      'SINGLE_OFFICER',
      'OUT_OF_GEOFENCE',
    ]);
  });

  it('refuses a routine check at a positive-list firm with 409, the rule and a readable reason, and records it', async () => {
    const before = await visitCount();
    const res = await post(
      checkInBody(w, codes.sinian, w.firms.sinian, { purpose: 'ROUTINE', reference: null }),
    );
    expect(res.statusCode).toBe(409);
    const body = res.json();
    expect(body).toMatchObject({ code: 'CHECK_IN_REFUSED', attemptId: expect.any(String) });
    expect(body.reasons[0]).toEqual({
      code: 'POSITIVE_LIST_NO_DISTURBANCE',
      message: expect.stringContaining('无事不扰'),
    });
    expect(await visitCount()).toBe(before + 1);
    const attempt = await w.users.supervisor.request('GET', `/api/v1/visits/${body.attemptId}`);
    expect(attempt.statusCode).toBe(200);
    expect(attempt.json().decision.outcome).toBe('REFUSED');
  });

  it('allows complaint verification at the same positive-list firm', async () => {
    const res = await post(
      checkInBody(w, codes.sinian, w.firms.sinian, {
        purpose: 'COMPLAINT_VERIFICATION',
        reference: '12369-2026-0815',
      }),
    );
    expect(res.statusCode).toBe(201);
    expect(res.json().decision.outcome).toBe('ALLOWED');
  });

  it('tells the firm at once who is at the gate and why', async () => {
    const res = await w.users.firm1.request('GET', '/api/v1/notifications');
    const latest = res.json().items[0];
    expect(latest).toMatchObject({
      kind: 'OFFICER_AT_GATE',
      payload: {
        purpose: 'COMPLAINT_VERIFICATION',
        purposeLabel: '信访举报核实',
        officers: [
          { name: '张建国', badgeNumber: '豫A41010001', unitName: '郑州市生态环境局金水分局' },
          { name: '李明华', badgeNumber: '豫A41010002', unitName: '郑州市生态环境局金水分局' },
        ],
      },
    });
    const other = await w.users.firm2.request('GET', '/api/v1/notifications');
    expect(
      other
        .json()
        .items.some(
          (n: { payload: { visitId: string } }) => n.payload.visitId === latest.payload.visitId,
        ),
    ).toBe(false);
  });

  it('requires the reference the purpose needs', async () => {
    const res = await post(
      checkInBody(w, codes.ruitai, w.firms.ruitai, {
        purpose: 'RANDOM_INSPECTION',
        reference: '  ',
      }),
    );
    expect(res.statusCode).toBe(409);
    expect(res.json().reasons.map((r: { code: string }) => r.code)).toContain('REFERENCE_REQUIRED');
  });

  describe('codes that fail verification are refusals, recorded', () => {
    it('a forged signature: CODE_INVALID', async () => {
      const code = codes.hanyang;
      const token = code.slice(code.lastIndexOf('/') + 1);
      const flipped = token.slice(0, 100) + (token[100] === 'A' ? 'B' : 'A') + token.slice(101);
      const before = await visitCount();
      const res = await post(checkInBody(w, code.replace(token, flipped), w.firms.hanyang));
      expect(res.statusCode).toBe(409);
      expect(res.json().reasons).toEqual([
        { code: 'CODE_INVALID', message: expect.any(String), detail: 'BAD_SIGNATURE' },
      ]);
      expect(await visitCount()).toBe(before + 1);
    });

    it('a malformed text: CODE_INVALID', async () => {
      const res = await post(checkInBody(w, 'https://evil.example.com/c/nope', w.firms.hanyang));
      expect(res.statusCode).toBe(409);
      expect(res.json().reasons[0]).toMatchObject({ code: 'CODE_INVALID', detail: 'MALFORMED' });
    });

    it('a revoked code: CODE_REVOKED', async () => {
      const old = codes.zhengjia;
      codes.zhengjia = await w.issueCode(w.firms.zhengjia);
      const res = await post(checkInBody(w, old, w.firms.zhengjia));
      expect(res.statusCode).toBe(409);
      expect(res.json().reasons.map((r: { code: string }) => r.code)).toContain('CODE_REVOKED');
      const fresh = await post(checkInBody(w, codes.zhengjia, w.firms.zhengjia));
      expect(fresh.statusCode).toBe(201);
    });
  });

  describe('idempotency on clientId', () => {
    it('returns the original result for a replay and creates nothing', async () => {
      const body = checkInBody(w, codes.haier, w.firms.haier, {
        purpose: 'ASSIGNED_BY_SUPERIOR',
        reference: '豫环办〔2026〕3号',
      });
      const first = await post(body);
      const count = await visitCount();
      const again = await post({ ...body, purpose: 'ROUTINE' });
      expect(again.statusCode).toBe(first.statusCode);
      expect(again.json().visit.id).toBe(first.json().visit.id);
      expect(await visitCount()).toBe(count);
    });

    it('creates exactly one visit when the same clientId arrives ten times at once', async () => {
      const body = checkInBody(w, codes.ruitai, w.firms.ruitai, {
        purpose: 'HEAVY_POLLUTION_RESPONSE',
        reference: '郑重污染〔2026〕橙色01',
      });
      const before = await visitCount();
      const responses = await Promise.all(Array.from({ length: 10 }, () => post(body)));
      const ids = new Set(responses.map((r) => r.json().visit?.id ?? r.json().attemptId));
      expect(ids.size).toBe(1);
      expect(await visitCount()).toBe(before + 1);
    });

    it('refuses a clientId already used by another officer', async () => {
      const body = checkInBody(w, codes.ruitai, w.firms.ruitai, {
        purpose: 'COMPLAINT_VERIFICATION',
        reference: 'X-1',
      });
      expect((await post(body)).statusCode).toBe(201);
      const res = await post(body, w.users.officer2);
      expect(res.statusCode).toBe(409);
      expect(res.json().code).toBe('CLIENT_ID_REUSED');
    });
  });

  describe('bad input changes nothing', () => {
    it.each([
      ['a missing clientId', { clientId: undefined }, 'clientId'],
      ['an unknown purpose', { purpose: 'PICNIC' }, 'purpose'],
      ['a latitude out of range', { location: { lat: 91, lng: 113, accuracy: 5 } }, 'location.lat'],
      ['a time without zone', { clientTime: '2026-11-22T10:00:00' }, 'clientTime'],
      ['a co-officer that is not a UUID', { coOfficerIds: ['x'] }, 'coOfficerIds'],
      ['an unexpected field', { hacker: true }, 'hacker'],
    ])('%s: 400 with the field', async (_case, overrides, field) => {
      const before = await visitCount();
      const res = await post(checkInBody(w, codes.ruitai, w.firms.ruitai, overrides));
      expect(res.statusCode).toBe(400);
      expect(res.json().code).toBe('VALIDATION_FAILED');
      expect(res.json().errors.map((e: { field: string }) => e.field)).toContain(field);
      expect(await visitCount()).toBe(before);
    });

    it('an unknown co-officer id: 400, nothing recorded', async () => {
      const before = await visitCount();
      const res = await post(
        checkInBody(w, codes.ruitai, w.firms.ruitai, { coOfficerIds: [randomUUID()] }),
      );
      expect(res.statusCode).toBe(400);
      expect(res.json().errors[0].field).toBe('coOfficerIds');
      expect(await visitCount()).toBe(before);
    });

    it('only officers check in', async () => {
      const res = await post(checkInBody(w, codes.ruitai, w.firms.ruitai), w.users.firm2);
      expect(res.statusCode).toBe(403);
    });
  });

  it('keeps the audit chain intact under 20 concurrent check-ins at one firm', async () => {
    const firm = w.firms.hanyang;
    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        post(
          checkInBody(w, codes.hanyang, firm, {
            purpose: 'COMPLAINT_VERIFICATION',
            reference: `12369-C-${i}`,
          }),
        ),
      ),
    );
    expect(responses.every((r) => r.statusCode === 201)).toBe(true);
    const verify = await w.users.supervisor.request('GET', '/api/v1/audit/verify');
    expect(verify.json()).toMatchObject({ ok: true, firstBrokenSeq: null });
    const perChain: { entries: number; max: number; head: number }[] = await w.t.dataSource.query(
      `SELECT count(e.seq)::int AS entries, coalesce(max(e.seq), 0)::int AS max, h.seq::int AS head
         FROM audit_chain_head h LEFT JOIN audit_entry e ON e.chain = h.id GROUP BY h.id`,
    );
    expect(verify.json().entries).toBe(perChain.reduce((n, c) => n + c.entries, 0));
    for (const chain of perChain) {
      // each chain 1 … n, its head at n: no gaps, no fork
      expect([chain.max, chain.head]).toEqual([chain.entries, chain.entries]);
    }
  });
});

describe('rate limit on check-ins', () => {
  let t: TestApp;
  beforeAll(async () => {
    const { startTestApp } = await import('./support/test-app');
    const { seedDemoDataIfEmpty } = await import('../src/database/seed/demo-seed');
    t = await startTestApp({ CHECK_IN_RATE_LIMIT_PER_MINUTE: 3 });
    await seedDemoDataIfEmpty(t.dataSource);
  });
  afterAll(() => t.close());

  it('answers 429 RATE_LIMITED past the per-minute limit of one officer, and counts officers apart', async () => {
    const { login } = await import('./support/api-client');
    const [one, two] = [await login(t, 'officer1'), await login(t, 'officer2')];
    const body = {
      clientId: randomUUID(),
      code: 'x',
      purpose: 'ROUTINE',
      clientTime: new Date().toISOString(),
    };
    const statuses = [];
    for (let i = 0; i < 4; i++)
      statuses.push(
        (await one.request('POST', '/api/v1/check-ins', { ...body, clientId: randomUUID() }))
          .statusCode,
      );
    expect(statuses).toEqual([409, 409, 409, 429]);
    const limited = await one.request('POST', '/api/v1/check-ins', body);
    expect(limited.json()).toMatchObject({
      code: 'RATE_LIMITED',
      retryAfterSeconds: expect.any(Number),
    });
    expect((await two.request('POST', '/api/v1/check-ins', body)).statusCode).toBe(409);
  });

  it('records no more than the limit of check-ins sent at once by one officer', async () => {
    const { login } = await import('./support/api-client');
    const one = await login(t, 'officer3');
    const clientIds = Array.from({ length: 12 }, () => randomUUID());
    // All twelve read a window under the limit before any is written: the count in the write
    // statement, row-locked per officer, lets three through.
    const responses = await Promise.all(
      clientIds.map((clientId) =>
        one.request('POST', '/api/v1/check-ins', {
          clientId,
          code: 'x',
          purpose: 'ROUTINE',
          clientTime: new Date().toISOString(),
        }),
      ),
    );
    const statuses = responses.map((r) => r.statusCode).sort();
    expect(statuses).toEqual([...Array(3).fill(409), ...Array(9).fill(429)]);
    const [{ n }] = await t.dataSource.query(
      'SELECT count(*)::int AS n FROM visit WHERE client_id = ANY($1::uuid[])',
      [clientIds],
    );
    expect(n).toBe(3);
    const [{ entries }] = await t.dataSource.query(
      `SELECT count(*)::int AS entries FROM audit_entry
          WHERE action = 'CHECK_IN' AND data ->> 'clientId' = ANY($1::text[])`,
      [clientIds],
    );
    expect(entries).toBe(3);
  });
});

describe('rate limit and replays', () => {
  it('does not count replays of a recorded clientId: 35 in a minute all answer the original', async () => {
    const w = await startDemoWorld({ CHECK_IN_RATE_LIMIT_PER_MINUTE: 30 });
    try {
      const code = await w.issueCode(w.firms.ruitai);
      const body = checkInBody(w, code, w.firms.ruitai, {
        purpose: 'COMPLAINT_VERIFICATION',
        reference: '12369-R-1',
      });
      const post = (b: Record<string, unknown>) =>
        w.users.officer1.request('POST', '/api/v1/check-ins', b);
      const original = await post(body);
      expect(original.statusCode).toBe(201);
      const visitId = original.json().visit.id;

      for (let i = 0; i < 35; i++) {
        const replay = await post(body);
        expect(replay.statusCode).toBe(201);
        expect(replay.json().visit.id).toBe(visitId);
      }

      // The officer still has the whole minute's allowance for new check-ins (one used) …
      const fresh = [];
      for (let i = 0; i < 30; i++) {
        fresh.push(await post({ ...body, clientId: randomUUID(), code: 'x', reference: `R-${i}` }));
      }
      // an unknown code: refused (and recorded)
      expect(fresh.slice(0, 29).every((r) => r.statusCode === 409)).toBe(true);
      expect(fresh[29].statusCode).toBe(429);
      expect(fresh[29].headers['retry-after']).toBe(String(fresh[29].json().retryAfterSeconds));
      // … and past it, a replay is still answered with the original record.
      const late = await post(body);
      expect(late.statusCode).toBe(201);
      expect(late.json().visit.id).toBe(visitId);
      const [{ n }] = await w.t.dataSource.query(
        'SELECT count(*)::int AS n FROM visit WHERE client_id = $1',
        [body.clientId],
      );
      expect(n).toBe(1);
    } finally {
      await w.t.close();
    }
  });
});
