import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import {
  checkpointHeads,
  gateCodeKeyPairFromSeed,
  signAuditCheckpoint,
  verifyAuditCheckpoint,
  type ChainVerification,
  type PublicAuditCheckpoint,
} from '@qinqing/domain';
import { DataSource, MoreThanOrEqual, type QueryRunner } from 'typeorm';
import { AuditEntry } from '../src/audit/audit-entry.entity';
import { entryContent, entryHash, GENESIS_HASH } from '../src/audit/audit-hash';
import { AuditRepository } from '../src/audit/audit.repository';
import { AuditService } from '../src/audit/audit.service';
import {
  AuditCheckpointsService,
  SCHEDULED_CHECKPOINT_INTERVAL_MS,
} from '../src/audit/checkpoints.service';
import { rowsWithDigests } from '../src/audit/audit.repository';
import { typeOrmOptions } from '../src/database/typeorm-options';
import { VisitsService } from '../src/visits/visits.service';
import { JobScheduler } from '../src/jobs/job-scheduler';
import { checkInBody, startDemoWorld, type DemoWorld } from './support/demo-world';
import { signatureDataUrl } from './support/signature-png';
import { createTestDatabase } from './support/test-database';

/**
 * Issue 12: the three ways a database superuser defeated the audit log, each done here as that
 * superuser (triggers off: `session_replication_role = replica` silences the append-only and
 * immutability triggers and the foreign keys), and each one found.
 */

/** Runs `work` on one connection with every trigger off, as an intruder with superuser rights. */
async function asSuperuser<T>(w: DemoWorld, work: (q: QueryRunner) => Promise<T>): Promise<T> {
  const runner = w.t.dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SET session_replication_role = replica');
    return await work(runner);
  } finally {
    await runner.query('RESET session_replication_role');
    await runner.release();
  }
}

const getVerify = async (w: DemoWorld): Promise<ChainVerification> => {
  const res = await w.users.supervisor.request('GET', '/api/v1/audit/verify');
  expect(res.statusCode).toBe(200);
  return res.json();
};

const postVerify = async (w: DemoWorld, checkpoints: unknown[]) =>
  w.users.supervisor.request('POST', '/api/v1/audit/verify', { checkpoints });

/** The chain of officer1's check-ins (his unit's), where every attack below happens. */
const checkInChain = async (w: DemoWorld): Promise<number> =>
  (await w.t.dataSource.query(`SELECT chain FROM audit_entry WHERE action = 'CHECK_IN' LIMIT 1`))[0]
    .chain;

/** The head a checkpoint vouches for on one chain. */
const headOf = (checkpoint: PublicAuditCheckpoint, chain: number) => {
  const head = checkpointHeads(checkpoint).find((h) => h.chain === chain);
  if (!head) throw new Error(`checkpoint without chain ${chain}`);
  return head;
};

const publicCheckpoint = async (w: DemoWorld): Promise<PublicAuditCheckpoint> => {
  const res = await w.t.inject({ method: 'GET', url: '/api/v1/public/audit/checkpoint' });
  expect(res.statusCode).toBe(200);
  return res.json();
};

/** Check-ins at 瑞泰 by officer1 (+ officer2); returns the visit ids. */
async function checkIns(w: DemoWorld, code: string, n: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const res = await w.users.officer1.request(
      'POST',
      '/api/v1/check-ins',
      checkInBody(w, code, w.firms.ruitai, {
        purpose: 'COMPLAINT_VERIFICATION',
        reference: `T-${Date.now()}-${i}`,
      }),
    );
    expect(res.statusCode).toBe(201);
    ids.push(res.json().visit.id);
  }
  return ids;
}

/** A refused attempt (an unknown code): recorded, with its CHECK_IN entry. */
async function refusedAttempt(w: DemoWorld): Promise<string> {
  const res = await w.users.officer1.request(
    'POST',
    '/api/v1/check-ins',
    checkInBody(w, 'not-a-gate-code', w.firms.ruitai),
  );
  expect(res.statusCode).toBe(409);
  return res.json().attemptId;
}

