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

  it('records policy, gate code and check-in entries in intact chains', async () => {
    const result = await verify();
    expect(result).toMatchObject({
      ok: true,
      firstBrokenSeq: null,
      firstBrokenChain: null,
      checkedAt: expect.any(String),
    });
    const entries: { action: string; chain: number; seq: string }[] = await w.t.dataSource.query(
      'SELECT action, chain, seq::text AS seq FROM audit_entry ORDER BY id',
    );
    expect(entries.map((e) => e.action)).toEqual([
      'POLICY_CHANGED',
      'GATE_CODE_ISSUED',
      'CHECK_IN',
      'CHECK_IN',
      'CHECK_IN',
    ]);
    // Entries without a key are chain 0's; the check-ins of one unit are one chain, 1, 2, 3.
    expect(entries.slice(0, 2).map((e) => [e.chain, e.seq])).toEqual([
      [0, '1'],
      [0, '2'],
    ]);
    const unitChain = entries[2].chain;
    const checkIns = entries.slice(2).map((e) => [e.chain, e.seq]);
    expect(checkIns).toEqual(
      unitChain === 0
        ? [
            [0, '3'],
            [0, '4'],
            [0, '5'],
          ]
        : [
            [unitChain, '1'],
            [unitChain, '2'],
            [unitChain, '3'],
          ],
    );
    expect(result.entries).toBe(5);
    expect(result.chains).toHaveLength(16);
    expect(result.chains.every((c: { firstBrokenSeq: null }) => c.firstBrokenSeq === null)).toBe(
      true,
    );
  });

  it.each([
    ['UPDATE', `UPDATE audit_entry SET action = 'X' WHERE id = 2`],
    ['DELETE', 'DELETE FROM audit_entry WHERE id = 5'],
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

    /** The n-th check-in's entry (0 first): its id and where it is in its chain. */
    const checkInEntry = async (n: number) => {
      const [entry]: { id: string; chain: number; seq: number }[] = await w.t.dataSource.query(
        `SELECT id, chain, seq::int AS seq FROM audit_entry WHERE action = 'CHECK_IN'
          ORDER BY id OFFSET $1 LIMIT 1`,
        [n],
      );
      return entry;
    };

    it('is caught at the edited entry, named by its chain and seq', async () => {
      const second = await checkInEntry(1);
      await behindTheBack(
        `UPDATE audit_entry SET data = jsonb_set(data, '{outcome}', '"REFUSED"') WHERE id = ${second.id}`,
      );
      const result = await verify();
      expect(result).toMatchObject({
        ok: false,
        firstBrokenChain: second.chain,
        firstBrokenSeq: second.seq,
      });
      expect(
        result.chains.filter((c: { firstBrokenSeq: null }) => c.firstBrokenSeq !== null),
      ).toEqual([{ chain: second.chain, entries: second.seq - 1, firstBrokenSeq: second.seq }]);
    });

    it('is caught when the last entry is removed', async () => {
      const [second, third] = [await checkInEntry(1), await checkInEntry(2)];
      await behindTheBack(
        `UPDATE audit_entry SET data = jsonb_set(data, '{outcome}', '"ALLOWED"') WHERE id = ${second.id}`,
      );
      expect(await verify()).toMatchObject({ ok: true });
      await behindTheBack(`DELETE FROM audit_entry WHERE id = ${third.id}`);
      expect(await verify()).toMatchObject({
        ok: false,
        firstBrokenChain: third.chain,
        firstBrokenSeq: third.seq,
      });
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
