import { ChainCheckService } from '../src/audit/chain-check.service';
import { checkInBody, startDemoWorld, type DemoWorld } from './support/demo-world';

describe('audit chain checks: on demand, scheduled, recorded, alerting', () => {
  let w: DemoWorld;
  const storedChecks = async (): Promise<
    { ok: boolean; first_broken_seq: string | null; requested_by: string | null }[]
  > =>
    w.t.dataSource.query(
      'SELECT ok, first_broken_seq, requested_by FROM audit_chain_check ORDER BY id',
    );
  const latest = async () =>
    (await w.users.supervisor.request('GET', '/api/v1/audit/checks/latest')).json();

  /** Edits the log with the append-only trigger disabled, as an intruder with database access. */
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

  /** The first check-in's entry: its id and where it is in its chain (its unit's). */
  const firstCheckIn = async (): Promise<{ id: string; chain: number; seq: number }> =>
    (
      await w.t.dataSource.query(
        `SELECT id, chain, seq::int AS seq FROM audit_entry WHERE action = 'CHECK_IN' ORDER BY id LIMIT 1`,
      )
    )[0];

  beforeAll(async () => {
    w = await startDemoWorld();
    const code = await w.issueCode(w.firms.ruitai);
    for (let i = 0; i < 2; i++) {
      const res = await w.users.officer1.request(
        'POST',
        '/api/v1/check-ins',
        checkInBody(w, code, w.firms.ruitai, {
          purpose: 'COMPLAINT_VERIFICATION',
          reference: `C-${i}`,
        }),
      );
      expect(res.statusCode).toBe(201);
    }
  });
  afterAll(() => w.t.close());

  it('has nothing to show before the first check', async () => {
    const res = await w.users.supervisor.request('GET', '/api/v1/audit/checks/latest');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ latest: null, lastFailure: null, alert: false });
  });

  it('runs a check on demand, records who asked, and answers the status', async () => {
    const res = await w.users.supervisor.request('POST', '/api/v1/audit/checks');
    expect(res.statusCode).toBe(201);
    const status = res.json();
    const chains = status.latest.chains as { entries: number; firstBrokenSeq: number | null }[];
    expect(chains.reduce((n, c) => n + c.entries, 0)).toBe(4);
    expect(chains.every((c) => c.firstBrokenSeq === null)).toBe(true);
    expect(status).toEqual({
      latest: {
        ok: true,
        entries: 4,
        firstBrokenSeq: null,
        firstBrokenChain: null,
        // every chain sound; which chain officer1's unit writes to depends on its random id
        chains: expect.any(Array),
        // the two check-ins' visits, each matching its CHECK_IN entry's digest
        rowsChecked: 2,
        rowMismatchCount: 0,
        rowMismatches: [],
        checkpointsChecked: 0,
        checkpointConflicts: [],
        rejectedCheckpoints: [],
        checkedAt: expect.any(String),
      },
      lastFailure: null,
      alert: false,
    });
    expect(await storedChecks()).toEqual([
      { ok: true, first_broken_seq: null, requested_by: w.users.supervisor.id },
    ]);
    expect(await latest()).toEqual(status);
  });

  it('records GET /audit/verify too, its answer as stored', async () => {
    const res = await w.users.admin.request('GET', '/api/v1/audit/verify');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(Object.keys(body).sort()).toEqual([
      'chains',
      'checkedAt',
      'checkpointConflicts',
      'checkpointsChecked',
      'entries',
      'firstBrokenChain',
      'firstBrokenSeq',
      'ok',
      'rejectedCheckpoints',
      'rowMismatchCount',
      'rowMismatches',
      'rowsChecked',
    ]);
    expect(body).toMatchObject({ ok: true, entries: 4, firstBrokenSeq: null });
    const checks = await storedChecks();
    expect(checks).toHaveLength(2);
    expect(checks[1]).toEqual({ ok: true, first_broken_seq: null, requested_by: w.users.admin.id });
    expect((await latest()).latest).toEqual(body);
  });

  it('alerts once an entry was edited behind the API’s back, naming its chain', async () => {
    const edited = await firstCheckIn();
    await behindTheBack(
      `UPDATE audit_entry SET data = jsonb_set(data, '{reference}', '"C-9"') WHERE id = ${edited.id}`,
    );
    const res = await w.users.admin.request('POST', '/api/v1/audit/checks');
    expect(res.statusCode).toBe(201);
    const status = res.json();
    expect(status.alert).toBe(true);
    // policy and gate code (chain 0) stay sound; the check-ins' chain breaks at the first one
    expect(status.latest).toMatchObject({
      ok: false,
      firstBrokenChain: edited.chain,
      firstBrokenSeq: edited.seq,
      entries: 2,
    });
    expect(
      status.latest.chains.filter((c: { firstBrokenSeq: number | null }) => c.firstBrokenSeq),
    ).toEqual([{ chain: edited.chain, entries: edited.seq - 1, firstBrokenSeq: edited.seq }]);
    expect(status.lastFailure).toEqual(status.latest);
    expect(await latest()).toEqual(status);
    expect((await storedChecks()).at(-1)).toEqual({
      ok: false,
      first_broken_seq: String(edited.seq),
      requested_by: w.users.admin.id,
    });
  });

  it('the scheduled check records a failure too (requested by nobody)', async () => {
    const edited = await firstCheckIn();
    const result = await w.t.app.get(ChainCheckService).run(null);
    expect(result).toMatchObject({
      ok: false,
      firstBrokenChain: edited.chain,
      firstBrokenSeq: edited.seq,
    });
    expect((await storedChecks()).at(-1)).toEqual({
      ok: false,
      first_broken_seq: String(edited.seq),
      requested_by: null,
    });
    expect((await latest()).latest.checkedAt).toBe(result.checkedAt);
  });

  it('stops alerting when the chain is sound again, but keeps the last failure', async () => {
    const before = await latest();
    const edited = await firstCheckIn();
    await behindTheBack(
      `UPDATE audit_entry SET data = jsonb_set(data, '{reference}', '"C-0"') WHERE id = ${edited.id}`,
    );
    const status = (await w.users.supervisor2.request('POST', '/api/v1/audit/checks')).json();
    expect(status.alert).toBe(false);
    expect(status.latest).toMatchObject({ ok: true, entries: 4, firstBrokenSeq: null });
    expect(status.lastFailure).toEqual(before.lastFailure);
    expect(status.lastFailure).toMatchObject({
      ok: false,
      firstBrokenChain: edited.chain,
      firstBrokenSeq: edited.seq,
    });
  });

  it.each([
    ['GET', '/api/v1/audit/checks/latest'],
    ['POST', '/api/v1/audit/checks'],
  ] as const)('%s %s is refused to officers and firms', async (method, url) => {
    const count = (await storedChecks()).length;
    for (const user of [w.users.officer1, w.users.officer3, w.users.firm1, w.users.firm2]) {
      const res = await user.request(method, url);
      expect(res.statusCode).toBe(403);
      expect(res.json().code).toBe('FORBIDDEN');
    }
    expect(await storedChecks()).toHaveLength(count);
  });
});