describe('attack 1: a row edited behind the API’s back', () => {
  let w: DemoWorld;
  const ids = {} as Record<'visit' | 'refused' | 'open' | 'rating' | 'followUp' | 'report', string>;

  beforeAll(async () => {
    w = await startDemoWorld();
    const code = await w.issueCode(w.firms.ruitai);
    [ids.visit, ids.open] = await checkIns(w, code, 2);
    ids.refused = await refusedAttempt(w);
    const out = await w.users.officer1.request('POST', `/api/v1/visits/${ids.visit}/check-out`, {
      findings: 'RECTIFY_ORDERED',
      notes: '责令整改',
      rectifyBy: '2030-01-31',
    });
    expect(out.statusCode).toBe(200);
    const rated = await w.users.firm2.request('POST', `/api/v1/visits/${ids.visit}/rating`, {
      overall: 'FAIR',
      items: ['GOOD', 'FAIR', 'POOR', 'GOOD', 'FAIR'],
      comment: '检查时间过长。',
      signature: signatureDataUrl(),
    });
    expect(rated.statusCode).toBe(201);
    ids.rating = rated.json().id;
    [{ id: ids.followUp }] = await w.t.dataSource.query(
      'SELECT id FROM follow_up_case WHERE rating_id = $1',
      [ids.rating],
    );
    const contact = await w.users.supervisor.request(
      'POST',
      `/api/v1/follow-ups/${ids.followUp}/contacts`,
      { method: 'PHONE', note: '电话联系企业，核实检查时长。' },
    );
    expect(contact.statusCode).toBe(201);
    const report = await w.users.firm2.request('POST', '/api/v1/reports', {
      enterpriseId: w.firms.ruitai.id,
      visitId: ids.visit,
      officerId: w.users.officer1.id,
      categories: ['SIX_2'],
      description: '检查结束后执法人员接受了企业安排的宴请。',
    });
    expect(report.statusCode).toBe(201);
    ids.report = report.json().id;
    const step = await w.users.supervisor.request('POST', `/api/v1/reports/${ids.report}/status`, {
      status: 'INVESTIGATING',
      note: '转入调查',
    });
    expect(step.statusCode).toBe(200);
  });
  afterAll(() => w.t.close());

  it('vouches for every row after every write path, the auto-close included', async () => {
    const closed = await w.t.app
      .get(VisitsService)
      .closeStaleVisits(new Date(Date.now() + 13 * 3600_000));
    expect(closed).toBe(1);
    const result = await getVerify(w);
    expect(result).toMatchObject({
      ok: true,
      firstBrokenSeq: null,
      rowMismatchCount: 0,
      rowMismatches: [],
    });
    const [{ rows }] = await w.t.dataSource.query(
      `SELECT (SELECT count(*) FROM visit) + (SELECT count(*) FROM rating)
            + (SELECT count(*) FROM misconduct_report) + (SELECT count(*) FROM follow_up_case) AS rows`,
    );
    expect(result.rowsChecked).toBe(Number(rows));
    expect(result.rowsChecked).toBe(6); // 3 visits, a rating, its follow-up case, a report
    // Each write appended an entry naming its row with the digest of the row after the change.
    const named: { action: string; row_table: string }[] = await w.t.dataSource.query(
      `SELECT action, row_table FROM audit_entry WHERE row_table IS NOT NULL ORDER BY id`,
    );
    expect(named).toEqual([
      { action: 'CHECK_IN', row_table: 'visit' },
      { action: 'CHECK_IN', row_table: 'visit' },
      { action: 'CHECK_IN', row_table: 'visit' },
      { action: 'CHECK_OUT', row_table: 'visit' },
      { action: 'FOLLOW_UP_OPENED', row_table: 'follow_up_case' },
      { action: 'RATING_SUBMITTED', row_table: 'rating' },
      { action: 'FOLLOW_UP_CONTACT', row_table: 'follow_up_case' },
      { action: 'REPORT_RECEIVED', row_table: 'misconduct_report' },
      { action: 'REPORT_INVESTIGATING', row_table: 'misconduct_report' },
      { action: 'VISIT_AUTO_CLOSED', row_table: 'visit' },
    ]);
  });

  const edits = [
    [
      'a refused visit turned into ALLOWED',
      'visit',
      'refused',
      `UPDATE visit SET outcome = 'ALLOWED', reasons = '[]' WHERE id = $1`,
    ],
    [
      'a rating’s 差 turned into 好',
      'rating',
      'rating',
      `UPDATE rating SET overall = 'GOOD', items = '["GOOD","GOOD","GOOD","GOOD","GOOD"]' WHERE id = $1`,
    ],
    [
      'a report’s text rewritten',
      'misconduct_report',
      'report',
      `UPDATE misconduct_report SET description = '无' WHERE id = $1`,
    ],
    [
      'a follow-up case’s deadline moved',
      'follow_up_case',
      'followUp',
      `UPDATE follow_up_case SET due_at = due_at + interval '30 days' WHERE id = $1`,
    ],
  ] as const;

  it.each(edits)(
    'finds %s, and is sound again once it is undone',
    async (_what, table, key, sql) => {
      const id = ids[key];
      await asSuperuser(w, async (q) => {
        await q.query(`CREATE TABLE saved_row AS SELECT * FROM "${table}" WHERE id = $1`, [id]);
        await q.query(sql, [id]);
      });
      const result = await getVerify(w);
      expect(result).toMatchObject({
        ok: false,
        firstBrokenSeq: null,
        rowMismatchCount: 1,
        rowMismatches: [{ table, id }],
      });
      // The desk's recorded check says so too.
      const status = (await w.users.supervisor.request('POST', '/api/v1/audit/checks')).json();
      expect(status.alert).toBe(true);
      expect(status.latest.rowMismatches).toEqual([{ table, id }]);

      await asSuperuser(w, async (q) => {
        await q.query(`DELETE FROM "${table}" WHERE id = $1`, [id]);
        await q.query(`INSERT INTO "${table}" SELECT * FROM saved_row`);
        await q.query('DROP TABLE saved_row');
      });
      expect(await getVerify(w)).toMatchObject({ ok: true, rowMismatches: [] });
    },
  );

  it('finds a co-officer added to a visit and a follow-up contact removed', async () => {
    await asSuperuser(w, async (q) => {
      await q.query(
        `INSERT INTO visit_officer (visit_id, officer_id, is_lead) VALUES ($1, $2, false)`,
        [ids.visit, w.users.officer3.id],
      );
      await q.query(
        'CREATE TABLE saved_contact AS SELECT * FROM follow_up_contact WHERE case_id = $1',
        [ids.followUp],
      );
      await q.query('DELETE FROM follow_up_contact WHERE case_id = $1', [ids.followUp]);
    });
    expect((await getVerify(w)).rowMismatches).toEqual([
      { table: 'visit', id: ids.visit },
      { table: 'follow_up_case', id: ids.followUp },
    ]);
    await asSuperuser(w, async (q) => {
      await q.query('DELETE FROM visit_officer WHERE visit_id = $1 AND officer_id = $2', [
        ids.visit,
        w.users.officer3.id,
      ]);
      await q.query('INSERT INTO follow_up_contact SELECT * FROM saved_contact');
      await q.query('DROP TABLE saved_contact');
    });
    expect(await getVerify(w)).toMatchObject({ ok: true });
  });

  it('finds a visit forged into the table and one deleted from it', async () => {
    const [{ id: forged }] = await asSuperuser(w, async (q) => {
      await q.query('CREATE TABLE saved_visit AS SELECT * FROM visit WHERE id = $1', [ids.refused]);
      await q.query('DELETE FROM visit WHERE id = $1', [ids.refused]);
      return q.query(
        `INSERT INTO visit (id, client_id, officer_id, unit_id, enterprise_id, gate_id, code_version,
                purpose, reference, outcome, reasons, policy_version, client_time, received_at,
                checked_in_at, checked_out_at, findings)
         SELECT gen_random_uuid(), gen_random_uuid(), officer_id, unit_id, enterprise_id, gate_id,
                code_version, purpose, reference, 'ALLOWED', '[]', policy_version, client_time,
                received_at, checked_in_at, checked_out_at, 'NO_ISSUE'
           FROM visit WHERE id = $1 RETURNING id`,
        [ids.visit],
      );
    });
    const result = await getVerify(w);
    expect(result.ok).toBe(false);
    expect(result.rowMismatches).toEqual(
      expect.arrayContaining([
        { table: 'visit', id: forged },
        { table: 'visit', id: ids.refused },
      ]),
    );
    expect(result.rowMismatchCount).toBe(2);
    await asSuperuser(w, async (q) => {
      await q.query('DELETE FROM visit WHERE id = $1', [forged]);
      await q.query('INSERT INTO visit SELECT * FROM saved_visit');
      await q.query('DROP TABLE saved_visit');
    });
    expect(await getVerify(w)).toMatchObject({ ok: true });
  });
});

