import { checkInBody, startDemoWorld, type DemoWorld } from './support/demo-world';

describe('audit log: append-only and tamper-evident', () => {
  let w: DemoWorld;
  const verify = async () =>
    (await w.users.supervisor.request('GET', '/api/v1/audit/verify')).json();

  beforeAll(async () => {
    w = await startDemoWorld();
    const code = await w.issueCode(w.firms.ruitai);
    for (let i = 0; i < 3; i++) {
      // 新郑分局's officers at 瑞泰, in their jurisdiction: each check-in is ALLOWED.
      await w.users.officer3.request(
        'POST',
        '/api/v1/check-ins',
        checkInBody(w, code, w.firms.ruitai, {
          purpose: 'COMPLAINT_VERIFICATION',
          reference: `A-${i}`,
          coOfficerIds: [w.users.officer4.id],
        }),
      );
    }
  });
  afterAll(() => w.t.close());

  it('records policy, gate code and check-in entries in one intact chain', async () => {
    const result = await verify();
    expect(result).toMatchObject({ ok: true, firstBrokenSeq: null, checkedAt: expect.any(String) });
    const actions = (await w.t.dataSource.query('SELECT action FROM audit_entry ORDER BY seq')).map(
      (r: { action: string }) => r.action,
    );
    expect(actions).toEqual([
      'POLICY_CHANGED',
      'GATE_CODE_ISSUED',
      'CHECK_IN',
      'CHECK_IN',
      'CHECK_IN',
    ]);
    expect(result.entries).toBe(5);
  });

  it.each([
    ['UPDATE', `UPDATE audit_entry SET action = 'X' WHERE seq = 2`],
    ['DELETE', 'DELETE FROM audit_entry WHERE seq = 5'],
    ['TRUNCATE', 'TRUNCATE audit_entry'],
  ])('the database refuses %s', async (_op, sql) => {
    await expect(w.t.dataSource.query(sql)).rejects.toThrow(/append-only/);
  });

  it('is answered to supervisors and admins only', async () => {
    expect((await w.users.officer1.request('GET', '/api/v1/audit/verify')).statusCode).toBe(403);
    expect((await w.users.firm1.request('GET', '/api/v1/audit/verify')).statusCode).toBe(403);
    expect((await w.users.admin.request('GET', '/api/v1/audit/verify')).statusCode).toBe(200);
  });

  describe('an edit behind the API’s back (trigger disabled)', () => {
    const behindTheBack = async (sql: string) => {
      const runner = w.t.dataSource.createQueryRunner();
      await runner.connect();
      try {
        await runner.query('ALTER TABLE audit_entry DISABLE TRIGGER USER');
        await runner.query(sql);
      } finally {
        await runner.query('ALTER TABLE audit_entry ENABLE TRIGGER USER');
        await runner.release();
      }
    };

    it('is caught at the edited entry', async () => {
      await behindTheBack(
        `UPDATE audit_entry SET data = jsonb_set(data, '{outcome}', '"REFUSED"') WHERE seq = 4`,
      );
      expect(await verify()).toMatchObject({ ok: false, firstBrokenSeq: 4 });
    });

    it('is caught when the last entry is removed', async () => {
      await behindTheBack(
        `UPDATE audit_entry SET data = jsonb_set(data, '{outcome}', '"ALLOWED"') WHERE seq = 4`,
      );
      expect(await verify()).toMatchObject({ ok: true });
      await behindTheBack('DELETE FROM audit_entry WHERE seq = 5');
      expect(await verify()).toMatchObject({ ok: false, firstBrokenSeq: 5 });
    });
  });
});

describe('GET /api/v1/visits/:id/audit', () => {
  it('shows a visit’s audit entries to supervisors in scope only', async () => {
    const w = await startDemoWorld();
    try {
      const code = await w.issueCode(w.firms.ruitai);
      const visit = (
        await w.users.officer1.request(
          'POST',
          '/api/v1/check-ins',
          checkInBody(w, code, w.firms.ruitai),
        )
      ).json().visit;
      await w.users.officer1.request('POST', `/api/v1/visits/${visit.id}/check-out`, {
        findings: 'NO_ISSUE',
      });
      const res = await w.users.supervisor.request('GET', `/api/v1/visits/${visit.id}/audit`);
      expect(res.json().items.map((e: { action: string }) => e.action)).toEqual([
        'CHECK_IN',
        'CHECK_OUT',
      ]);
      expect(
        (await w.users.officer1.request('GET', `/api/v1/visits/${visit.id}/audit`)).statusCode,
      ).toBe(403);
    } finally {
      await w.t.close();
    }
  });
});
