import { randomUUID } from 'node:crypto';
import type { QueryRunner } from 'typeorm';
import { checkInBody, startDemoWorld, type DemoWorld } from './support/demo-world';

/**
 * The core tables' foreign keys take a KEY SHARE lock on the row they name (the firm, the gate).
 * The services' own row locks must not conflict with it: a check-in holds its firm while it inserts
 * a visit naming the gate; issuing a code holds the gate while it inserts a code naming the firm.
 * Had either lock been FOR UPDATE, the two would wait on each other (a deadlock, answered 500,
 * found by the field benchmark). Each test holds one side open in a transaction of its own, as
 * the other operation would, and the real request must finish meanwhile.
 */
describe('row locks beside the foreign keys', () => {
  let w: DemoWorld;
  let side: QueryRunner;
  beforeAll(async () => {
    w = await startDemoWorld();
  });
  afterAll(() => w.t.close());
  beforeEach(async () => {
    side = w.t.dataSource.createQueryRunner();
    await side.connect();
    await side.startTransaction();
  });
  afterEach(async () => {
    await side.rollbackTransaction();
    await side.release();
  });

  /** The request's answer, or 'still waiting' after a few seconds. */
  async function within<T>(request: Promise<T>, ms = 5000): Promise<T | 'still waiting'> {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<'still waiting'>((resolve) => {
      timer = setTimeout(() => resolve('still waiting'), ms);
    });
    try {
      return await Promise.race([request, late]);
    } finally {
      clearTimeout(timer);
    }
  }

  it('issues a gate code while a check-in at the same firm holds the firm and names the gate', async () => {
    const firm = w.firms.ruitai;
    const officer = w.users.officer3;
    const [{ unit_id: unitId }] = await side.query('SELECT unit_id FROM app_user WHERE id = $1', [
      officer.id,
    ]);
    // what a check-in holds halfway: its firm locked, its visit inserted
    await side.query('SELECT id FROM enterprise WHERE id = $1 FOR NO KEY UPDATE', [firm.id]);
    await side.query(
      `INSERT INTO visit (client_id, officer_id, unit_id, enterprise_id, gate_id, purpose, outcome,
              reasons, policy_version, client_time, received_at, checked_in_at)
       VALUES ($1, $2, $3, $4, $5, 'ROUTINE', 'ALLOWED', '[]', 1, now(), now(), now())`,
      [randomUUID(), officer.id, unitId, firm.id, firm.gateId],
    );
    const answer = await within(
      w.users.admin.request('POST', `/api/v1/gates/${firm.gateId}/codes`),
    );
    expect(answer === 'still waiting' ? answer : answer.statusCode).toBe(201);
  });

  it('checks in while a code issuance for the same firm holds the gate and names the firm', async () => {
    const firm = w.firms.zhonglian;
    const code = await w.issueCode(firm);
    // what an issuance holds halfway: the gate locked, a code inserted naming the firm
    await side.query('SELECT id FROM gate WHERE id = $1 FOR NO KEY UPDATE', [firm.gateId]);
    await side.query(
      `INSERT INTO gate_code (gate_id, enterprise_id, version, key_id, code, revoked_at)
       VALUES ($1, $2, 999, 1, 'side', now())`,
      [firm.gateId, firm.id],
    );
    const answer = await within(
      w.users.officer1.request('POST', '/api/v1/check-ins', checkInBody(w, code, firm)),
    );
    expect(answer === 'still waiting' ? answer : answer.statusCode).toBe(201);
  });
});