describe('attack 2: the last entries deleted and the chain head rewound', () => {
  let w: DemoWorld;
  beforeAll(async () => {
    w = await startDemoWorld();
  });
  afterAll(() => w.t.close());

  it('is found by the signed checkpoints: the server’s own, the phone’s and the archive’s', async () => {
    const code = await w.issueCode(w.firms.ruitai);
    await checkIns(w, code, 2);
    const kept = await publicCheckpoint(w); // what anyone's phone keeps
    const later = await checkIns(w, code, 2);
    const made = await w.users.supervisor.request('POST', '/api/v1/audit/checkpoints');
    expect(made.statusCode).toBe(201);
    const onPhone: PublicAuditCheckpoint = made.json();
    const chain = await checkInChain(w);
    const [keptHead, onPhoneHead] = [headOf(kept, chain), headOf(onPhone, chain)];
    expect(onPhoneHead.seq).toBe(keptHead.seq + 2);
    expect(await getVerify(w)).toMatchObject({ ok: true, checkpointsChecked: 2 });

    // The intruder removes the last two check-ins, their entries, and rewinds their chain's head.
    await asSuperuser(w, async (q) => {
      await q.query('DELETE FROM audit_entry WHERE chain = $1 AND seq > $2', [chain, keptHead.seq]);
      await q.query('DELETE FROM visit_officer WHERE visit_id = ANY($1)', [later]);
      await q.query('DELETE FROM visit WHERE id = ANY($1)', [later]);
      await q.query('UPDATE audit_chain_head SET seq = $1, hash = $2 WHERE id = $3', [
        keptHead.seq,
        keptHead.hash,
        chain,
      ]);
    });
    const conflict = { chain, seq: onPhoneHead.seq, expected: onPhoneHead.hash, found: null };
    // The chain and the rows alone look sound; the server's stored checkpoint does not.
    expect(await getVerify(w)).toMatchObject({
      ok: false,
      firstBrokenSeq: null,
      rowMismatches: [],
      checkpointConflicts: [conflict],
    });

    // A thorough intruder removes the stored checkpoints too: the database alone says ok …
    await asSuperuser(w, (q) =>
      q.query('DELETE FROM audit_checkpoint WHERE signature <> $1', [kept.signature]),
    );
    expect(await getVerify(w)).toMatchObject({ ok: true, checkpointConflicts: [] });

    // … but the supervisor's phone kept both checkpoints.
    const res = await postVerify(w, [kept, onPhone]);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      ok: false,
      firstBrokenSeq: null,
      rowMismatches: [],
      checkpointConflicts: [conflict],
      rejectedCheckpoints: [],
    });
    expect(res.json().checkpointsChecked).toBe(2);
    // The recorded check alerts the desk.
    const status = (await w.users.supervisor.request('GET', '/api/v1/audit/checks/latest')).json();
    expect(status).toMatchObject({ alert: true, latest: { checkpointConflicts: [conflict] } });

    // And so does the daily archive file, outside the database.
    const archive = w.t.app.get(AuditCheckpointsService).archiveDir;
    const file = path.join(archive, `audit-checkpoints-${onPhone.at.slice(0, 10)}.jsonl`);
    const archived = readFileSync(file, 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(archived).toEqual([kept, onPhone]);
    expect((await postVerify(w, archived)).json().checkpointConflicts).toEqual([conflict]);
  });
});

