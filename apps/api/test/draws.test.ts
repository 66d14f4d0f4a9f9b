import {
  drawInputsHash,
  runDraw,
  seedCommitment,
  type DrawInputs,
  type DrawView,
  type PublicDrawView,
} from '@qinqing/domain';
import type { ApiUser } from './support/api-client';
import { checkInBody, startDemoWorld, type DemoWorld } from './support/demo-world';

/** Every firm drawn: the weights at 1 and a base ratio of 1 make each firm's chance 1. */
const ALL_DRAWN = {
  baseRatio: 1,
  creditGrade: { TRUSTWORTHY: 1, GOOD: 1, WARNING: 1, SERIOUSLY_DISHONEST: 1, UNRATED: 1 },
  positiveList: 1,
};

const today = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

describe('双随机、一公开: draws', () => {
  let w: DemoWorld;
  let officers: Record<string, ApiUser>;

  beforeAll(async () => {
    w = await startDemoWorld();
    officers = Object.fromEntries(
      (['officer1', 'officer2', 'officer3', 'officer4'] as const).map((name) => [
        w.users[name].id,
        w.users[name],
      ]),
    );
  });
  afterAll(() => w.t.close());

  async function commit(body: Record<string, unknown> = {}, user = w.users.supervisor) {
    return user.request('POST', '/api/v1/draws', {
      name: '2026年第四季度双随机抽查',
      periodStart: today(),
      periodEnd: '2099-12-31',
      weights: ALL_DRAWN,
      ...body,
    });
  }

  /** What anyone can fetch without logging in. */
  async function published(id: string) {
    const view = await w.t.inject({ method: 'GET', url: `/api/v1/public/draws/${id}` });
    const inputs = await w.t.inject({ method: 'GET', url: `/api/v1/public/draws/${id}/inputs` });
    return { view: view.json() as PublicDrawView, inputs: inputs.json(), status: view.statusCode };
  }

  describe('commit → reveal → publish → re-derive', () => {
    let draw: DrawView;
    let revealed: DrawView;

    beforeAll(async () => {
      // 回避 sources: 瑞泰's liaison is officer1; officer3 declared a conflict with 好想你
      await w.t.dataSource.query('UPDATE enterprise SET liaison_officer_id = $1 WHERE id = $2', [
        w.users.officer1.id,
        w.firms.ruitai.id,
      ]);
      const declared = await w.users.admin.request('POST', '/api/v1/officer-conflicts', {
        officerId: w.users.officer3.id,
        enterpriseId: w.firms.haoxiangni.id,
        reason: '配偶在该企业任职',
      });
      expect(declared.statusCode).toBe(201);
      const res = await commit();
      expect(res.statusCode).toBe(201);
      draw = res.json();
    });

    it('publishes the commitment first and keeps the seed back', async () => {
      expect(draw).toMatchObject({
        number: expect.stringMatching(/^SJ-\d{4}-\d{3}$/),
        status: 'COMMITTED',
        seed: null,
        revealedAt: null,
        poolSize: 8,
        tasks: [],
        results: [],
      });
      expect(draw.seedCommitment).toMatch(/^[0-9a-f]{128}$/);
      const { view, inputs, status } = await published(draw.id);
      expect(status).toBe(200);
      expect(view.seed).toBeNull();
      expect(inputs.seed).toBeNull();
      expect(drawInputsHash(inputs.inputs)).toBe(draw.inputsHash);
      expect(JSON.stringify(inputs)).not.toContain('"seed":"');
      // the stored seed is in the database, but no answer carries it before the reveal
      const [{ seed }] = await w.t.dataSource.query('SELECT seed FROM draw WHERE id = $1', [
        draw.id,
      ]);
      const answers = [
        JSON.stringify(draw),
        JSON.stringify(view),
        JSON.stringify(inputs),
        (await w.users.supervisor.request('GET', `/api/v1/draws/${draw.id}`)).body,
        (await w.t.inject({ method: 'GET', url: '/api/v1/public/draws' })).body,
      ];
      for (const answer of answers) expect(answer).not.toContain(seed);
    });

    it('snapshots the recusals into the inputs', async () => {
      const { inputs } = await published(draw.id);
      const recusals: DrawInputs['recusals'] = inputs.inputs.recusals;
      expect(recusals[w.firms.ruitai.id]).toContainEqual({
        officerId: w.users.officer1.id,
        reason: 'LIAISON',
      });
      expect(recusals[w.firms.haoxiangni.id]).toContainEqual({
        officerId: w.users.officer3.id,
        reason: 'CONFLICT',
      });
    });

    it('reveals once: the seed matches its commitment and the tasks re-derive from the published inputs alone', async () => {
      const res = await w.users.supervisor.request('POST', `/api/v1/draws/${draw.id}/reveal`);
      expect(res.statusCode).toBe(200);
      revealed = res.json();
      expect(revealed.status).toBe('REVEALED');
      const { view, inputs } = await published(draw.id);
      expect(view.seed).toEqual(expect.any(String));
      expect(seedCommitment(view.seed!)).toBe(view.seedCommitment);
      expect(drawInputsHash(inputs.inputs)).toBe(view.inputsHash);
      const rederived = runDraw(inputs.inputs, inputs.seed);
      expect(rederived).toHaveLength(8);
      expect(
        revealed.tasks.map((t) => ({
          number: Number(t.reference.slice(-2)),
          enterpriseId: t.enterpriseId,
          officerIds: t.officers.map((o) => o.id),
          short: t.short,
        })),
      ).toEqual(rederived);
      expect(view.results.map((r) => r.taskNumber)).toEqual(rederived.map((t) => t.number));

      const again = await w.users.supervisor.request('POST', `/api/v1/draws/${draw.id}/reveal`);
      expect(again.statusCode).toBe(409);
      expect(again.json().code).toBe('DRAW_ALREADY_REVEALED');
    });

    it('never assigns a recused officer', () => {
      const ruitai = revealed.tasks.find((t) => t.enterpriseId === w.firms.ruitai.id)!;
      expect(ruitai.officers.map((o) => o.id)).not.toContain(w.users.officer1.id);
      const haoxiangni = revealed.tasks.find((t) => t.enterpriseId === w.firms.haoxiangni.id)!;
      expect(haoxiangni.officers.map((o) => o.id)).not.toContain(w.users.officer3.id);
      // a task with fewer officers than asked (recusals, small units) says so
      for (const task of revealed.tasks) expect(task.short).toBe(task.officers.length < 2);
    });

    it('publishes results without personal data', async () => {
      const { view } = await published(draw.id);
      const text = JSON.stringify(view);
      for (const name of ['张建国', '李明华', '王志强', '赵丽娟']) expect(text).not.toContain(name);
      expect(view.results[0]).toEqual({
        taskNumber: 1,
        enterpriseName: expect.any(String),
        uscc: expect.any(String),
        creditGrade: expect.any(String),
        onPositiveList: expect.any(Boolean),
        inspected: false,
        outcome: null,
      });
    });

    it('makes each task the reference a random inspection must name', async () => {
      const task = revealed.tasks.find((t) => t.officers.length === 2)!;
      const [lead, co] = task.officers.map((o) => officers[o.id]);
      const firm = Object.values(w.firms).find((f) => f.id === task.enterpriseId)!;
      const code = await w.issueCode(firm);
      const other = Object.values(w.firms).find((f) => f.id !== task.enterpriseId)!;
      const otherCode = await w.issueCode(other);
      const attempt = (user: ApiUser, body: Record<string, unknown>) =>
        user.request('POST', '/api/v1/check-ins', body);
      const random = (reference: string, coId: string) => ({
        purpose: 'RANDOM_INSPECTION',
        reference,
        coOfficerIds: [coId],
      });
      const detailOf = (res: { json: () => { reasons: { code: string; detail?: string }[] } }) =>
        res.json().reasons.find((r) => r.code === 'RANDOM_TASK_MISMATCH')?.detail;

      const unknown = await attempt(
        lead,
        checkInBody(w, code, firm, random('SJ-2099-999-01', co.id)),
      );
      expect(unknown.statusCode).toBe(409);
      expect(detailOf(unknown)).toBe('UNKNOWN_TASK');

      const wrongFirm = await attempt(
        lead,
        checkInBody(w, otherCode, other, random(task.reference, co.id)),
      );
      expect(wrongFirm.statusCode).toBe(409);
      expect(detailOf(wrongFirm)).toBe('OTHER_FIRM');

      const outsider = Object.values(officers).find(
        (o) => !task.officers.some((t) => t.id === o.id) && o.id !== lead.id,
      )!;
      const notAssigned = await attempt(
        lead,
        checkInBody(w, code, firm, random(task.reference, outsider.id)),
      );
      expect(notAssigned.statusCode).toBe(409);
      expect(detailOf(notAssigned)).toBe('NOT_ASSIGNED');

      const ok = await attempt(lead, checkInBody(w, code, firm, random(task.reference, co.id)));
      expect(ok.statusCode).toBe(201);
      const visitId = ok.json().visit.id;
      await lead.request('POST', `/api/v1/visits/${visitId}/check-out`, { findings: 'NO_ISSUE' });

      const { view } = await published(draw.id);
      const result = view.results.find((r) => r.taskNumber === Number(task.reference.slice(-2)))!;
      expect(result).toMatchObject({ inspected: true, outcome: 'NO_ISSUE' });
    });

    it('shows officers their own tasks, in the app and in the offline snapshot', async () => {
      const task = revealed.tasks.find((t) => t.officers.length > 0)!;
      const assigned = officers[task.officers[0].id];
      const mine = await assigned.request('GET', '/api/v1/officers/me/tasks');
      expect(mine.statusCode).toBe(200);
      expect(mine.json().items.map((t: { reference: string }) => t.reference)).toContain(
        task.reference,
      );
      for (const item of mine.json().items) {
        expect(item.officers.map((o: { id: string }) => o.id)).toContain(assigned.id);
      }
      const envelope: string = (await assigned.request('GET', '/api/v1/offline/snapshot')).json()
        .snapshot;
      const payload = JSON.parse(Buffer.from(envelope.split('.')[2], 'base64url').toString('utf8'));
      expect(payload.tasks.map((t: { reference: string }) => t.reference)).toContain(
        task.reference,
      );
    });

    it('reports the realised rate per credit grade against the intended one', async () => {
      const year = Number(today().slice(0, 4));
      const res = await w.users.supervisor.request('GET', `/api/v1/draws/statistics?year=${year}`);
      expect(res.statusCode).toBe(200);
      const rows: {
        group: string;
        inPools: number;
        drawn: number;
        realisedRate: number;
        intendedRate: number;
      }[] = res.json().rows;
      const total = rows.reduce((sum, r) => sum + r.inPools, 0);
      expect(total).toBeGreaterThanOrEqual(8);
      for (const row of rows.filter((r) => r.inPools > 0)) {
        expect(row.intendedRate).toBeCloseTo(1, 5);
        expect(row.realisedRate).toBe(row.drawn / row.inPools);
      }
    });
  });

  describe('who may draw and see draws', () => {
    it('keeps a jurisdiction’s draws to its supervisors; officers and firms get 403', async () => {
      const res = await commit({ name: '全市抽查', weights: undefined });
      expect(res.statusCode).toBe(201);
      const id = res.json().id;
      expect((await w.users.supervisor2.request('GET', `/api/v1/draws/${id}`)).statusCode).toBe(
        404,
      );
      expect(
        (await w.users.supervisor2.request('POST', `/api/v1/draws/${id}/reveal`)).statusCode,
      ).toBe(404);
      for (const user of [w.users.officer1, w.users.firm1]) {
        expect((await user.request('GET', `/api/v1/draws/${id}`)).statusCode).toBe(403);
        expect((await commit({}, user)).statusCode).toBe(403);
      }
    });

    it('draws only from the caller’s jurisdiction', async () => {
      const units: { id: string }[] = await w.t.dataSource.query(
        `SELECT id FROM unit WHERE name LIKE '%新郑%'`,
      );
      const res = await commit({ unitIds: [units[0].id] }, w.users.supervisor2);
      expect(res.statusCode).toBe(404);
      const own = await commit({}, w.users.supervisor2);
      expect(own.statusCode).toBe(201);
      const pool = (await published(own.json().id)).inputs.inputs.pool as { unitId: string }[];
      expect(pool.length).toBeGreaterThan(0);
      expect(pool.every((f) => f.unitId !== units[0].id)).toBe(true);
    });

    it('refuses bad definitions with 400 and an empty pool with 409, storing nothing', async () => {
      const before = (await w.t.dataSource.query('SELECT count(*)::int AS n FROM draw'))[0].n;
      for (const body of [
        { periodStart: '2026-12-31', periodEnd: '2026-01-01' },
        { periodStart: '2026-13-01' },
        { weights: { ...ALL_DRAWN, baseRatio: 0 } },
        { weights: { ...ALL_DRAWN, creditGrade: { GOOD: 1 } } },
        { officersPerTask: 0 },
        { name: '' },
      ]) {
        const res = await commit(body);
        expect({ body, status: res.statusCode }).toEqual({ body, status: 400 });
      }
      const empty = await commit({ districts: ['不存在的区'] });
      expect(empty.statusCode).toBe(409);
      expect(empty.json().code).toBe('DRAW_POOL_EMPTY');
      expect((await w.t.dataSource.query('SELECT count(*)::int AS n FROM draw'))[0].n).toBe(before);
    });

    it('names the field of a bad definition, in the words the form shows', async () => {
      const errorsOf = async (body: Record<string, unknown>) => {
        const res = await commit(body);
        expect(res.statusCode).toBe(400);
        expect(res.json().code).toBe('VALIDATION_FAILED');
        return res.json().errors as { field: string; message: string }[];
      };
      expect(await errorsOf({ periodStart: '2026-02-30' })).toEqual([
        { field: 'periodStart', message: '检查期限开始日期应为真实的日期（YYYY-MM-DD）' },
      ]);
      expect(await errorsOf({ periodEnd: '2026-12-31T00:00:00Z' })).toEqual([
        { field: 'periodEnd', message: '检查期限结束日期应为真实的日期（YYYY-MM-DD）' },
      ]);
      expect(await errorsOf({ name: '   ' })).toEqual([
        { field: 'name', message: '请填写抽查名称' },
      ]);
      expect(await errorsOf({ weights: { ...ALL_DRAWN, baseRatio: 0 } })).toEqual([
        { field: 'weights', message: '基础抽查比例（baseRatio）应为大于0且不超过1的数。' },
      ]);
      expect((await errorsOf({ seed: 'chosen' })).map((e) => e.field)).toEqual(['seed']);
    });

    it('takes the statistics year as a number between 2000 and 2100', async () => {
      const url = (year: string) => `/api/v1/draws/statistics?year=${year}`;
      expect((await w.users.supervisor.request('GET', url('2026'))).json().year).toBe(2026);
      for (const year of ['1999', '2026.5', 'abc']) {
        const res = await w.users.supervisor.request('GET', url(year));
        expect({ year, status: res.statusCode, field: res.json().errors?.[0]?.field }).toEqual({
          year,
          status: 400,
          field: 'year',
        });
      }
    });

    it('answers 404 on the public page for a draw that does not exist', async () => {
      const res = await w.t.inject({
        method: 'GET',
        url: '/api/v1/public/draws/00000000-0000-4000-8000-000000000000',
      });
      expect(res.statusCode).toBe(404);
    });
  });

  describe('回避: declared conflicts', () => {
    it('are kept by admins, audited, and read by supervisors', async () => {
      const body = {
        officerId: w.users.officer4.id,
        enterpriseId: w.firms.hanyang.id,
        reason: '曾在该企业任职',
      };
      for (const user of [w.users.supervisor, w.users.officer4, w.users.firm1]) {
        expect((await user.request('POST', '/api/v1/officer-conflicts', body)).statusCode).toBe(
          403,
        );
      }
      const declared = await w.users.admin.request('POST', '/api/v1/officer-conflicts', body);
      expect(declared.statusCode).toBe(201);
      const list = await w.users.supervisor.request('GET', '/api/v1/officer-conflicts');
      expect(list.json().items).toContainEqual(
        expect.objectContaining({ ...body, officerName: '赵丽娟' }),
      );
      const notOfficer = await w.users.admin.request('POST', '/api/v1/officer-conflicts', {
        ...body,
        officerId: w.users.firm1.id,
      });
      expect(notOfficer.statusCode).toBe(404);
      const noFirm = await w.users.admin.request('POST', '/api/v1/officer-conflicts', {
        ...body,
        enterpriseId: '00000000-0000-4000-8000-000000000000',
      });
      expect(noFirm.statusCode).toBe(404);
      expect(noFirm.json().code).toBe('NOT_FOUND');
      const noReason = await w.users.admin.request('POST', '/api/v1/officer-conflicts', {
        ...body,
        reason: ' ',
      });
      expect(noReason.json().errors).toEqual([{ field: 'reason', message: '请写明回避事由' }]);
      const badId = await w.users.admin.request(
        'DELETE',
        `/api/v1/officer-conflicts/x/${body.enterpriseId}`,
      );
      expect(badId.json().errors).toEqual([{ field: 'officerId', message: '应为 UUID' }]);
      const url = `/api/v1/officer-conflicts/${body.officerId}/${body.enterpriseId}`;
      expect((await w.users.admin.request('DELETE', url)).statusCode).toBe(204);
      expect((await w.users.admin.request('DELETE', url)).statusCode).toBe(404);
      const actions: { action: string }[] = await w.t.dataSource.query(
        `SELECT action FROM audit_entry WHERE subject_id = $1 ORDER BY seq`,
        [body.officerId],
      );
      expect(actions.map((a) => a.action)).toEqual([
        'OFFICER_CONFLICT_DECLARED',
        'OFFICER_CONFLICT_WITHDRAWN',
      ]);
    });
  });
});
