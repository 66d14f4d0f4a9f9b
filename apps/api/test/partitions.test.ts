import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AuditRepository } from '../src/audit/audit.repository';
import { AuditService } from '../src/audit/audit.service';
import { asTx } from '../src/database/transactions';
import { ensureMonthlyPartitions } from '../src/database/partitions';
import { seedDemoDataIfEmpty } from '../src/database/seed/demo-seed';
import { seedDemoData } from '../src/database/seed/seed-demo-data';
import { typeOrmOptions } from '../src/database/typeorm-options';
import { JobScheduler } from '../src/jobs/job-scheduler';
import { login, type ApiUser } from './support/api-client';
import { createTestDatabase } from './support/test-database';
import { startTestApp, type TestApp } from './support/test-app';

/** Months of history written before the partitioning migration runs. */
const HISTORY_MONTHS = 14;
const DAY_MS = 86_400_000;

/** `YYYY_MM` of a time in UTC: the suffix of its month's partition. */
const monthOf = (t: Date) =>
  `${t.getUTCFullYear()}_${String(t.getUTCMonth() + 1).padStart(2, '0')}`;
/** The middle of the month `back` months before the current one (UTC). */
const midMonth = (back: number) => {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - back, 15, 2, 0, 0));
};

interface PlanNode {
  'Relation Name'?: string;
  'Actual Loops'?: number;
  Plans?: PlanNode[];
}

/** The relations a plan run under EXPLAIN ANALYZE scanned, with how often (0: pruned at run time). */
function scansOf(node: PlanNode): { relation: string; loops: number }[] {
  return [
    ...(node['Relation Name']
      ? [{ relation: node['Relation Name'], loops: node['Actual Loops'] ?? 0 }]
      : []),
    ...(node.Plans ?? []).flatMap(scansOf),
  ];
}

/** Every table a plan reads. */
function relationsOf(node: PlanNode): string[] {
  return [
    ...(node['Relation Name'] ? [node['Relation Name']] : []),
    ...(node.Plans ?? []).flatMap(relationsOf),
  ];
}

/**
 * Inserts a visit (and its lead officer) as the check-in does, with its CHECK_IN audit entry
 * written by the real AuditService, all at `at`: Date alone is faked, so the entry's time (and
 * hence its partition) is that month's.
 */
async function auditedVisitAt(
  dataSource: DataSource,
  audit: AuditService,
  at: Date,
  who: { officerId: string; unitId: string },
  clientId: string = randomUUID(),
  what: {
    enterpriseId: string | null;
    purpose: string;
    reference: string | null;
    outcome: string;
  } = {
    enterpriseId: null,
    purpose: 'ROUTINE',
    reference: null,
    outcome: 'ALLOWED',
  },
): Promise<string> {
  jest.useFakeTimers({
    doNotFake: [
      'hrtime',
      'nextTick',
      'performance',
      'queueMicrotask',
      'requestAnimationFrame',
      'cancelAnimationFrame',
      'requestIdleCallback',
      'cancelIdleCallback',
      'setImmediate',
      'clearImmediate',
      'setInterval',
      'clearInterval',
      'setTimeout',
      'clearTimeout',
    ],
    now: at,
  });
  try {
    return await dataSource.transaction(async (manager) => {
      const [{ id }]: { id: string }[] = await manager.query(
        `INSERT INTO visit (client_id, officer_id, unit_id, enterprise_id, purpose, reference,
                outcome, reasons, policy_version, client_time, received_at, checked_in_at)
         VALUES ($1, $2, $3, $5, $6, $7, $8, '[]', 1, $4, $4, $4) RETURNING id`,
        [
          clientId,
          who.officerId,
          who.unitId,
          at,
          what.enterpriseId,
          what.purpose,
          what.reference,
          what.outcome,
        ],
      );
      await manager.query(
        `INSERT INTO visit_officer (visit_id, officer_id, is_lead) VALUES ($1, $2, true)`,
        [id, who.officerId],
      );
      await audit.append(asTx(manager), {
        actorId: who.officerId,
        action: 'CHECK_IN',
        subjectType: 'visit',
        subjectId: id,
        data: { outcome: what.outcome },
        row: { table: 'visit', id },
        chainKey: who.unitId,
      });
      return id;
    });
  } finally {
    jest.useRealTimers();
  }
}