describe('attack 3: an entry edited and every later hash recomputed', () => {
  let w: DemoWorld;
  beforeAll(async () => {
    w = await startDemoWorld();
  });
  afterAll(() => w.t.close());

  it('passes the keyless chain walk but not the checkpoint a phone kept', async () => {
    const code = await w.issueCode(w.firms.ruitai);
    const refused = await refusedAttempt(w);
    await checkIns(w, code, 2);
    const kept = await publicCheckpoint(w);

    // The refused attempt becomes an ALLOWED visit: the row, its CHECK_IN entry and the row
    // digest in it, then every hash from there on, recomputed with the same keyless function.
    await asSuperuser(w, async (q) => {
      await q.query(`UPDATE visit SET outcome = 'ALLOWED', reasons = '[]' WHERE id = $1`, [
        refused,
      ]);
      const [{ digest }] = await rowsWithDigests(q, 'visit', { ids: [refused] });
      const [edited] = await q.manager
        .getRepository(AuditEntry)
        .findBy({ subjectId: refused, action: 'CHECK_IN' });
      const entries = await q.manager.getRepository(AuditEntry).find({
        where: { chain: edited.chain, seq: MoreThanOrEqual(edited.seq) },
        order: { seq: 'ASC' },
      });
      let prevHash = entries[0].prevHash;
      for (const entry of entries) {
        if (entry.seq === edited.seq) {
          entry.data = { ...entry.data, outcome: 'ALLOWED', reasons: [], codeProblem: null };
          entry.rowDigest = digest;
        }
        entry.prevHash = prevHash;
        entry.hash = entryHash(prevHash, entryContent(entry));
        prevHash = entry.hash;
        await q.query(
          'UPDATE audit_entry SET data = $2, row_digest = $3, prev_hash = $4, hash = $5 WHERE id = $1',
          [entry.id, entry.data, entry.rowDigest, entry.prevHash, entry.hash],
        );
      }
      await q.query('UPDATE audit_chain_head SET hash = $1 WHERE id = $2', [
        prevHash,
        edited.chain,
      ]);
      await q.query('DELETE FROM audit_checkpoint');
    });
    const attempt = await w.users.supervisor.request('GET', `/api/v1/visits/${refused}`);
    expect(attempt.json().decision.outcome).toBe('ALLOWED');

    // Without a key, the recomputed chain and rows verify: the database alone cannot tell.
    expect(await getVerify(w)).toMatchObject({ ok: true, rowMismatches: [], firstBrokenSeq: null });

    // The signed checkpoint names a hash the chain no longer has at that seq.
    const chain = await checkInChain(w);
    const keptHead = headOf(kept, chain);
    const [{ hash: now }] = await w.t.dataSource.query(
      'SELECT hash FROM audit_entry WHERE chain = $1 AND seq = $2',
      [chain, keptHead.seq],
    );
    expect(now).not.toBe(keptHead.hash);
    const res = await postVerify(w, [kept]);
    expect(res.json()).toMatchObject({
      ok: false,
      checkpointConflicts: [{ chain, seq: keptHead.seq, expected: keptHead.hash, found: now }],
      checkpointsChecked: 1,
    });
  });
});

