import { encodeBase64url } from '@qinqing/domain';
import { startDemoWorld, type DemoWorld } from './support/demo-world';

/**
 * Every bad input is a clear 400 VALIDATION_FAILED naming the field, and nothing is stored
 * (issue 13). The fuzz over the OpenAPI document (fuzz.test.ts) covers every route; these name
 * each limit once.
 */
describe('bad input at the edge', () => {
  let w: DemoWorld;
  beforeAll(async () => {
    w = await startDemoWorld();
  });
  afterAll(() => w.t.close());

  /** The stable error contract: 400 VALIDATION_FAILED with the field named. */
  function expectInvalid(res: { statusCode: number; json(): unknown }, field: string): void {
    expect(res.statusCode).toBe(400);
    const body = res.json() as { code: string; message: string; errors: unknown[] };
    expect(body).toMatchObject({ code: 'VALIDATION_FAILED', message: expect.any(String) });
    expect(body.errors).toEqual(
      expect.arrayContaining([{ field, message: expect.stringMatching(/[\u4e00-\u9fff]/) }]),
    );
  }

  const firmRow = async (id: string) =>
    (
      await w.t.dataSource.query(
        `SELECT credit_grade, supervision_class, address, liaison_officer_id FROM enterprise
         WHERE id = $1`,
        [id],
      )
    )[0];

  describe('dates are real calendar dates', () => {
    it.each(['2026-13-01', '2026-02-30', '0000-01-01', '2026-1-1'])(
      'refuses a positive-list entry from %s and stores nothing',
      async (effectiveFrom) => {
        const firm = w.firms.ruitai; // not on the list
        const count = async () =>
          (
            await w.t.dataSource.query(
              'SELECT count(*)::int AS n FROM positive_list_entry WHERE enterprise_id = $1',
              [firm.id],
            )
          )[0].n;
        const before = await count();
        const res = await w.users.admin.request(
          'POST',
          `/api/v1/enterprises/${firm.id}/positive-list`,
          { batch: '第五批', effectiveFrom },
        );
        expectInvalid(res, 'effectiveFrom');
        expect(await count()).toBe(before);
      },
    );

    it('refuses impossible days in time filters and draw periods', async () => {
      expectInvalid(
        await w.users.supervisor.request('GET', '/api/v1/visits?from=2026-02-30T00:00:00Z'),
        'from',
      );
      expectInvalid(await w.users.supervisor.request('GET', '/api/v1/ratings?to=2026-13-01'), 'to');
      expectInvalid(
        await w.users.supervisor.request('GET', '/api/v1/desk/summary?from=2026-04-31'),
        'from',
      );
      const draw = await w.users.supervisor.request('POST', '/api/v1/draws', {
        name: '日期有误的抽查',
        periodStart: '2026-02-29',
        periodEnd: '2026-03-31',
      });
      expectInvalid(draw, 'periodStart');
      const spotCheck = await w.users.supervisor.request('POST', '/api/v1/rating-spot-checks', {
        month: '0000-11',
        sampleSize: 1,
      });
      expectInvalid(spotCheck, 'month');
    });
  });

  describe('null only where a column is nullable', () => {
    it('refuses {"creditGrade": null} on PATCH and leaves the firm unchanged', async () => {
      const firm = w.firms.haier;
      const before = await firmRow(firm.id);
      for (const field of ['creditGrade', 'supervisionClass', 'address']) {
        const res = await w.users.admin.request('PATCH', `/api/v1/enterprises/${firm.id}`, {
          [field]: null,
        });
        expectInvalid(res, field);
      }
      expect(await firmRow(firm.id)).toEqual(before);
    });

    it('accepts null where it means "none": the liaison officer', async () => {
      const firm = w.firms.haier;
      const res = await w.users.admin.request('PATCH', `/api/v1/enterprises/${firm.id}`, {
        liaisonOfficerId: null,
      });
      expect(res.statusCode).toBe(200);
      expect((await firmRow(firm.id)).liaison_officer_id).toBeNull();
    });

    it('refuses a null scan time in a preview (only leaving it out means now)', async () => {
      const code = await w.issueCode(w.firms.yutong);
      const res = await w.users.officer1.request('POST', '/api/v1/check-ins/preview', {
        code,
        clientTime: null,
      });
      expectInvalid(res, 'clientTime');
    });
  });

  describe('paging cursors', () => {
    it.each(['/api/v1/visits', '/api/v1/ratings'])(
      'refuses a crafted cursor on %s with 400 on the cursor field',
      async (path) => {
        const crafted = encodeBase64url(
          new TextEncoder().encode(JSON.stringify({ t: new Date().toISOString(), id: 'x' })),
        );
        const res = await w.users.supervisor.request('GET', `${path}?cursor=${crafted}`);
        expectInvalid(res, 'cursor');
      },
    );
  });
});
