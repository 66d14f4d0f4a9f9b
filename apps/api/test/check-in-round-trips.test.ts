import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { chainKeyNumber, chainKeyNumberSql } from '../src/audit/audit-hash';
import { rowsWithDigests } from '../src/audit/audit.repository';
import {
  DEFAULT_CHECK_IN_POLICY,
  isCapExempt,
  PURPOSES,
  visitsThatCanMatter,
} from '@qinqing/domain';
import type { EntityManager } from 'typeorm';
import { CheckInRepository } from '../src/check-ins/check-in.repository';
import { asTx } from '../src/database/transactions';
import { capWindow, capWindowSql } from '../src/visits/visit-sql';
import { checkInBody, startDemoWorld, type DemoWorld } from './support/demo-world';

/**
 * Issue 15: a check-in at database speed. What the API sends PostgreSQL while it answers, counted
 * at the driver (every statement is one round trip: node-postgres does not pipeline); and the
 * shortcuts that make it four (the entry's row digest computed from the values written, the chain
 * picked in SQL) give exactly what the slow way gave.
 */
describe('the check-in round trips', () => {
  let w: DemoWorld;
  let codes: { ruitai: string; zhonglian: string; sinian: string };
  let sent: string[] | null = null;
  const originalQuery = Client.prototype.query;

  beforeAll(async () => {
    w = await startDemoWorld();
    codes = {
      ruitai: await w.issueCode(w.firms.ruitai),
      zhonglian: await w.issueCode(w.firms.zhonglian),
      sinian: await w.issueCode(w.firms.sinian),
    };
    Client.prototype.query = function (this: Client, ...args: unknown[]) {
      const first = args[0] as string | { text: string };
      sent?.push((typeof first === 'string' ? first : first.text).trim().replace(/\s+/g, ' '));
      return (originalQuery as (...a: unknown[]) => unknown).apply(this, args);
    } as typeof Client.prototype.query;
  });
  afterAll(async () => {
    Client.prototype.query = originalQuery;
    await w.t.close();
  });

  /** The statements sent while the request is answered. */
  async function statementsOf(request: () => Promise<{ statusCode: number }>, status: number) {
    sent = [];
    const res = await request();
    const statements = sent;
    sent = null;
    expect(res.statusCode).toBe(status);
    return statements;
  }

  const post = (body: Record<string, unknown>, user = w.users.officer3) =>
    user.request('POST', '/api/v1/check-ins', body);

  it('records a check-in in two round trips: its context, and its writes with its rate-limit count', async () => {
    const body = checkInBody(w, codes.ruitai, w.firms.ruitai, {
      coOfficerIds: [w.users.officer4.id],
    });
    const statements = await statementsOf(() => post(body), 201);
    // No transaction block: the context holds nothing while the app judges the scan, and the
    // write statement commits alone, the officer's call counted in it under the check-in limit.
    // It was 28 statements in all.
    expect(statements).toHaveLength(2);
    const [context, write] = statements;
    expect(context).toMatch(/limit_window AS \( SELECT w\.hits, .* FROM rate_limit_window w/);
    expect(write).toMatch(/hit AS \( INSERT INTO rate_limit_window AS w/);
    expect(context).toMatch(/^WITH RECURSIVE officer AS/);
    // The caller's account is read by the context statement (the token's account check).
    expect(context).toMatch(/u\.credentials_version AS "credentialsVersion"/);
    expect(context).not.toMatch(/FOR (NO KEY )?UPDATE/);
    // The write moves the firm's check_in_seq on if unchanged, then locks the chain's head and
    // hashes the entry there.
    expect(write).toMatch(/^WITH firm AS \( UPDATE enterprise e SET check_in_seq = /);
    expect(write).toMatch(/head AS \( SELECT .* FROM audit_chain_head h .* FOR UPDATE\)/);
    expect(write).toMatch(/new_visit AS \( INSERT INTO visit/);
    expect(statements).not.toContain('START TRANSACTION');
  });

  it('finds a replay in its context statement, and neither writes nor counts it', async () => {
    const body = checkInBody(w, codes.zhonglian, w.firms.zhonglian, {
      coOfficerIds: [w.users.officer4.id],
    });
    await statementsOf(() => post(body), 201);
    const replay = await statementsOf(() => post(body), 201);
    // The context (which finds the clientId recorded), then the visit read as stored.
    expect(replay[0]).toMatch(/^WITH RECURSIVE officer AS/);
    expect(
      replay.filter((s) => /(WITH firm AS|START TRANSACTION|rate_limit_window AS)/.test(s)),
    ).toEqual([]);
  });

  it('takes as many for a refused attempt, and for one with an unreadable code', async () => {
    const refused = await statementsOf(
      () =>
        post(checkInBody(w, codes.sinian, w.firms.sinian, { purpose: 'ROUTINE', reference: null })),
      409,
    );
    expect(refused).toHaveLength(2);
    expect(refused[1]).toMatch(/^WITH firm AS/);
    const unreadable = await statementsOf(
      () => post(checkInBody(w, 'QQ1-not-a-code', w.firms.sinian)),
      409,
    );
    expect(unreadable).toHaveLength(2);
    expect(unreadable[1]).toMatch(/^WITH firm AS/);
  });

  it('judges a check-in again, on the firm locked, when another is recorded there after its context was read', async () => {
    const firm = w.firms.ruitai;
    // One clock for both: with `early` a millisecond later, `late` would meet it as a later visit
    // (LATE_SYNC_CONFLICT), not as a prior one.
    const complaint = {
      purpose: 'COMPLAINT_VERIFICATION',
      reference: '12369-S-1',
      clientTime: new Date().toISOString(),
    };
    const late = checkInBody(w, codes.ruitai, firm, complaint);
    const early = checkInBody(w, codes.ruitai, firm, complaint);
    let earlyDone: Promise<{ statusCode: number; json(): { decision: unknown } }> | null = null;
    // The moment `late` has read its context, `early` checks in at the same firm and is recorded.
    const query = Client.prototype.query;
    Client.prototype.query = function (this: Client, ...args: unknown[]) {
      const result = (query as (...a: unknown[]) => unknown).apply(this, args);
      const first = args[0] as { name?: string };
      if (first?.name === 'check-in-context' && earlyDone === null && sent !== null) {
        earlyDone = post(early, w.users.officer4);
        const done = earlyDone;
        return (result as Promise<unknown>).then(async (rows) => (await done, rows));
      }
      return result;
    } as typeof Client.prototype.query;
    let statements: string[];
    try {
      statements = await statementsOf(() => post(late), 201);
    } finally {
      Client.prototype.query = query;
    }
    const earlyRes = await earlyDone!;
    expect(earlyRes.statusCode).toBe(201);
    expect(earlyRes.json().decision).toMatchObject({ outcome: 'ALLOWED', reasons: [] });
    // `late` was judged as if `early` were not there (ALLOWED), found the firm moved on when it
    // wrote (nothing written), and was judged again with the firm locked: a repeat of `early`.
    expect(statements.filter((s) => s.startsWith('WITH firm AS'))).toHaveLength(3); // early's, 2 of late's
    expect(statements).toContain('START TRANSACTION');
    // The firm locked first, then the context read (a lock taken by the context statement would
    // give the firm's row after the wait and its visits from before it), the write, COMMIT.
    const locked = statements.slice(statements.indexOf('START TRANSACTION'));
    expect(locked[1]).toMatch(/^SELECT .* FROM "enterprise" "e" WHERE .* FOR NO KEY UPDATE$/);
    expect(locked[2]).toMatch(/^WITH RECURSIVE officer AS/);
    expect(locked[3]).toMatch(/^WITH firm AS/);
    expect(locked[4]).toBe('COMMIT');
    const lateVisits: { outcome: string; reasons: { code: string }[] }[] =
      await w.t.dataSource.query(`SELECT outcome, reasons FROM visit WHERE client_id = $1`, [
        late.clientId,
      ]);
    expect(lateVisits).toHaveLength(1);
    expect(lateVisits[0].reasons.map((r) => r.code)).toEqual(['REPEAT_VISIT']);
    const verify = await w.users.supervisor.request('GET', '/api/v1/audit/verify');
    expect(verify.json()).toMatchObject({ ok: true, firstBrokenSeq: null, rowMismatchCount: 0 });
  });

  it('judges check-ins arriving at one firm at once one after the other: one of them is not a repeat', async () => {
    const firm = w.firms.zhonglian;
    const officers = [w.users.officer1, w.users.officer2, w.users.officer3, w.users.officer4];
    // Scanned at the same instant: each is a repeat of any other recorded before it.
    const clientTime = new Date().toISOString();
    const responses = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        post(
          checkInBody(w, codes.zhonglian, firm, {
            purpose: 'COMPLAINT_VERIFICATION',
            reference: '12369-S-2',
            clientTime,
            coOfficerIds: [officers[(i + 1) % 4].id],
          }),
          officers[i % 4],
        ),
      ),
    );
    expect(responses.map((r) => r.statusCode)).toEqual(Array(12).fill(201));
    const repeats = responses.map((r) =>
      (r.json().decision.reasons as { code: string }[]).some((x) => x.code === 'REPEAT_VISIT'),
    );
    // However they interleave, the first written is the only one not judged a repeat.
    expect(repeats.filter((repeat) => !repeat)).toHaveLength(1);
    const [{ seq }] = await w.t.dataSource.query(
      `SELECT check_in_seq::int AS seq FROM enterprise WHERE id = $1`,
      [firm.id],
    );
    const [{ visits }] = await w.t.dataSource.query(
      `SELECT count(*)::int AS visits FROM visit WHERE enterprise_id = $1`,
      [firm.id],
    );
    // Every check-in written at the firm moved its number on once, and only those.
    expect(seq).toBe(visits);
  });

  it('counts the rate limit in a table whose commit does not wait for the disk', async () => {
    // The other limits' counts (a preview's, for one) run in a transaction of their own before
    // the request: with a logged table each would wait for the WAL to reach the disk.
    const [{ persistence }] = await w.t.dataSource.query(
      `SELECT relpersistence AS persistence FROM pg_class WHERE oid = 'rate_limit_window'::regclass`,
    );
    expect(persistence).toBe('u');
  });

  it('previews in one statement, outside any transaction', async () => {
    const {
      clientId: _clientId,
      purpose: _purpose,
      ...scan
    } = checkInBody(w, codes.ruitai, w.firms.ruitai);
    const statements = await statementsOf(
      () => w.users.officer3.request('POST', '/api/v1/check-ins/preview', scan),
      200,
    );
    expect(statements).not.toContain('START TRANSACTION');
    const gathers = statements.filter((s) => s.startsWith('WITH RECURSIVE officer AS'));
    expect(gathers).toHaveLength(1);
    expect(gathers[0]).not.toMatch(/FOR (NO KEY )?UPDATE/);
  });

  it('answers with the visit as it is stored', async () => {
    const res = await post(
      checkInBody(w, codes.zhonglian, w.firms.zhonglian, {
        coOfficerIds: [w.users.officer4.id, w.users.officer1.id],
      }),
    );
    expect(res.statusCode).toBe(201);
    const stored = await w.users.officer3.request('GET', `/api/v1/visits/${res.json().visit.id}`);
    expect(stored.statusCode).toBe(200);
    expect(res.json().visit).toEqual(stored.json());
  });

  it('writes each entry with the digest its visit has, whatever the visit', async () => {
    const firm = w.firms.zhonglian;
    const revoked = codes.sinian;
    codes.sinian = await w.issueCode(w.firms.sinian);
    const bodies = [
      // co-officers, a precise location with decimals
      checkInBody(w, codes.zhonglian, firm, {
        coOfficerIds: [w.users.officer4.id, w.users.officer1.id],
        location: { lat: firm.gate.lat + 0.000123456789, lng: firm.gate.lng, accuracy: 12.5 },
      }),
      // no location, no co-officer, a clientId in capitals, a phone clock 2 minutes behind
      checkInBody(w, codes.zhonglian, firm, {
        clientId: randomUUID().toUpperCase(),
        coOfficerIds: [],
        location: null,
        purpose: 'COMPLAINT_VERIFICATION',
        reference: '12369-D-1',
        clientTime: new Date(Date.now() - 120_000).toISOString(),
      }),
      // refused: a revoked code (the firm and gate are known)
      checkInBody(w, revoked, w.firms.sinian),
      // refused: no firm, no gate (an unreadable code)
      checkInBody(w, 'QQ1-garbage', firm),
    ];
    const ids: string[] = [];
    for (const body of bodies) {
      const res = await post(body);
      expect([201, 409]).toContain(res.statusCode);
      ids.push(res.statusCode === 201 ? res.json().visit.id : res.json().attemptId);
    }
    const rows = await rowsWithDigests(w.t.dataSource, 'visit', { ids });
    expect(rows).toHaveLength(bodies.length);
    for (const row of rows) expect(row.audited).toBe(row.digest);
    const verify = await w.users.supervisor.request('GET', '/api/v1/audit/verify');
    expect(verify.json()).toMatchObject({ ok: true, rowMismatchCount: 0 });
  });

  it('picks the chain in SQL exactly as chainKeyNumber does', async () => {
    const keys = fc.sample(fc.oneof(fc.uuid(), fc.string({ unit: 'grapheme' })), 200);
    const rows: { n: string }[] = await w.t.dataSource.query(
      `SELECT ${chainKeyNumberSql('k')}::text AS n FROM unnest($1::text[]) WITH ORDINALITY AS t(k, i)
        ORDER BY i`,
      [keys],
    );
    expect(rows.map((r) => Number(r.n))).toEqual(keys.map(chainKeyNumber));
  });

  it('bounds the visits around a scan in SQL exactly as capWindow does', async () => {
    const cases = fc.sample(
      fc.record({
        at: fc.date({
          min: new Date('2000-01-01'),
          max: new Date('2100-01-01'),
          noInvalidDate: true,
        }),
        // whole days and fractions (policies may say 0.5): eighths of a day, exact in both clocks
        days: fc.integer({ min: 0, max: 400 * 8 }).map((eighths) => eighths / 8),
        offset: fc.integer({ min: -720, max: 840 }),
      }),
      300,
    );
    const window = capWindowSql('c.at', 'c.days', 'c.offset');
    const rows: { from: Date; to: Date }[] = await w.t.dataSource.query(
      `SELECT ${window.from} AS "from", ${window.to} AS "to"
         FROM unnest($1::timestamptz[], $2::float8[], $3::int[]) WITH ORDINALITY AS c(at, days, "offset", i)
        ORDER BY c.i`,
      [cases.map((c) => c.at), cases.map((c) => c.days), cases.map((c) => c.offset)],
    );
    const iso = (b: { from: Date; to: Date }) => [b.from.toISOString(), b.to.toISOString()];
    expect(rows.map(iso)).toEqual(cases.map((c) => iso(capWindow(c.at, c.days, c.offset))));
  });

  it('reads exactly the visits that can matter to the rules (visitsThatCanMatter), in the cap window', async () => {
    // A firm of its own history: visits by the demo units of every level, for every purpose, from
    // 400 days before the scan to 30 days after it; some refused (never read).
    const firm = w.firms.haier;
    const units: { id: string; level: string }[] = await w.t.dataSource.query(
      'SELECT id, level FROM unit ORDER BY code',
    );
    const officer: { id: string; unit_id: string }[] = await w.t.dataSource.query(
      `SELECT id, unit_id FROM app_user WHERE username = 'officer3'`,
    );
    const scan = new Date();
    const DAY = 86_400_000;
    const visits = fc
      .sample(
        fc.record({
          offsetMs: fc.oneof(
            fc.integer({ min: -400 * DAY, max: 30 * DAY }),
            // crowded near the repeat window's edges (7 days and the day more)
            fc.integer({ min: -10 * DAY, max: 10 * DAY }),
          ),
          unit: fc.constantFrom(...units),
          purpose: fc.constantFrom(...PURPOSES),
          refused: fc.integer({ min: 0, max: 9 }).map((n) => n === 0),
        }),
        400,
      )
      .map((v) => ({ ...v, id: randomUUID(), at: new Date(scan.getTime() + v.offsetMs) }));
    // Written and read in one transaction, rolled back: the history has no audit entries, and
    // the audit log of the other tests must stay whole.
    const rollback = new Error('rollback');
    await w.t.dataSource
      .transaction(async (manager) => {
        await readsWhatCanMatter(manager);
        throw rollback;
      })
      .catch((error: unknown) => {
        if (error !== rollback) throw error;
      });

    async function readsWhatCanMatter(manager: EntityManager) {
      await manager.query(
        `INSERT INTO visit (id, client_id, officer_id, unit_id, enterprise_id, gate_id, purpose,
                          reference, outcome, reasons, policy_version, client_time, received_at,
                          checked_in_at)
       SELECT v.id, gen_random_uuid(), $2, v.unit_id, $3, $4, v.purpose, NULL, v.outcome, '[]', 1,
              v.at, v.at, v.at
         FROM unnest($1::uuid[], $5::uuid[], $6::text[], $7::text[], $8::timestamptz[])
              AS v(id, unit_id, purpose, outcome, at)`,
        [
          visits.map((v) => v.id),
          officer[0].id,
          firm.id,
          firm.gateId,
          visits.map((v) => v.unit.id),
          visits.map((v) => v.purpose),
          visits.map((v) => (v.refused ? 'REFUSED' : 'ALLOWED')),
          visits.map((v) => v.at),
        ],
      );
      const officerLevel = units.find((u) => u.id === officer[0].unit_id)!.level;
      const repository = w.t.app.get(CheckInRepository);
      // The phone's clock behind the server's, on time, and ahead of it by minutes and by days (the
      // earlier of the two bounds the repeat window).
      for (const serverLeadMs of [3 * DAY + 3_600_000, 0, -20 * 60_000, -3 * DAY - 3_600_000]) {
        const receivedAt = new Date(scan.getTime() + serverLeadMs);
        const context = await repository.gather(
          {
            officerId: officer[0].id,
            coOfficerIds: [],
            signed: { gateId: firm.gateId, version: 1, enterpriseId: firm.id },
            clientTime: scan,
            judgedAt: scan < receivedAt ? scan : receivedAt,
            reference: null,
            clientId: null,
            limit: null,
            defaults: DEFAULT_CHECK_IN_POLICY,
          },
          asTx(manager),
        );
        const policy = DEFAULT_CHECK_IN_POLICY;
        const judgedAt = scan < receivedAt ? scan : receivedAt;
        // From the start of the earlier clock's year (the rules take the server's when the
        // phone's is ahead) to the end of the scan's.
        const window = {
          from: capWindow(judgedAt, policy.repeatVisitWindowDays, policy.utcOffsetMinutes).from,
          to: capWindow(scan, policy.repeatVisitWindowDays, policy.utcOffsetMinutes).to,
        };
        const inWindow = visits
          .filter((v) => !v.refused && v.at >= window.from && v.at < window.to)
          .map((v) => ({
            id: v.id,
            checkedInAt: v.at.toISOString(),
            purpose: v.purpose,
            unitLevel: v.unit.level,
          }));
        const expected = visitsThatCanMatter(inWindow, {
          clientTime: scan.toISOString(),
          serverTime: receivedAt.toISOString(),
          officer: { id: officer[0].id, active: true, unitId: '', unitLevel: officerLevel },
          policy,
        });
        const read = context.visitsAround.map((v) => v.id).sort();
        expect(read).toEqual(expected.map((v) => v.id).sort());
        // Not vacuous: the firm's history holds visits of both kinds, and more counted visits
        // before the repeat window than the cap (of which the latest are read).
        expect(expected.length).toBeGreaterThan(30);
        expect(inWindow.length - expected.length).toBeGreaterThan(50);
        const countedBefore = inWindow.filter(
          (v) =>
            v.unitLevel === officerLevel &&
            !isCapExempt(policy, v.purpose) &&
            Date.parse(v.checkedInAt) <
              judgedAt.getTime() - (policy.repeatVisitWindowDays + 1) * DAY,
        );
        expect(countedBefore.length).toBeGreaterThan(policy.annualCapPerUnitLevel);
      }
    }
  });

  it('judges concurrent check-ins of several units at several firms without a deadlock', async () => {
    const officers = [w.users.officer1, w.users.officer2, w.users.officer3, w.users.officer4];
    const firms = [
      [w.firms.ruitai, codes.ruitai],
      [w.firms.zhonglian, codes.zhonglian],
    ] as const;
    const responses = await Promise.all(
      Array.from({ length: 24 }, (_, i) => {
        const [firm, code] = firms[i % 2];
        const officer = officers[i % 4];
        return post(
          checkInBody(w, code, firm, {
            coOfficerIds: [officers[(i + 1) % 4].id],
            purpose: 'COMPLAINT_VERIFICATION',
            reference: `12369-P-${i}`,
          }),
          officer,
        );
      }),
    );
    expect(responses.map((r) => r.statusCode).filter((s) => s !== 201 && s !== 409)).toEqual([]);
    const verify = await w.users.supervisor.request('GET', '/api/v1/audit/verify');
    expect(verify.json()).toMatchObject({ ok: true, firstBrokenSeq: null, rowMismatchCount: 0 });
  });

  it("keeps a unit's chain whole when check-ins (hashed in SQL) and check-outs (hashed by AuditService) write it at once", async () => {
    const checkIn = (i: number, officer = w.users.officer1) =>
      post(
        checkInBody(w, codes.ruitai, w.firms.ruitai, {
          coOfficerIds: [w.users.officer2.id],
          purpose: 'COMPLAINT_VERIFICATION',
          reference: `12369-M-${i}`,
        }),
        officer,
      );
    const open = await Promise.all([0, 1, 2, 3, 4, 5].map((i) => checkIn(i)));
    expect(open.map((r) => r.statusCode)).toEqual([201, 201, 201, 201, 201, 201]);
    const mixed = await Promise.all([
      ...open.map((r) =>
        w.users.officer1.request('POST', `/api/v1/visits/${r.json().visit.id}/check-out`, {
          findings: 'NO_ISSUE',
        }),
      ),
      ...[6, 7, 8, 9, 10, 11].map((i) => checkIn(i, w.users.officer2)),
    ]);
    expect(mixed.map((r) => r.statusCode)).toEqual([...Array(6).fill(200), ...Array(6).fill(201)]);
    const verify = await w.users.supervisor.request('GET', '/api/v1/audit/verify');
    expect(verify.json()).toMatchObject({ ok: true, firstBrokenSeq: null, rowMismatchCount: 0 });
  });
});