describe('signed checkpoints', () => {
  let w: DemoWorld;
  let code: string;
  beforeAll(async () => {
    w = await startDemoWorld();
    code = await w.issueCode(w.firms.ruitai);
    await checkIns(w, code, 1);
  });
  afterAll(() => w.t.close());

  it('are public, and verify with the published key only as signed', async () => {
    const checkpoint = await publicCheckpoint(w);
    const heads: { chain: number; seq: number; hash: string }[] = await w.t.dataSource.query(
      'SELECT id AS chain, seq::int AS seq, hash FROM audit_chain_head WHERE seq > 0 ORDER BY id',
    );
    const [{ seq, hash }, ...others] = heads;
    // chain 0's head (policy, gate code) as seq and hash; the check-in's chain (its unit's, by a
    // random unit id: chain 0 in one run of 16) in chains
    expect(heads[0].chain).toBe(0);
    expect(others).toHaveLength((await checkInChain(w)) === 0 ? 0 : 1);
    expect(checkpoint).toEqual({
      seq,
      hash,
      chains: others,
      at: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      keyId: 1,
      signature: expect.stringMatching(/^[\w-]{86}$/),
      algorithm: 'Ed25519',
      publicKey: expect.stringMatching(/^[\w-]{43}$/),
    });
    const keys = await w.t.inject({ method: 'GET', url: '/api/v1/public/audit/keys' });
    expect(keys.statusCode).toBe(200);
    expect(keys.json()).toEqual({
      algorithm: 'Ed25519',
      keys: [{ keyId: 1, publicKey: checkpoint.publicKey }],
    });
    // The checkpoint key is its own, not the gate-code key.
    const gateKeys = (await w.users.officer1.request('GET', '/api/v1/gate-codes/keys')).json();
    expect(gateKeys.keys[0].publicKey).not.toBe(checkpoint.publicKey);

    expect(verifyAuditCheckpoint(checkpoint, checkpoint.publicKey)).toBe(true);
    const flipped = checkpoint.signature[5] === 'A' ? 'B' : 'A';
    const badSignature = {
      ...checkpoint,
      signature: `${checkpoint.signature.slice(0, 5)}${flipped}${checkpoint.signature.slice(6)}`,
    };
    expect(verifyAuditCheckpoint(badSignature, checkpoint.publicKey)).toBe(false);
    expect(verifyAuditCheckpoint({ ...checkpoint, seq: seq - 1 }, checkpoint.publicKey)).toBe(
      false,
    );
    // every chain's head is signed: none can be changed, dropped or added
    const changedChains = [[...others, { chain: 99, seq: 1, hash: 'e'.repeat(64) }]];
    if (others.length > 0) changedChains.push([{ ...others[0], seq: others[0].seq + 1 }], []);
    for (const chains of changedChains) {
      expect(verifyAuditCheckpoint({ ...checkpoint, chains }, checkpoint.publicKey)).toBe(false);
    }
    // and without its chains it is not a version 1 checkpoint of chain 0 either
    const { chains: _chains, ...asVersion1 } = checkpoint;
    expect(verifyAuditCheckpoint(asVersion1, checkpoint.publicKey)).toBe(false);
    const stranger = gateCodeKeyPairFromSeed(1, new Uint8Array(32).fill(3));
    expect(verifyAuditCheckpoint(checkpoint, stranger.publicKey)).toBe(false);

    // A checkpoint that does not verify is reported as such, never compared with the chain.
    const forged = signAuditCheckpoint({ seq, hash: 'f'.repeat(64), at: checkpoint.at }, stranger);
    const res = await postVerify(w, [checkpoint, badSignature, { ...forged, keyId: 9 }, forged]);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      ok: true,
      checkpointConflicts: [],
      rejectedCheckpoints: [
        { seq, hash, problem: 'BAD_SIGNATURE' },
        { seq, hash: 'f'.repeat(64), problem: 'UNKNOWN_KEY' },
        { seq, hash: 'f'.repeat(64), problem: 'BAD_SIGNATURE' },
      ],
    });
  });

  it('POST /audit/verify takes well-formed checkpoints from supervisors and admins only', async () => {
    const checkpoint = await publicCheckpoint(w);
    const invalid: unknown[] = [
      {},
      { checkpoints: 'x' },
      { checkpoints: [{ ...checkpoint, seq: '7' }] },
      { checkpoints: [{ ...checkpoint, hash: 'ABC' }] },
      { checkpoints: [{ ...checkpoint, extra: 1 }] },
      { checkpoints: Array.from({ length: 501 }, () => checkpoint) },
    ];
    for (const body of invalid) {
      const res = await w.users.supervisor.request('POST', '/api/v1/audit/verify', body);
      expect(res.statusCode).toBe(400);
      expect(res.json().code).toBe('VALIDATION_FAILED');
    }
    const many = await postVerify(
      w,
      Array.from({ length: 500 }, () => checkpoint),
    );
    expect(many.statusCode).toBe(200);
    expect(many.json()).toMatchObject({ ok: true, checkpointsChecked: 1 });
    expect(
      (await w.users.admin.request('POST', '/api/v1/audit/verify', { checkpoints: [] })).statusCode,
    ).toBe(200);
    for (const user of [w.users.officer1, w.users.firm1]) {
      const res = await user.request('POST', '/api/v1/audit/verify', { checkpoints: [] });
      expect(res.statusCode).toBe(403);
      expect((await user.request('POST', '/api/v1/audit/checkpoints')).statusCode).toBe(403);
    }
    const anonymous = await w.t.inject({
      method: 'POST',
      url: '/api/v1/audit/verify',
      payload: { checkpoints: [] },
    });
    expect(anonymous.statusCode).toBe(401);
  });

  it('the public endpoint signs anew only when the latest is stale and the chain has grown', async () => {
    const service = w.t.app.get(AuditCheckpointsService);
    const first = await publicCheckpoint(w);
    await checkIns(w, code, 1);
    expect(await publicCheckpoint(w)).toEqual(first);
    const later = new Date(Date.now() + 11 * 60_000);
    const fresh = await service.latestFresh(later);
    const chain = await checkInChain(w);
    expect(headOf(fresh, chain).seq).toBe(headOf(first, chain).seq + 1);
    expect(fresh.seq).toBe(first.seq + (chain === 0 ? 1 : 0));
    expect(await service.latestFresh(new Date(later.getTime() + 11 * 60_000))).toEqual(fresh);
  });

  it('are signed by the hourly job and archived in the day’s file', async () => {
    const service = w.t.app.get(AuditCheckpointsService);
    const count = async () =>
      Number((await w.t.dataSource.query('SELECT count(*) AS n FROM audit_checkpoint'))[0].n);
    const before = await count();
    // the hourly job, run for one slot as the scheduler does (once across instances)
    expect(SCHEDULED_CHECKPOINT_INTERVAL_MS).toBe(3600_000);
    const slot = new Date(Math.floor(Date.now() / 3600_000) * 3600_000);
    expect(await w.t.app.get(JobScheduler).runSlot('audit-checkpoint', slot)).toBe('ran');
    expect(await w.t.app.get(JobScheduler).runSlot('audit-checkpoint', slot)).toBe('already-ran');
    for (let i = 0; i < 50 && (await count()) === before; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(await count()).toBe(before + 1);
    const made = await service.runScheduled();
    expect(made).not.toBeNull();
    expect(await count()).toBe(before + 2);

    const file = path.join(service.archiveDir, `audit-checkpoints-${made!.at.slice(0, 10)}.jsonl`);
    const lines = readFileSync(file, 'utf8').trim().split('\n');
    expect(lines).toHaveLength(before + 2);
    expect(JSON.parse(lines[lines.length - 1])).toEqual(made);
    for (const line of lines) {
      const checkpoint = JSON.parse(line);
      expect(verifyAuditCheckpoint(checkpoint, made!.publicKey)).toBe(true);
    }
  });
});

