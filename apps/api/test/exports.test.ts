import { Workbook, type Worksheet } from 'exceljs';
import { RATING_ITEMS, REASON_MESSAGES, type RatingLevel } from '@qinqing/domain';
import type { LightMyRequestResponse } from 'fastify';
import type { ApiUser } from './support/api-client';
import { checkInBody, startDemoWorld, type DemoWorld, type Firm } from './support/demo-world';
import { signatureDataUrl } from './support/signature-png';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const VISIT_HEADERS = [
  '打卡时间',
  '企业名称',
  '统一社会信用代码',
  '门岗',
  '执法单位',
  '执法人员（姓名/执法证号）',
  '事由',
  '事由依据',
  '结果',
  '原因',
  '策略版本',
  '签退时间',
  '检查结果',
  '整改期限',
  '检查情况说明',
  '系统自动签退',
  '记录编号',
];

const RATING_HEADERS = [
  '评价时间',
  '企业名称',
  '执法单位',
  '执法人员',
  '打卡时间',
  '事由',
  '总体评价',
  ...RATING_ITEMS,
  '意见或建议',
  '签字人',
  '回访核实状态',
  '评价编号',
];

/** Today in Beijing time, as the file names carry it. */
function bureauToday(): string {
  return new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
}

async function readSheet(res: LightMyRequestResponse): Promise<Worksheet> {
  expect(res.statusCode).toBe(200);
  expect(res.headers['content-type']).toBe(XLSX_TYPE);
  const workbook = new Workbook();
  await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  expect(workbook.worksheets).toHaveLength(1);
  return workbook.worksheets[0];
}

/** The sheet as rows of cell texts (header first); empty cells as ''. */
function sheetRows(sheet: Worksheet, width: number): string[][] {
  const rows: string[][] = [];
  sheet.eachRow((row) => {
    rows.push(
      Array.from({ length: width }, (_, i) => {
        const value = row.getCell(i + 1).value;
        return value === null || value === undefined ? '' : String(value);
      }),
    );
  });
  return rows;
}