describe('monthly partitions of visit and audit_entry', () => {
  let t: TestApp;
  let supervisor: ApiUser;
  let officer: { officerId: string; unitId: string };
  const history: { id: string; clientId: string; at: Date }[] = [];
  let refusedAtFirm: string;

  beforeAll(async () => {
    // A database as it was before the partitioning, with visits and audit entries over 14 months.
    const url = await createTestDatabase();
    const before = new DataSource(typeOrmOptions(url, 2));
    await before.initialize();
    // The demo data seeded by today's entities, then the schema taken back (its rows kept).
    await seedDemoDataIfEmpty(before);
    const names = before.migrations.map((m) => m.name);
    const undo = names.length - names.indexOf('MonthlyPartitions1796600000000');
    for (let i = 0; i < undo; i++) await before.undoLastMigration();
    expect(await before.query(`SELECT relkind FROM pg_class WHERE relname = 'visit'`)).toEqual([
      { relkind: 'r' },
    ]);
    [officer] = await before.query(
      `SELECT id AS "officerId", unit_id AS "unitId" FROM app_user WHERE username = 'officer1'`,
    );
    const audit = new AuditService(new AuditRepository(before));
    for (let back = HISTORY_MONTHS - 1; back >= 1; back--) {
      const at = midMonth(back);
      const clientId = randomUUID();
      history.push({
        id: await auditedVisitAt(before, audit, at, officer, clientId),
        clientId,
        at,
      });
    }
    // And a refused attempt at a firm, for a cause (what the rules read of a visit is copied).
    const [{ firmId }] = await before.query(`SELECT id AS "firmId" FROM enterprise LIMIT 1`);
    refusedAtFirm = await auditedVisitAt(before, audit, midMonth(2), officer, randomUUID(), {
      enterpriseId: firmId,
      purpose: 'COMPLAINT_VERIFICATION',
      reference: '12369-P-1',
      outcome: 'REFUSED',
    });
    await before.destroy();

    // The API migrates it as it starts.
    t = await startTestApp({ DATABASE_URL: url });
    supervisor = await login(t, 'supervisor');
  }, 120_000);
  afterAll(() => t?.close());

  it('puts every visit and audit entry in the partition of its month (UTC)', async () => {
    const visits: { part: string; at: Date }[] = await t.dataSource.query(
      `SELECT tableoid::regclass::text AS part, checked_in_at AS at FROM visit`,
    );
    expect(visits.length).toBeGreaterThanOrEqual(HISTORY_MONTHS - 1);
    for (const v of visits) expect(v.part).toBe(`visit_${monthOf(v.at)}`);
    const entries: { part: string; at: Date }[] = await t.dataSource.query(
      `SELECT tableoid::regclass::text AS part, at FROM audit_entry`,
    );
    const months = new Set(entries.map((e) => monthOf(e.at)));
    expect(months.size).toBeGreaterThanOrEqual(HISTORY_MONTHS - 1);
    for (const e of entries) expect(e.part).toBe(`audit_entry_${monthOf(e.at)}`);

    // From the oldest row's month through 12 months ahead, plus DEFAULT (empty).
    const partitions: { name: string }[] = await t.dataSource.query(
      `SELECT c.relname AS name FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
        WHERE i.inhparent = 'visit'::regclass ORDER BY c.relname`,
    );
    expect(partitions[0].name).toBe(`visit_${monthOf(history[0].at)}`);
    expect(partitions).toContainEqual({ name: `visit_${monthOf(midMonth(-12))}` });
    expect(partitions).not.toContainEqual({ name: `visit_${monthOf(midMonth(-13))}` });
    expect(partitions).toHaveLength(HISTORY_MONTHS - 1 + 13 + 1);
    expect(await t.dataSource.query(`SELECT count(*)::int AS n FROM visit_default`)).toEqual([
      { n: 0 },
    ]);
    // Each visit has its keys in visit_key.
    const keys: { id: string; clientId: string }[] = await t.dataSource.query(
      `SELECT id, client_id AS "clientId" FROM visit_key WHERE id = ANY($1)`,
      [history.map((h) => h.id)],
    );
    expect(keys).toHaveLength(history.length);
    expect(keys).toEqual(
      expect.arrayContaining(history.map(({ id, clientId }) => ({ id, clientId }))),
    );
  });

  it('copies what the rules read of every visit into visit_key, as migrated and as inserted', async () => {
    const facts = `(k.enterprise_id, k.unit_id, k.purpose, k.reference, k.outcome)
        IS NOT DISTINCT FROM (v.enterprise_id, v.unit_id, v.purpose, v.reference, v.outcome)`;
    const copies = async () =>
      (
        await t.dataSource.query(
          `SELECT count(*)::int AS visits, count(k.id) FILTER (WHERE ${facts})::int AS copied
             FROM visit v LEFT JOIN visit_key k ON k.id = v.id`,
        )
      )[0];
    const migrated = await copies();
    expect(migrated).toEqual({ visits: history.length + 1, copied: history.length + 1 });
    expect(
      await t.dataSource.query(
        `SELECT enterprise_id IS NOT NULL AS "atFirm", purpose, reference, outcome
           FROM visit_key WHERE id = $1`,
        [refusedAtFirm],
      ),
    ).toEqual([
      {
        atFirm: true,
        purpose: 'COMPLAINT_VERIFICATION',
        reference: '12369-P-1',
        outcome: 'REFUSED',
      },
    ]);
    await auditedVisitAt(t.dataSource, t.app.get(AuditService), midMonth(0), officer);
    expect(await copies()).toEqual({ visits: history.length + 2, copied: history.length + 2 });
  });

  it('keeps the audit chain verifying (AuditService.verify through the API)', async () => {
    const res = await supervisor.request('GET', '/api/v1/audit/verify');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ ok: true, firstBrokenSeq: null, rowMismatchCount: 0 });
    expect(res.json().entries).toBeGreaterThanOrEqual(HISTORY_MONTHS - 1);
  });

  it('takes a visit older than any partition into DEFAULT and moves it into its month when the job makes it', async () => {
    const at = new Date(Date.UTC(2019, 4, 20, 3, 0, 0));
    const id = await auditedVisitAt(t.dataSource, t.app.get(AuditService), at, officer);
    const where = () =>
      t.dataSource.query(`SELECT tableoid::regclass::text AS part FROM visit WHERE id = $1`, [id]);
    expect(await where()).toEqual([{ part: 'visit_default' }]);

    const entry = () =>
      t.dataSource.query(
        `SELECT tableoid::regclass::text AS part FROM audit_entry WHERE subject_id = $1`,
        [id],
      );
    expect(await entry()).toEqual([{ part: 'audit_entry_default' }]);

    // The next day's run of the job (the start-up ran today's).
    const slot = new Date(Math.floor(Date.now() / DAY_MS) * DAY_MS + DAY_MS);
    expect(await t.app.get(JobScheduler).runSlot('monthly-partitions', slot)).toBe('ran');
    expect(await where()).toEqual([{ part: 'visit_2019_05' }]);
    expect(await entry()).toEqual([{ part: 'audit_entry_2019_05' }]);
    const [{ result }] = await t.dataSource.query(
      `SELECT result FROM job_run WHERE job = 'monthly-partitions' AND slot = $1`,
      [slot],
    );
    // Only that month was made: the months ahead were there.
    expect(result).toEqual({ visit: 1, audit_entry: 1 });
    for (const table of ['visit', 'audit_entry']) {
      expect(await t.dataSource.query(`SELECT count(*)::int AS n FROM ${table}_default`)).toEqual([
        { n: 0 },
      ]);
    }
    // The month made from moved rows has what every partition has.
    expect(
      await t.dataSource.query(
        `SELECT indexname FROM pg_indexes WHERE tablename = 'audit_entry_2019_05' ORDER BY 1`,
      ),
    ).toEqual([
      { indexname: 'UQ_audit_entry_2019_05_chain_seq' },
      { indexname: 'audit_entry_2019_05_pkey' },
      { indexname: 'audit_entry_2019_05_row_table_row_id_id_idx' },
    ]);
    await expect(t.dataSource.query(`DELETE FROM audit_entry_2019_05`)).rejects.toThrow(
      /append-only/,
    );
    // A second run has nothing to do.
    expect(await ensureMonthlyPartitions(t.dataSource)).toEqual({ visit: 0, audit_entry: 0 });
    // The moved visit is whole, its partition guarded like the others, and the chain verifies.
    await expect(t.dataSource.query(`TRUNCATE visit_2019_05`)).rejects.toThrow(/kept for good/);
    const verify = await supervisor.request('GET', '/api/v1/audit/verify');
    expect(verify.json()).toMatchObject({ ok: true, rowMismatchCount: 0 });
  });

  it('refuses a second visit with a client_id used in another month, naming client_id', async () => {
    const old = history[0];
    const error: { code?: string; detail?: string } = await t.dataSource
      .query(
        `INSERT INTO visit (client_id, officer_id, unit_id, purpose, outcome, reasons,
                policy_version, client_time, received_at, checked_in_at)
         VALUES ($1, $2, $3, 'ROUTINE', 'ALLOWED', '[]', 1, now(), now(), now())`,
        [old.clientId, officer.officerId, officer.unitId],
      )
      .then(
        () => ({}),
        (e: { driverError: { code?: string; detail?: string } }) => e.driverError,
      );
    expect(error.code).toBe('23505');
    expect(error.detail).toMatch(/\(client_id\)/);
    // Nothing was written.
    expect(
      await t.dataSource.query(`SELECT count(*)::int AS n FROM visit WHERE client_id = $1`, [
        old.clientId,
      ]),
    ).toEqual([{ n: 1 }]);
  });

  it.each([
    ['a DELETE', `DELETE FROM visit WHERE id = $1`],
    ['a DELETE on its partition', `DELETE FROM visit_${monthOf(midMonth(HISTORY_MONTHS - 1))}`],
    ['a change of checked_in_at', `UPDATE visit SET checked_in_at = now() WHERE id = $1`],
    ['a change of client_id', `UPDATE visit SET client_id = gen_random_uuid() WHERE id = $1`],
    ['a DELETE of its key', `DELETE FROM visit_key WHERE id = $1`],
    ['a TRUNCATE', `TRUNCATE visit`],
    ['a TRUNCATE of one month', `TRUNCATE visit_${monthOf(midMonth(1))}`],
    ['a TRUNCATE of the keys', `TRUNCATE visit_key CASCADE`],
  ])('refuses %s of a visit', async (_what, sql) => {
    const params = sql.includes('$1') ? [history[0].id] : [];
    await expect(t.dataSource.query(sql, params)).rejects.toThrow(/kept for good/);
    expect(
      await t.dataSource.query(`SELECT count(*)::int AS n FROM visit WHERE id = $1`, [
        history[0].id,
      ]),
    ).toEqual([{ n: 1 }]);
  });

  it('still lets a visit be checked out (its keys unchanged)', async () => {
    const [rows, count] = await t.dataSource.query(
      `UPDATE visit SET checked_out_at = checked_in_at + interval '1 hour' WHERE id = $1
       RETURNING tableoid::regclass::text AS part`,
      [history[1].id],
    );
    expect([rows, count]).toEqual([[{ part: `visit_${monthOf(history[1].at)}` }], 1]);
  });

  it('refuses a rating or a co-officer for a visit that does not exist', async () => {
    const nowhere = randomUUID();
    const [{ enterpriseId }] = await t.dataSource.query(
      `SELECT id AS "enterpriseId" FROM enterprise LIMIT 1`,
    );
    await expect(
      t.dataSource.query(
        `INSERT INTO rating (visit_id, enterprise_id, unit_id, overall, items, signature,
                signature_sha256, signer_id, submitted_at)
         VALUES ($1, $2, $3, 'GOOD', '[1,1,1,1,1]', '\\x00', repeat('0', 64), $4, now())`,
        [nowhere, enterpriseId, officer.unitId, officer.officerId],
      ),
    ).rejects.toThrow(/violates foreign key constraint "FK_2d062cfb07391a43fcf8d311643"/);
    await expect(
      t.dataSource.query(
        `INSERT INTO visit_officer (visit_id, officer_id, is_lead) VALUES ($1, $2, false)`,
        [nowhere, officer.officerId],
      ),
    ).rejects.toThrow(/violates foreign key constraint/);
  });

  it('reads a visit by id from the partition of its month alone (its checked_in_at from visit_key)', async () => {
    const logQuery = jest.spyOn(t.dataSource.logger, 'logQuery');
    const visit = history[2];
    const res = await supervisor.request('GET', `/api/v1/visits/${visit.id}`);
    expect(res.statusCode).toBe(200);
    expect(res.json().id).toBe(visit.id);
    const read = logQuery.mock.calls.find(([sql]) => /FROM visit v\s+WHERE v\.id = \$1/.test(sql));
    logQuery.mockRestore();
    expect(read).toBeDefined();
    const [sql, params] = read as [string, unknown[]];
    const [{ 'QUERY PLAN': plan }] = await t.dataSource.query(
      `EXPLAIN (ANALYZE, FORMAT JSON) ${sql}`,
      params,
    );
    // Planned for its month alone (the partition key a parameter), and that month scanned once.
    expect(scansOf(plan[0].Plan).filter((s) => /^visit_(\d|default)/.test(s.relation))).toEqual([
      { relation: `visit_${monthOf(visit.at)}`, loops: 1 },
    ]);
  });

  it('checks a visit out reading and writing the partition of its month alone, audit digest included', async () => {
    const officer1 = await login(t, 'officer1');
    const visit = history[3];
    const mismatchesBefore = (await supervisor.request('GET', '/api/v1/audit/verify')).json()
      .rowMismatchCount;
    const logQuery = jest.spyOn(t.dataSource.logger, 'logQuery');
    const res = await officer1.request('POST', `/api/v1/visits/${visit.id}/check-out`, {
      findings: 'NO_ISSUE',
    });
    const calls = logQuery.mock.calls.map(([sql, params]) => [sql, params ?? []] as const);
    logQuery.mockRestore();
    expect(res.statusCode).toBe(200);
    const onVisit = calls.filter(([sql]) => /(FROM|UPDATE) "?visit"? (v|t)\b/.test(sql));
    // the visit in scope (locked), the update, the audit entry's digest of the row
    expect(onVisit.map(([sql]) => sql.trim().split(/\s+/)[0])).toEqual([
      'SELECT',
      'UPDATE',
      'SELECT',
    ]);
    for (const [sql, params] of onVisit) {
      const [{ 'QUERY PLAN': plan }] = await t.dataSource.query(
        `EXPLAIN (FORMAT JSON) ${sql}`,
        params as unknown[],
      );
      expect(relationsOf(plan[0].Plan).filter((r) => /^visit_(\d|default)/.test(r))).toEqual([
        `visit_${monthOf(visit.at)}`,
      ]);
    }
    // The entry's digest is the row's: the check-out adds no mismatch (the raw UPDATE of an
    // earlier test left one, on another visit).
    const verify = await supervisor.request('GET', '/api/v1/audit/verify');
    expect(verify.json()).toMatchObject({
      firstBrokenSeq: null,
      rowMismatchCount: mismatchesBefore,
    });
  });

  it('finds a visit by id whatever the precision of its checked_in_at (microseconds)', async () => {
    const [{ id, at }] = await t.dataSource.query(
      `INSERT INTO visit (client_id, officer_id, unit_id, purpose, outcome, reasons,
              policy_version, client_time, received_at, checked_in_at)
       VALUES ($1, $2, $3, 'ROUTINE', 'REFUSED', '[]', 1, $4, $4,
               $4::timestamptz + interval '0.123457 seconds')
       RETURNING id, extract(microseconds FROM checked_in_at)::int % 1000 AS at`,
      [randomUUID(), officer.officerId, officer.unitId, midMonth(4)],
    );
    expect(at).toBe(457); // below the millisecond: a JS Date would lose it
    const res = await supervisor.request('GET', `/api/v1/visits/${id}`);
    expect(res.statusCode).toBe(200);
    expect(res.json().id).toBe(id);
  });

  it("prunes the supervisor's visit list to the months of its date range", async () => {
    const logQuery = jest.spyOn(t.dataSource.logger, 'logQuery');
    const from = midMonth(3);
    const to = midMonth(2);
    const res = await supervisor.request(
      'GET',
      `/api/v1/visits?from=${from.toISOString()}&to=${to.toISOString()}&limit=50`,
    );
    expect(res.statusCode).toBe(200);
    expect(res.json().items.map((v: { id: string }) => v.id)).toEqual([
      history.find((h) => monthOf(h.at) === monthOf(from))?.id,
    ]);
    const listed = logQuery.mock.calls.find(
      ([sql]) =>
        /FROM "?visit"? /.test(sql) && /ORDER BY/.test(sql) && /checked_in_at"? >=/.test(sql),
    );
    logQuery.mockRestore();
    expect(listed).toBeDefined();
    const [sql, params] = listed as [string, unknown[]];
    const [{ 'QUERY PLAN': plan }] = await t.dataSource.query(
      `EXPLAIN (FORMAT JSON) ${sql}`,
      params,
    );
    const visitPartitions = relationsOf(plan[0].Plan).filter((r) => /^visit_(\d|default)/.test(r));
    expect(new Set(visitPartitions)).toEqual(
      new Set([`visit_${monthOf(from)}`, `visit_${monthOf(to)}`]),
    );

    // Without a date range every month is read (the plan lists them all).
    const [{ 'QUERY PLAN': all }] = await t.dataSource.query(
      `EXPLAIN (FORMAT JSON) SELECT * FROM visit ORDER BY checked_in_at DESC LIMIT 50`,
    );
    expect(
      relationsOf(all[0].Plan).filter((r) => /^visit_(\d|default)/.test(r)).length,
    ).toBeGreaterThan(HISTORY_MONTHS + 12);
  });
});

describe('the demo data on partitioned tables', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('has its past visits in their months once seeded, DEFAULT empty, and the chain verifying', async () => {
    expect(await seedDemoData(t.app)).toBe(true);
    for (const [table, column] of [
      ['visit', 'checked_in_at'],
      ['audit_entry', 'at'],
    ]) {
      const rows: { part: string; at: Date }[] = await t.dataSource.query(
        `SELECT tableoid::regclass::text AS part, ${column} AS at FROM ${table}`,
      );
      expect(rows.length).toBeGreaterThan(0);
      for (const row of rows) expect(row.part).toBe(`${table}_${monthOf(row.at)}`);
    }
    const verified = await t.app.get(AuditService).verify();
    expect(verified).toMatchObject({ ok: true, rowMismatchCount: 0 });
  });
});