describe('the migration to row digests', () => {
  it('vouches for the rows written before it with one baseline entry each', async () => {
    const dataSource = new DataSource(typeOrmOptions(await createTestDatabase(), 1));
    await dataSource.initialize();
    try {
      // Back to the schema before digests, with a visit and its entry as the old API wrote them.
      // (the migrations after it first, newest first)
      const names = dataSource.migrations.map((m) => m.name);
      const later = names.length - 1 - names.indexOf('TamperEvidence1795400000000');
      expect(later).toBeGreaterThanOrEqual(0);
      for (let i = 0; i <= later; i++) await dataSource.undoLastMigration();
      const visit = randomUUID();
      const officer = randomUUID();
      const unit = randomUUID();
      const at = new Date('2026-03-01T02:03:04.567Z');
      await dataSource.query(
        `INSERT INTO unit (id, code, name, level) VALUES ($1, 'U1', '测试支队', 'DETACHMENT')`,
        [unit],
      );
      await dataSource.query(
        `INSERT INTO app_user (id, username, password_hash, role, name, unit_id, badge_number)
         VALUES ($1, 'old-officer', 'x', 'officer', '旧执法员', $2, 'B-1')`,
        [officer, unit],
      );
      await dataSource.query(
        `INSERT INTO visit (id, client_id, officer_id, unit_id, purpose, outcome, reasons,
                policy_version, client_time, received_at, checked_in_at)
         VALUES ($1, $2, $3, $4, 'ROUTINE', 'REFUSED', '[]', 1, $5, $5, $5)`,
        [visit, randomUUID(), officer, unit, at],
      );
      await dataSource.query(
        `INSERT INTO visit_officer (visit_id, officer_id, is_lead) VALUES ($1, $2, true)`,
        [visit, officer],
      );
      const content = {
        seq: '1',
        at: at.toISOString(),
        actorId: officer,
        action: 'CHECK_IN',
        subjectType: 'visit',
        subjectId: visit,
        data: { outcome: 'REFUSED' },
      };
      const hash = entryHash(GENESIS_HASH, content);
      await dataSource.query(
        `INSERT INTO audit_entry (seq, at, actor_id, action, subject_type, subject_id, data, prev_hash, hash)
         VALUES (1, $1, $2, 'CHECK_IN', 'visit', $3, $4, $5, $6)`,
        [at, officer, visit, content.data, GENESIS_HASH, hash],
      );
      await dataSource.query(`UPDATE audit_chain_head SET seq = 1, hash = $1`, [hash]);

      await dataSource.runMigrations();
      const audit = new AuditService(new AuditRepository(dataSource));
      expect(await audit.verify()).toMatchObject({
        ok: true,
        entries: 2,
        rowsChecked: 1,
        rowMismatches: [],
      });
      const [baseline] = await dataSource.query(
        `SELECT action, subject_type, subject_id, row_table, row_id, prev_hash FROM audit_entry WHERE seq = 2`,
      );
      expect(baseline).toEqual({
        action: 'ROW_DIGEST_BASELINE',
        subject_type: 'visit',
        subject_id: visit,
        row_table: 'visit',
        row_id: visit,
        prev_hash: hash,
      });

      await dataSource.query(`UPDATE visit SET outcome = 'ALLOWED' WHERE id = $1`, [visit]);
      expect(await audit.verify()).toMatchObject({
        ok: false,
        rowMismatches: [{ table: 'visit', id: visit }],
      });
      // Entries now carry digests: reverting would break the chain, so it is refused.
      for (let i = 0; i < later; i++) await dataSource.undoLastMigration();
      await expect(dataSource.undoLastMigration()).rejects.toThrow(/row digests/);
    } finally {
      await dataSource.destroy();
    }
  });
});