/** An RFC 4180 reader: quoted fields with doubled quotes and line breaks, CRLF records. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  expect(field).toBe('');
  expect(row).toEqual([]);
  return rows;
}

function readCsv(res: LightMyRequestResponse): { text: string; rows: string[][] } {
  expect(res.statusCode).toBe(200);
  expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
  const bytes = res.rawPayload;
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = bytes.subarray(3).toString('utf8');
  expect(text.endsWith('\r\n')).toBe(true);
  return { text, rows: parseCsv(text) };
}

describe('exports of the visit log and of ratings', () => {
  let w: DemoWorld;
  let units: Record<string, string>;
  const visits: Record<'injected' | 'refused' | 'xinzheng', string> = {
    injected: '',
    refused: '',
    xinzheng: '',
  };

  async function checkIn(
    officer: ApiUser,
    firm: Firm,
    overrides: Record<string, unknown>,
  ): Promise<{ status: number; id: string }> {
    const code = await w.issueCode(firm);
    const res = await officer.request('POST', '/api/v1/check-ins', {
      ...checkInBody(w, code, firm),
      ...overrides,
    });
    return { status: res.statusCode, id: res.json().visit?.id ?? res.json().attemptId };
  }

  async function checkOut(officer: ApiUser, id: string, notes?: string): Promise<void> {
    const res = await officer.request('POST', `/api/v1/visits/${id}/check-out`, {
      findings: 'NO_ISSUE',
      ...(notes === undefined ? {} : { notes }),
    });
    expect(res.statusCode).toBe(200);
  }

  async function rate(visitId: string, overall: RatingLevel, comment: string): Promise<void> {
    const res = await w.users.firm2.request('POST', `/api/v1/visits/${visitId}/rating`, {
      overall,
      items: ['GOOD', 'FAIR', overall, 'GOOD', 'GOOD'],
      comment,
      signature: signatureDataUrl(),
    });
    expect(res.statusCode).toBe(201);
  }

  beforeAll(async () => {
    w = await startDemoWorld();
    const rows: { id: string; code: string }[] = await w.t.dataSource.query(
      'SELECT id, code FROM unit',
    );
    units = Object.fromEntries(rows.map((u) => [u.code, u.id]));

    // 金水分局: a visit whose texts try to smuggle formulas and break CSV quoting
    const injected = await checkIn(w.users.officer1, w.firms.ruitai, {
      purpose: 'COMPLAINT_VERIFICATION',
      reference: '=HYPERLINK("http://evil.example","点我")',
    });
    expect(injected.status).toBe(201);
    visits.injected = injected.id;
    await checkOut(w.users.officer1, injected.id, '现场检查正常，"无异常",\n已告知企业');
    // 金水分局: refused at a positive-list firm
    const refused = await checkIn(w.users.officer1, w.firms.sinian, {
      purpose: 'ROUTINE',
      reference: null,
    });
    expect(refused.status).toBe(409);
    visits.refused = refused.id;
    // 新郑分局
    const xinzheng = await checkIn(w.users.officer3, w.firms.ruitai, {
      coOfficerIds: [w.users.officer4.id],
      reference: '郑环专〔2026〕12号',
    });
    expect(xinzheng.status).toBe(201);
    visits.xinzheng = xinzheng.id;
    await checkOut(w.users.officer3, xinzheng.id);

    await rate(visits.injected, 'GOOD', '@SUM(1+1) 检查规范');
    await rate(visits.xinzheng, 'POOR', '-态度差, "拖延"');
  });
  afterAll(() => w.t.close());

  describe('GET /api/v1/exports/visits.xlsx', () => {
    it('is one sheet with a bold frozen Chinese header and a row per visit, newest first', async () => {
      const res = await w.users.supervisor.request('GET', '/api/v1/exports/visits.xlsx');
      const today = bureauToday();
      expect(res.headers['content-disposition']).toBe(
        `attachment; filename="visits-${today}.xlsx"; filename*=UTF-8''${encodeURIComponent(
          `执法打卡记录-${today}.xlsx`,
        )}`,
      );
      const sheet = await readSheet(res);
      expect(sheet.name).toBe('执法打卡记录');
      expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(sheet.getRow(1).getCell(1).font?.bold).toBe(true);
      expect(sheet.getColumn(2).width).toBeGreaterThanOrEqual(20);
      const rows = sheetRows(sheet, VISIT_HEADERS.length);
      expect(rows[0]).toEqual(VISIT_HEADERS);
      const body = rows.slice(1);
      expect(body.map((r) => r[16])).toEqual([visits.xinzheng, visits.refused, visits.injected]);

      const [xinzheng, refused, injected] = body;
      expect(xinzheng[0]).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
      expect(xinzheng[0].slice(0, 10)).toBe(bureauToday());
      expect(xinzheng.slice(1, 9)).toEqual([
        '河南瑞泰耐材科技有限公司',
        expect.stringMatching(/^[0-9A-Z]{18}$/),
        '北门',
        '郑州市生态环境局新郑分局',
        expect.stringMatching(/^王志强\/.+、赵丽娟\/.+$/),
        '专项执法检查',
        '郑环专〔2026〕12号',
        '允许入企',
      ]);
      expect(xinzheng[9]).toBe('');
      expect(xinzheng[12]).toBe('未发现问题');
      expect(xinzheng[11]).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
      expect(xinzheng[15]).toBe('否');

      expect(refused.slice(1, 3)).toEqual(['郑州思念食品有限公司', expect.any(String)]);
      expect(refused[4]).toBe('郑州市生态环境局金水分局');
      expect(refused[6]).toBe('日常检查');
      expect(refused[8]).toBe('不予入企');
      expect(refused[9]).toContain(REASON_MESSAGES.POSITIVE_LIST_NO_DISTURBANCE);
      expect(refused[11]).toBe('');
      expect(Number(refused[10])).toBeGreaterThanOrEqual(1);

      expect(injected[6]).toBe('信访举报核实');
      expect(injected[7]).toBe(`'=HYPERLINK("http://evil.example","点我")`);
      expect(injected[14]).toBe('现场检查正常，"无异常",\n已告知企业');
    });

    it('shows a branch supervisor the branch’s visits only', async () => {
      const sheet = await readSheet(
        await w.users.supervisor2.request('GET', '/api/v1/exports/visits.xlsx'),
      );
      const body = sheetRows(sheet, VISIT_HEADERS.length).slice(1);
      expect(body.map((r) => r[16]).sort()).toEqual([visits.injected, visits.refused].sort());
      expect(new Set(body.map((r) => r[4]))).toEqual(new Set(['郑州市生态环境局金水分局']));
      const elsewhere = await readSheet(
        await w.users.supervisor2.request(
          'GET',
          `/api/v1/exports/visits.xlsx?unitId=${units['ZZ-XZ']}`,
        ),
      );
      expect(sheetRows(elsewhere, VISIT_HEADERS.length)).toEqual([VISIT_HEADERS]);
    });

    it('takes the filters of GET /visits', async () => {
      const ids = async (query: string) =>
        sheetRows(
          await readSheet(
            await w.users.supervisor.request('GET', `/api/v1/exports/visits.xlsx?${query}`),
          ),
          VISIT_HEADERS.length,
        )
          .slice(1)
          .map((r) => r[16]);
      expect(await ids('outcome=REFUSED')).toEqual([visits.refused]);
      expect(await ids('flag=POSITIVE_LIST_NO_DISTURBANCE')).toEqual([visits.refused]);
      expect(await ids('purpose=SPECIAL_CAMPAIGN')).toEqual([visits.xinzheng]);
      expect(await ids(`unitId=${units['ZZ-JS']}`)).toEqual([visits.refused, visits.injected]);
      expect(await ids(`officerId=${w.users.officer4.id}`)).toEqual([visits.xinzheng]);
      expect(await ids(`enterpriseId=${w.firms.sinian.id}`)).toEqual([visits.refused]);
      expect(await ids('from=2020-01-01T00:00:00Z&to=2020-12-31T00:00:00Z')).toEqual([]);
    });

    it('rejects bad filters and paging with 400', async () => {
      for (const query of ['purpose=PARTY', 'from=someday', 'cursor=abc', 'limit=10']) {
        const res = await w.users.supervisor.request('GET', `/api/v1/exports/visits.xlsx?${query}`);
        expect(res.statusCode).toBe(400);
        expect(res.json().code).toBe('VALIDATION_FAILED');
      }
    });
  });

  describe('GET /api/v1/exports/visits.csv', () => {
    it('is UTF-8 with a BOM, CRLF lines, RFC 4180 quoting and formula-safe cells', async () => {
      const res = await w.users.supervisor.request('GET', '/api/v1/exports/visits.csv');
      expect(res.headers['content-disposition']).toContain(
        `filename*=UTF-8''${encodeURIComponent(`执法打卡记录-${bureauToday()}.csv`)}`,
      );
      const { text, rows } = readCsv(res);
      expect(text.startsWith(`${VISIT_HEADERS.join(',')}\r\n`)).toBe(true);
      expect(rows[0]).toEqual(VISIT_HEADERS);
      expect(rows.slice(1).map((r) => r[16])).toEqual([
        visits.xinzheng,
        visits.refused,
        visits.injected,
      ]);
      const injected = rows[3];
      expect(injected[7]).toBe(`'=HYPERLINK("http://evil.example","点我")`);
      expect(text).toContain(`,"'=HYPERLINK(""http://evil.example"",""点我"")",`);
      expect(injected[14]).toBe('现场检查正常，"无异常",\n已告知企业');
      expect(rows.every((r) => r.length === VISIT_HEADERS.length)).toBe(true);
      // no bare line feeds outside quoted fields: every record ends with CRLF
      expect(/[^\r]\n/.test(text.replace(/"(?:[^"]|"")*"/g, ''))).toBe(false);
    });

    it('shows a branch supervisor the branch’s visits only', async () => {
      const { rows } = readCsv(
        await w.users.supervisor2.request('GET', '/api/v1/exports/visits.csv'),
      );
      expect(rows.slice(1).map((r) => r[4])).toEqual([
        '郑州市生态环境局金水分局',
        '郑州市生态环境局金水分局',
      ]);
    });
  });

  describe('GET /api/v1/exports/ratings.{xlsx,csv}', () => {
    it('lists ratings with the card’s headers, labels and follow-up status', async () => {
      const res = await w.users.supervisor.request('GET', '/api/v1/exports/ratings.xlsx');
      const today = bureauToday();
      expect(res.headers['content-disposition']).toBe(
        `attachment; filename="ratings-${today}.xlsx"; filename*=UTF-8''${encodeURIComponent(
          `好差评记录-${today}.xlsx`,
        )}`,
      );
      const sheet = await readSheet(res);
      expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      const rows = sheetRows(sheet, RATING_HEADERS.length);
      expect(rows[0]).toEqual(RATING_HEADERS);
      expect(rows).toHaveLength(3);
      const [poor, good] = rows.slice(1);
      expect(poor[0]).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
      expect(poor.slice(1, 4)).toEqual([
        '河南瑞泰耐材科技有限公司',
        '郑州市生态环境局新郑分局',
        expect.stringMatching(/^王志强\/.+、赵丽娟\/.+$/),
      ]);
      expect(poor[5]).toBe('专项执法检查');
      expect(poor.slice(6, 12)).toEqual(['差', '好', '中', '差', '好', '好']);
      expect(poor[12]).toBe(`'-态度差, "拖延"`);
      expect(poor[13]).toBe('陈伟（瑞泰耐材环保主管）');
      expect(poor[14]).toBe('待核实');
      expect(good.slice(6, 12)).toEqual(['好', '好', '中', '好', '好', '好']);
      expect(good[12]).toBe(`'@SUM(1+1) 检查规范`);
      expect(good[14]).toBe('无需回访');
      expect(rows.flat().join('')).not.toContain('data:image');
    });

    it('scopes and filters like GET /ratings', async () => {
      const comments = async (user: ApiUser, query = '') =>
        sheetRows(
          await readSheet(await user.request('GET', `/api/v1/exports/ratings.xlsx${query}`)),
          RATING_HEADERS.length,
        )
          .slice(1)
          .map((r) => r[12]);
      expect(await comments(w.users.supervisor2)).toEqual([`'@SUM(1+1) 检查规范`]);
      expect(await comments(w.users.supervisor, '?overall=POOR')).toEqual([`'-态度差, "拖延"`]);
      expect(await comments(w.users.supervisor, `?officerId=${w.users.officer1.id}`)).toEqual([
        `'@SUM(1+1) 检查规范`,
      ]);
      expect(await comments(w.users.supervisor, `?unitId=${units['ZZ-XZ']}`)).toEqual([
        `'-态度差, "拖延"`,
      ]);
      expect(
        await comments(w.users.supervisor, '?from=2020-01-01T00:00:00Z&to=2020-02-01T00:00:00Z'),
      ).toEqual([]);
      const bad = await w.users.supervisor.request('GET', '/api/v1/exports/ratings.xlsx?overall=A');
      expect(bad.statusCode).toBe(400);
    });

    it('writes the same rows as CSV', async () => {
      const { rows, text } = readCsv(
        await w.users.supervisor.request('GET', '/api/v1/exports/ratings.csv'),
      );
      expect(rows[0]).toEqual(RATING_HEADERS);
      expect(rows[1][12]).toBe(`'-态度差, "拖延"`);
      expect(text).toContain(`,"'-态度差, ""拖延""",`);
      expect(rows[2][12]).toBe(`'@SUM(1+1) 检查规范`);
      expect(rows[2][14]).toBe('无需回访');
    });
  });

  it.each([
    '/api/v1/exports/visits.xlsx',
    '/api/v1/exports/visits.csv',
    '/api/v1/exports/ratings.xlsx',
    '/api/v1/exports/ratings.csv',
  ])('%s is refused to officers and firms, answered to admins', async (url) => {
    for (const user of [w.users.officer1, w.users.officer3, w.users.firm1, w.users.firm2]) {
      const res = await user.request('GET', url);
      expect(res.statusCode).toBe(403);
      expect(res.json().code).toBe('FORBIDDEN');
    }
    expect((await w.users.admin.request('GET', url)).statusCode).toBe(200);
  });
});
