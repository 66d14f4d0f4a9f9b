import {
  OVERSIGHT_NOTE_MAX,
  REPORT_DESCRIPTION_MAX,
  REPORT_PHOTO_MAX_BYTES,
  REPORT_PHOTOS_MAX,
} from '@qinqing/domain';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { chainKeyNumber } from '../src/audit/audit-hash';
import type { ApiUser } from './support/api-client';
import { checkInBody, startDemoWorld, type DemoWorld } from './support/demo-world';

type UserName = keyof DemoWorld['users'];

const PNG_MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const JPEG_MAGIC = Buffer.from([0xff, 0xd8, 0xff, 0xe0]);

/** Bytes that pass the magic-number check of the format, `size` long in all. */
function imageBytes(kind: 'png' | 'jpeg', size = 1200): Buffer {
  const magic = kind === 'png' ? PNG_MAGIC : JPEG_MAGIC;
  return Buffer.concat([magic, randomBytes(size - magic.length)]);
}

function dataUrl(contentType: string, bytes: Buffer): string {
  return `data:${contentType};base64,${bytes.toString('base64')}`;
}

describe('misconduct reports (监督举报)', () => {
  let w: DemoWorld;
  let ruitaiVisit: string; // officer1 + officer2 (金水分局) at firm2's 瑞泰
  let sinianVisit: string; // officer3 + officer4 (新郑分局) at firm1's 思念
  let units: Record<'jinshui' | 'xinzheng', string>;

  const countRows = async (table: string): Promise<number> =>
    Number((await w.t.dataSource.query(`SELECT count(*) AS n FROM ${table}`))[0].n);

  /** firm2's report about the 瑞泰 visit and officer1 (金水分局). */
  const ruitaiReport = (overrides: Record<string, unknown> = {}) => ({
    enterpriseId: w.firms.ruitai.id,
    visitId: ruitaiVisit,
    officerId: w.users.officer1.id,
    categories: ['SIX_2'],
    description: '检查结束后执法人员接受了企业安排的宴请。',
    ...overrides,
  });

  const file = async (user: ApiUser, body: Record<string, unknown>): Promise<string> => {
    const res = await user.request('POST', '/api/v1/reports', body);
    if (res.statusCode !== 201) throw new Error(`file report: ${res.statusCode} ${res.body}`);
    return res.json().id;
  };

  const step = (user: UserName, id: string, body: Record<string, unknown>) =>
    w.users[user].request('POST', `/api/v1/reports/${id}/status`, body);

  beforeAll(async () => {
    w = await startDemoWorld();
    const ruitai = await w.issueCode(w.firms.ruitai);
    const sinian = await w.issueCode(w.firms.sinian);
    const a = await w.users.officer1.request(
      'POST',
      '/api/v1/check-ins',
      checkInBody(w, ruitai, w.firms.ruitai),
    );
    ruitaiVisit = a.json().visit.id;
    await w.users.officer1.request('POST', `/api/v1/visits/${ruitaiVisit}/check-out`, {
      findings: 'NO_ISSUE',
    });
    const b = await w.users.officer3.request(
      'POST',
      '/api/v1/check-ins',
      checkInBody(w, sinian, w.firms.sinian, {
        purpose: 'COMPLAINT_VERIFICATION',
        reference: '12369-2026-1001',
        coOfficerIds: [w.users.officer4.id],
      }),
    );
    sinianVisit = b.json().visit.id;
    const rows: { code: string; id: string }[] = await w.t.dataSource.query(
      `SELECT code, id FROM unit WHERE code IN ('ZZ-JS', 'ZZ-XZ')`,
    );
    const byCode = Object.fromEntries(rows.map((r) => [r.code, r.id]));
    units = { jinshui: byCode['ZZ-JS'], xinzheng: byCode['ZZ-XZ'] };
    expect(ruitaiVisit && sinianVisit && units.jinshui && units.xinzheng).toBeTruthy();
  });
  afterAll(() => w.t.close());

  describe('filing', () => {
    it('files a report with photos: 201, received, and the photos come back byte for byte', async () => {
      const png = imageBytes('png', 5000);
      const jpeg = imageBytes('jpeg', 7000);
      const res = await w.users.firm2.request(
        'POST',
        '/api/v1/reports',
        ruitaiReport({
          categories: ['SIX_2', 'NINE_5'],
          description: '  检查结束后执法人员接受了企业安排的宴请。  ',
          photos: [dataUrl('image/png', png), dataUrl('image/jpeg', jpeg)],
        }),
      );
      expect(res.statusCode).toBe(201);
      const report = res.json();
      expect(report).toEqual({
        id: expect.any(String),
        enterpriseId: w.firms.ruitai.id,
        enterpriseName: w.firms.ruitai.name,
        reporter: { id: w.users.firm2.id, name: expect.any(String) },
        visitId: ruitaiVisit,
        officer: { id: w.users.officer1.id, name: '张建国', badgeNumber: '豫A41010001' },
        unitId: units.jinshui,
        unitName: expect.any(String),
        categories: ['SIX_2', 'NINE_5'],
        description: '检查结束后执法人员接受了企业安排的宴请。',
        photoCount: 2,
        status: 'RECEIVED',
        outcome: null,
        conclusion: null,
        createdAt: expect.any(String),
        updatedAt: report.createdAt,
        history: [
          {
            status: 'RECEIVED',
            at: report.createdAt,
            note: '',
            by: { id: w.users.firm2.id, name: expect.any(String) },
          },
        ],
      });
      for (const [index, bytes, type] of [
        [0, png, 'image/png'],
        [1, jpeg, 'image/jpeg'],
      ] as const) {
        const photo = await w.users.supervisor.request(
          'GET',
          `/api/v1/reports/${report.id}/photos/${index}`,
        );
        expect(photo.statusCode).toBe(200);
        expect(photo.headers['content-type']).toBe(type);
        expect(photo.headers['cache-control']).toBe('private, no-store');
        expect(photo.rawPayload.equals(bytes)).toBe(true);
      }
    });

    it('takes the unit answerable from the visit, else the officer, else the firm', async () => {
      const unitOf = async (user: ApiUser, body: Record<string, unknown>) =>
        (await w.users.admin.request('GET', `/api/v1/reports/${await file(user, body)}`)).json()
          .unitId;
      // firm1's firm 思念 is supervised by 金水分局; the visit was by 新郑分局's officer3 and officer4
      const base = { enterpriseId: w.firms.sinian.id, categories: ['OTHER'], description: '情况' };
      expect(await unitOf(w.users.firm1, { ...base, visitId: sinianVisit })).toBe(units.xinzheng);
      expect(await unitOf(w.users.firm1, { ...base, officerId: w.users.officer3.id })).toBe(
        units.xinzheng,
      );
      expect(await unitOf(w.users.firm1, base)).toBe(units.jinshui);
    });

    it('accepts REPORT_PHOTOS_MAX photos of the largest size (the route’s body limit fits them)', async () => {
      const photos = Array.from({ length: REPORT_PHOTOS_MAX }, () =>
        dataUrl('image/jpeg', imageBytes('jpeg', REPORT_PHOTO_MAX_BYTES)),
      );
      const res = await w.users.firm2.request('POST', '/api/v1/reports', ruitaiReport({ photos }));
      expect(res.statusCode).toBe(201);
      expect(res.json().photoCount).toBe(REPORT_PHOTOS_MAX);
      const last = await w.users.supervisor.request(
        'GET',
        `/api/v1/reports/${res.json().id}/photos/${REPORT_PHOTOS_MAX - 1}`,
      );
      expect(last.rawPayload.length).toBe(REPORT_PHOTO_MAX_BYTES);
    });

    const invalid: [string, () => Record<string, unknown>, string][] = [
      ['an unknown category', () => ruitaiReport({ categories: ['SIX_7'] }), 'categories'],
      ['no category', () => ruitaiReport({ categories: [] }), 'categories'],
      ['a repeated category', () => ruitaiReport({ categories: ['SIX_1', 'SIX_1'] }), 'categories'],
      ['an empty description', () => ruitaiReport({ description: '   ' }), 'description'],
      [
        'a description that is too long',
        () => ruitaiReport({ description: '宴'.repeat(REPORT_DESCRIPTION_MAX + 1) }),
        'description',
      ],
      [
        'a “PNG” whose bytes are a JPEG',
        () => ruitaiReport({ photos: [dataUrl('image/png', imageBytes('jpeg'))] }),
        'photos.0',
      ],
      [
        'a photo with no image magic number',
        () =>
          ruitaiReport({
            photos: [
              dataUrl('image/jpeg', imageBytes('jpeg')),
              dataUrl('image/jpeg', Buffer.from('<script>alert(1)</script>')),
            ],
          }),
        'photos.1',
      ],
      [
        'a GIF',
        () => ruitaiReport({ photos: [dataUrl('image/gif', Buffer.from('GIF89a0000'))] }),
        'photos.0',
      ],
      [
        'a photo over the size limit',
        () =>
          ruitaiReport({
            photos: [dataUrl('image/png', imageBytes('png', REPORT_PHOTO_MAX_BYTES + 1))],
          }),
        'photos.0',
      ],
      [
        'too many photos',
        () =>
          ruitaiReport({
            photos: Array.from({ length: REPORT_PHOTOS_MAX + 1 }, () =>
              dataUrl('image/png', imageBytes('png')),
            ),
          }),
        'photos',
      ],
      [
        'an officer who was not on the visit',
        () => ruitaiReport({ officerId: w.users.officer3.id }),
        'officerId',
      ],
      [
        'someone who is not an officer',
        () => ruitaiReport({ visitId: null, officerId: w.users.supervisor.id }),
        'officerId',
      ],
      ['an unknown field', () => ruitaiReport({ status: 'CONCLUDED' }), 'status'],
    ];
    it('says what is wrong with the categories and the description in Chinese', async () => {
      const errorsOf = async (body: Record<string, unknown>) =>
        (await w.users.firm2.request('POST', '/api/v1/reports', ruitaiReport(body))).json().errors;
      expect(await errorsOf({ categories: [] })).toEqual([
        { field: 'categories', message: '请至少选择一项举报类别' },
      ]);
      expect(await errorsOf({ categories: ['SIX_1', 'SIX_1'] })).toEqual([
        { field: 'categories', message: '举报类别不能重复' },
      ]);
      expect(await errorsOf({ categories: ['SIX_9'] })).toEqual([
        { field: 'categories', message: '举报类别无效' },
      ]);
      expect(await errorsOf({ description: ' ' })).toEqual([
        { field: 'description', message: '请填写举报内容' },
      ]);
    });

    it.each(invalid)(
      'refuses %s: 400 with the field, nothing written',
      async (_what, body, field) => {
        const before = await countRows('misconduct_report');
        const auditBefore = await countRows('audit_entry');
        const res = await w.users.firm2.request('POST', '/api/v1/reports', body());
        expect(res.statusCode).toBe(400);
        expect(res.json().code).toBe('VALIDATION_FAILED');
        expect(res.json().errors.map((e: { field: string }) => e.field)).toContain(field);
        expect(await countRows('misconduct_report')).toBe(before);
        expect(await countRows('audit_entry')).toBe(auditBefore);
      },
    );

    const notFound: [string, () => Record<string, unknown>][] = [
      ['another firm’s enterpriseId', () => ruitaiReport({ enterpriseId: w.firms.sinian.id })],
      ['a firm that does not exist', () => ruitaiReport({ enterpriseId: randomUUID() })],
      ['a visit to another firm', () => ruitaiReport({ visitId: sinianVisit, officerId: null })],
      ['a visit that does not exist', () => ruitaiReport({ visitId: randomUUID() })],
    ];
    it.each(notFound)('answers 404 for %s, nothing written', async (_what, body) => {
      const before = await countRows('misconduct_report');
      const res = await w.users.firm2.request('POST', '/api/v1/reports', body());
      expect(res.statusCode).toBe(404);
      expect(res.json()).toEqual({ code: 'NOT_FOUND', message: expect.any(String) });
      expect(await countRows('misconduct_report')).toBe(before);
    });

    it.each(['officer1', 'officer3', 'supervisor', 'admin'] as const)(
      'lets only firms’ users file (%s → 403)',
      async (user) => {
        const res = await w.users[user].request('POST', '/api/v1/reports', ruitaiReport());
        expect(res.statusCode).toBe(403);
        expect(res.json().code).toBe('FORBIDDEN');
      },
    );
  });

  describe('visibility: supervisors of the unit and the reporting firm; never an officer', () => {
    let jinshuiReport: string; // firm2 about officer1 at 瑞泰 (金水分局)
    let xinzhengReport: string; // firm1 about officer3 at 思念 (新郑分局)

    beforeAll(async () => {
      jinshuiReport = await file(
        w.users.firm2,
        ruitaiReport({ photos: [dataUrl('image/png', imageBytes('png'))] }),
      );
      xinzhengReport = await file(w.users.firm1, {
        enterpriseId: w.firms.sinian.id,
        visitId: sinianVisit,
        officerId: w.users.officer3.id,
        categories: ['NINE_1'],
        description: '执法人员暗示企业购买指定厂家的环保设备。',
        photos: [dataUrl('image/jpeg', imageBytes('jpeg'))],
      });
    });

    const listed = async (user: UserName, query = '') => {
      const res = await w.users[user].request('GET', `/api/v1/reports${query}`);
      expect(res.statusCode).toBe(200);
      return res.json().items as { id: string; unitId: string; enterpriseId: string }[];
    };

    it('lists newest first, for each caller only what they may see', async () => {
      const all = await listed('admin');
      expect(all.map((r) => r.id)).toEqual(expect.arrayContaining([jinshuiReport, xinzhengReport]));
      expect(all.findIndex((r) => r.id === xinzhengReport)).toBe(0);
      expect(all.findIndex((r) => r.id === jinshuiReport)).toBe(1);
      expect((await listed('supervisor')).map((r) => r.id)).toEqual(all.map((r) => r.id));
      const jinshui = await listed('supervisor2');
      expect(jinshui.map((r) => r.id)).toContain(jinshuiReport);
      expect(jinshui.map((r) => r.id)).not.toContain(xinzhengReport);
      expect(jinshui.every((r) => r.unitId === units.jinshui)).toBe(true);
      const firm1 = await listed('firm1');
      expect(firm1.map((r) => r.id)).toContain(xinzhengReport);
      expect(firm1.every((r) => r.enterpriseId === w.firms.sinian.id)).toBe(true);
      const firm2 = await listed('firm2');
      expect(firm2.map((r) => r.id)).toContain(jinshuiReport);
      expect(firm2.every((r) => r.enterpriseId === w.firms.ruitai.id)).toBe(true);
    });

    it('filters by status', async () => {
      expect((await listed('admin', '?status=RECEIVED')).map((r) => r.id)).toContain(jinshuiReport);
      expect(await listed('admin', '?status=CONCLUDED')).toEqual([]);
      const bad = await w.users.admin.request('GET', '/api/v1/reports?status=DONE');
      expect(bad.statusCode).toBe(400);
    });

    const reads: [string, UserName, () => string, number][] = [
      ['the reporting firm its own report', 'firm1', () => xinzhengReport, 200],
      ['another firm a report it did not file', 'firm2', () => xinzhengReport, 404],
      ['the supervisor of the whole city', 'supervisor', () => xinzhengReport, 200],
      ['金水分局’s supervisor a 金水 report', 'supervisor2', () => jinshuiReport, 200],
      ['金水分局’s supervisor a 新郑 report', 'supervisor2', () => xinzhengReport, 404],
      ['the admin', 'admin', () => xinzhengReport, 200],
      ['anyone, an id that does not exist', 'admin', () => randomUUID(), 404],
    ];
    it.each(reads)('GET /reports/:id and its photo: %s → %s', async (_who, user, id, status) => {
      const res = await w.users[user].request('GET', `/api/v1/reports/${id()}`);
      expect(res.statusCode).toBe(status);
      const photo = await w.users[user].request('GET', `/api/v1/reports/${id()}/photos/0`);
      expect(photo.statusCode).toBe(status);
      if (status === 404) {
        expect(res.json()).toEqual({ code: 'NOT_FOUND', message: expect.any(String) });
        expect(photo.json()).toEqual({ code: 'NOT_FOUND', message: expect.any(String) });
      }
    });

    it('answers 404 for a photo index the report does not have', async () => {
      for (const index of ['1', '-1', '99999', 'x']) {
        const res = await w.users.supervisor.request(
          'GET',
          `/api/v1/reports/${jinshuiReport}/photos/${index}`,
        );
        expect(res.statusCode).toBe(404);
        expect(res.json().code).toBe('NOT_FOUND');
      }
    });

    // officer1 is the reported officer of jinshuiReport, officer3 of xinzhengReport
    it.each(['officer1', 'officer2', 'officer3', 'officer4'] as const)(
      '%s reaches no report by any route: 403',
      async (user) => {
        const officer = w.users[user];
        const attempts = [
          officer.request('GET', '/api/v1/reports'),
          officer.request('GET', '/api/v1/reports?status=RECEIVED'),
          ...[jinshuiReport, xinzhengReport].flatMap((id) => [
            officer.request('GET', `/api/v1/reports/${id}`),
            officer.request('GET', `/api/v1/reports/${id}/photos/0`),
            officer.request('POST', `/api/v1/reports/${id}/status`, {
              status: 'INVESTIGATING',
              note: '自查',
            }),
          ]),
          // nor the visit's audit trail, where a report could leave a trace
          officer.request('GET', `/api/v1/visits/${ruitaiVisit}/audit`),
          officer.request('GET', `/api/v1/visits/${sinianVisit}/audit`),
        ];
        for (const res of await Promise.all(attempts)) {
          expect(res.statusCode).toBe(403);
          expect(res.json()).toEqual({ code: 'FORBIDDEN', message: expect.any(String) });
        }
        const report = await w.users.admin.request('GET', `/api/v1/reports/${jinshuiReport}`);
        expect(report.json().status).toBe('RECEIVED');
      },
    );

    it('lets no firm move a report, and no supervisor outside the unit', async () => {
      const byFirm = await step('firm1', xinzhengReport, { status: 'INVESTIGATING', note: '催办' });
      expect(byFirm.statusCode).toBe(403);
      const outside = await step('supervisor2', xinzhengReport, {
        status: 'INVESTIGATING',
        note: '已立案调查',
      });
      expect(outside.statusCode).toBe(404);
      expect(outside.json().code).toBe('NOT_FOUND');
      const report = await w.users.admin.request('GET', `/api/v1/reports/${xinzhengReport}`);
      expect(report.json().status).toBe('RECEIVED');
    });
  });

  describe('workflow: received → investigating → concluded', () => {
    let id: string;
    const eventCount = async (reportId: string) =>
      Number(
        (
          await w.t.dataSource.query(
            `SELECT count(*) AS n FROM report_event WHERE report_id = $1`,
            [reportId],
          )
        )[0].n,
      );

    beforeAll(async () => {
      id = await file(w.users.firm2, ruitaiReport());
    });

    const refusals: [string, Record<string, unknown>, number, string][] = [
      [
        'skipping a step',
        { status: 'CONCLUDED', note: '属实', outcome: 'SUBSTANTIATED' },
        409,
        'REPORT_STATUS_INVALID',
      ],
      ['staying put', { status: 'RECEIVED', note: '已受理' }, 409, 'REPORT_STATUS_INVALID'],
      ['an unknown status', { status: 'CLOSED', note: '结束' }, 400, 'VALIDATION_FAILED'],
      ['no note', { status: 'INVESTIGATING' }, 400, 'VALIDATION_FAILED'],
      ['a blank note', { status: 'INVESTIGATING', note: '  ' }, 400, 'VALIDATION_FAILED'],
      [
        'a note that is too long',
        { status: 'INVESTIGATING', note: '查'.repeat(OVERSIGHT_NOTE_MAX + 1) },
        400,
        'VALIDATION_FAILED',
      ],
      [
        'an outcome before concluding',
        { status: 'INVESTIGATING', note: '调查', outcome: 'SUBSTANTIATED' },
        400,
        'VALIDATION_FAILED',
      ],
    ];
    it.each(refusals)(
      'refuses %s from RECEIVED, changing nothing',
      async (_what, body, status, code) => {
        const res = await step('supervisor', id, body);
        expect(res.statusCode).toBe(status);
        expect(res.json().code).toBe(code);
        const report = (await w.users.admin.request('GET', `/api/v1/reports/${id}`)).json();
        expect(report.status).toBe('RECEIVED');
        expect(report.history).toHaveLength(1);
        expect(await eventCount(id)).toBe(1);
      },
    );

    it('steps in order, requires the outcome to conclude, and stops at concluded', async () => {
      const created = (await w.users.admin.request('GET', `/api/v1/reports/${id}`)).json();
      const investigating = await step('supervisor2', id, {
        status: 'INVESTIGATING',
        note: '已约谈当事执法人员',
      });
      expect(investigating.statusCode).toBe(200);
      expect(investigating.json()).toMatchObject({ status: 'INVESTIGATING', outcome: null });
      expect(Date.parse(investigating.json().updatedAt)).toBeGreaterThanOrEqual(
        Date.parse(created.updatedAt),
      );

      const noOutcome = await step('supervisor', id, { status: 'CONCLUDED', note: '经查属实' });
      expect(noOutcome.statusCode).toBe(400);
      expect(noOutcome.json().errors).toEqual([
        { field: 'outcome', message: '办结时须选择核查结论（属实 / 部分属实 / 不属实）' },
      ]);
      const badOutcome = await step('supervisor', id, {
        status: 'CONCLUDED',
        note: '经查属实',
        outcome: 'GUILTY',
      });
      expect(badOutcome.statusCode).toBe(400);

      const concluded = await step('supervisor', id, {
        status: 'CONCLUDED',
        note: '  经查属实，已移送纪检部门处理。 ',
        outcome: 'SUBSTANTIATED',
      });
      expect(concluded.statusCode).toBe(200);
      expect(concluded.json()).toMatchObject({
        status: 'CONCLUDED',
        outcome: 'SUBSTANTIATED',
        conclusion: '经查属实，已移送纪检部门处理。',
      });
      expect(concluded.json().history).toEqual([
        {
          status: 'RECEIVED',
          at: expect.any(String),
          note: '',
          by: { id: w.users.firm2.id, name: expect.any(String) },
        },
        {
          status: 'INVESTIGATING',
          at: expect.any(String),
          note: '已约谈当事执法人员',
          by: { id: w.users.supervisor2.id, name: '金水分局纪检监督员' },
        },
        {
          status: 'CONCLUDED',
          at: expect.any(String),
          note: '经查属实，已移送纪检部门处理。',
          by: { id: w.users.supervisor.id, name: '郑州市营商环境监督员' },
        },
      ]);

      const again = await step('admin', id, {
        status: 'CONCLUDED',
        note: '重复办结',
        outcome: 'UNSUBSTANTIATED',
      });
      expect(again.statusCode).toBe(409);
      expect(again.json().code).toBe('REPORT_STATUS_INVALID');

      // the reporting firm follows the outcome
      const seenByFirm = await w.users.firm2.request('GET', `/api/v1/reports/${id}`);
      expect(seenByFirm.json()).toMatchObject({ status: 'CONCLUDED', outcome: 'SUBSTANTIATED' });
    });

    it('applies exactly one of three concurrent identical steps (the row is locked)', async () => {
      const raced = await file(w.users.firm2, ruitaiReport());
      const results = await Promise.all([
        step('supervisor', raced, { status: 'INVESTIGATING', note: '甲受理调查' }),
        step('admin', raced, { status: 'INVESTIGATING', note: '乙受理调查' }),
        step('supervisor2', raced, { status: 'INVESTIGATING', note: '丙受理调查' }),
      ]);
      expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409, 409]);
      expect(await eventCount(raced)).toBe(2);
      const audit = await w.t.dataSource.query(
        `SELECT action FROM audit_entry WHERE subject_type = 'report' AND subject_id = $1 ORDER BY seq`,
        [raced],
      );
      expect(audit.map((a: { action: string }) => a.action)).toEqual([
        'REPORT_RECEIVED',
        'REPORT_INVESTIGATING',
      ]);
    });

    it('writes each step to the audit log, without the free text, and the chain stays sound', async () => {
      const entries: {
        action: string;
        actor_id: string;
        data: Record<string, unknown>;
        chain: number;
      }[] = await w.t.dataSource.query(
        `SELECT action, actor_id, data, chain FROM audit_entry
           WHERE subject_type = 'report' AND subject_id = $1 ORDER BY seq`,
        [id],
      );
      // On the chain of the answerable unit (chainKeyNumber of its id, mod the number of heads).
      const [{ unitId, heads }] = await w.t.dataSource.query(
        `SELECT unit_id AS "unitId", (SELECT count(*)::int FROM audit_chain_head) AS heads
           FROM misconduct_report WHERE id = $1`,
        [id],
      );
      expect(new Set(entries.map((e) => e.chain))).toEqual(
        new Set([chainKeyNumber(unitId) % heads]),
      );
      expect(entries.map((e) => e.action)).toEqual([
        'REPORT_RECEIVED',
        'REPORT_INVESTIGATING',
        'REPORT_CONCLUDED',
      ]);
      const description = ruitaiReport().description as string;
      expect(entries[0]).toMatchObject({
        actor_id: w.users.firm2.id,
        data: {
          enterpriseId: w.firms.ruitai.id,
          visitId: ruitaiVisit,
          officerId: w.users.officer1.id,
          categories: ['SIX_2'],
          photoCount: 0,
          descriptionSha256: createHash('sha256').update(description).digest('hex'),
        },
      });
      expect(entries[2]).toMatchObject({
        actor_id: w.users.supervisor.id,
        data: { from: 'INVESTIGATING', to: 'CONCLUDED', outcome: 'SUBSTANTIATED' },
      });
      expect(JSON.stringify(entries)).not.toContain('宴请');
      expect(JSON.stringify(entries)).not.toContain('纪检部门');
      const verify = await w.users.supervisor.request('GET', '/api/v1/audit/verify');
      expect(verify.json()).toMatchObject({ ok: true, firstBrokenSeq: null });
    });
  });
});
