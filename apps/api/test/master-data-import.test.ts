import { Workbook } from 'exceljs';
import { startDemoWorld, type DemoWorld } from './support/demo-world';
import {
  type Cell,
  SHEET_HEADERS,
  type Sheets,
  upload,
  uscc,
  workbook,
  XLSX_TYPE,
} from './support/master-data-upload';

const FIRM_HEADERS = SHEET_HEADERS.企业;
const GATE_HEADERS = SHEET_HEADERS.门岗;
const LIST_HEADERS = SHEET_HEADERS.正面清单;

/** The same code with a wrong check character. */
function withWrongCheck(code: string): string {
  const wrong = code[17] === '0' ? '1' : '0';
  return code.slice(0, 17) + wrong;
}

/** A workbook whose directory claims a part of 2 GB once unpacked: refused before unpacking. */
async function zipBomb(): Promise<Buffer> {
  const bytes = await workbook({ 企业: [] });
  const entry = bytes.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
  bytes.writeUInt32LE(0x7fffffff, entry + 24);
  return bytes;
}

interface Problem {
  sheet: string;
  row: number;
  column: string;
  value: string;
  message: string;
}

describe('master data import and export (/api/v1/master-data)', () => {
  let w: DemoWorld;
  let usccOf: Record<string, string>;
  beforeAll(async () => {
    w = await startDemoWorld();
    const items: { name: string; uscc: string }[] = (
      await w.users.admin.request('GET', '/api/v1/enterprises')
    ).json().items;
    usccOf = Object.fromEntries(items.map((f) => [f.name, f.uscc]));
  }, 60_000);
  afterAll(() => w.t.close());

  /** Everything an import could change: row counts, the audit chain, and the full export. */
  async function state() {
    const [counts] = await w.t.dataSource.query(`SELECT
      (SELECT count(*) FROM enterprise)::int AS firms,
      (SELECT count(*) FROM gate)::int AS gates,
      (SELECT count(*) FROM positive_list_entry)::int AS entries,
      (SELECT count(*) FROM audit_entry)::int AS audit,
      (SELECT string_agg(seq::text, ',' ORDER BY id) FROM audit_chain_head) AS heads`);
    const sheets = await Promise.all(
      ['企业', '门岗', '正面清单'].map(async (sheet) => {
        const res = await w.users.admin.request(
          'GET',
          `/api/v1/master-data/export.csv?sheet=${encodeURIComponent(sheet)}`,
        );
        expect(res.statusCode).toBe(200);
        return res.body;
      }),
    );
    return { counts, sheets };
  }

  async function exportXlsx(): Promise<Buffer> {
    const res = await w.users.admin.request('GET', '/api/v1/master-data/export.xlsx');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe(XLSX_TYPE);
    return res.rawPayload;
  }

  const zeroChanges = {
    firms: { create: 0, update: 0 },
    gates: { create: 0, update: 0 },
    positiveList: { create: 0, end: 0 },
    gradesChanged: 0,
    units: { create: 0, update: 0 },
    officers: { create: 0, update: 0 },
    contacts: { create: 0, update: 0 },
  };

  it('is for admins only', async () => {
    const body = await workbook({ 企业: [] });
    for (const user of ['officer1', 'supervisor', 'firm1'] as const) {
      const u = w.users[user];
      expect((await u.request('GET', '/api/v1/master-data/template.xlsx')).statusCode).toBe(403);
      expect((await u.request('GET', '/api/v1/master-data/export.xlsx')).statusCode).toBe(403);
      expect((await u.request('GET', '/api/v1/master-data/export.csv')).statusCode).toBe(403);
      const res = await upload(w, u, body, 'dryRun=false');
      expect(res.statusCode).toBe(403);
      expect(res.json().code).toBe('FORBIDDEN');
    }
  });

  it('refuses a body that is not a spreadsheet with 400 and a Chinese message', async () => {
    const before = await state();
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
    const cases: [Buffer | string, string][] = [
      [png, XLSX_TYPE],
      [Buffer.concat([Buffer.from('PK\u0003\u0004'), png]), XLSX_TYPE],
      [png, 'text/csv'],
      ['{"firms":[]}', 'application/json'],
      [Buffer.alloc(0), XLSX_TYPE],
      [await zipBomb(), XLSX_TYPE],
    ];
    for (const [body, type] of cases) {
      const res = await upload(w, w.users.admin, body, 'dryRun=false', type);
      expect(res.statusCode).toBe(400);
      expect(res.json().code).toBe('VALIDATION_FAILED');
      expect(res.json().message).toMatch(/[\u4e00-\u9fa5]/);
      expect(res.json().message).toMatch(/xlsx|CSV|工作簿|文件/);
    }
    // a workbook without any of the three sheets
    const res = await upload(w, w.users.admin, await workbook({}), 'dryRun=true');
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toContain('没有可导入的工作表');
    expect(await state()).toEqual(before);
  });

  it('takes files up to 10 MB (above the global body limit) and refuses larger ones', async () => {
    const note = 'x'.repeat(1024 * 1024);
    const csv = `统一社会信用代码,企业名称,属地执法单位,备注\r\n${uscc(7001)},郑州大文件有限公司,ZZ-JS,${note}\r\n`;
    const ok = await upload(w, w.users.admin, csv, 'dryRun=true', 'text/csv');
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ ok: true, summary: { firms: { create: 1 } } });
    const tooLarge = await upload(
      w,
      w.users.admin,
      Buffer.alloc(11 * 1024 * 1024, 0x41),
      'dryRun=true',
      'text/csv',
    );
    expect(tooLarge.statusCode).toBe(400);
    expect(tooLarge.json().code).toBe('VALIDATION_FAILED');
  });

  it('serves a template with the sheets and Chinese headers the import reads', async () => {
    const res = await w.users.admin.request('GET', '/api/v1/master-data/template.xlsx');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe(XLSX_TYPE);
    const book = new Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(book.worksheets.map((s) => s.name)).toEqual([
      '说明',
      '企业',
      '门岗',
      '正面清单',
      '单位',
      '执法人员',
      '企业联系人',
    ]);
    const headers = (name: string) =>
      (book.getWorksheet(name)!.getRow(1).values as unknown[]).slice(1);
    expect(headers('企业')).toEqual(FIRM_HEADERS);
    expect(headers('门岗')).toEqual(GATE_HEADERS);
    expect(headers('正面清单')).toEqual(LIST_HEADERS);
    expect(headers('单位')).toEqual(['单位名称', '上级单位', '层级']);
    expect(headers('执法人员')).toEqual(['执法证号', '姓名', '所属单位', '用户名', '手机']);
    expect(headers('企业联系人')).toEqual(['用户名', '姓名', '统一社会信用代码', '手机']);
    expect(book.getWorksheet('企业')!.rowCount).toBe(1);
    expect(book.getWorksheet('执法人员')!.rowCount).toBe(1);
    // the 说明 sheet names the districts and units the import knows
    const readme = book.getWorksheet('说明')!.getColumn(1).values.join('\n');
    expect(readme).toContain('金水区');
    expect(readme).toContain('郑州市生态环境局金水分局（ZZ-JS）');
    // what to do is said in the app's words, not the API's (a clerk cannot send dryRun=true)
    expect(readme).toContain('“检查（不导入）”');
    expect(readme).toContain('“确认导入”');
    expect(readme).not.toMatch(/dryRun|=true|API/i);
    // the template imports as it is: nothing to do, nothing wrong
    const dry = await upload(w, w.users.admin, res.rawPayload, 'dryRun=true');
    expect(dry.statusCode).toBe(200);
    expect(dry.json()).toMatchObject({ ok: true, problems: [], summary: zeroChanges });
  });

  it('reports every mistake of a sheet by row and column, in dry run and import alike, and changes nothing', async () => {
    const sinian = usccOf['郑州思念食品有限公司'];
    const haier = usccOf['郑州海尔空调器有限公司'];
    const newFirm = uscc(9001);
    const unknownFirm = uscc(9002);
    const JS = '郑州市生态环境局金水分局';
    const firmHeaders = ['序号', ...FIRM_HEADERS, '联系电话'];
    const firms: Cell[][] = [
      [
        1,
        newFirm,
        '郑州新材料科技有限公司',
        '金水区丰庆路8号',
        '金水区',
        '新材料',
        '良好',
        '一般监管对象',
        JS,
        '豫A41010001',
        '',
      ],
      [
        2,
        withWrongCheck(uscc(9003)),
        '郑州校验位有限公司',
        '',
        '金水区',
        '',
        '诚信',
        '一般监管对象',
        JS,
        '',
        '',
      ],
      [3, uscc(9004), '郑州区县笔误有限公司', '', '金水', '', '良好', '一般监管对象', JS, '', ''],
      [
        4,
        newFirm,
        '郑州新材料科技有限公司（重复）',
        '',
        '金水区',
        '',
        '良好',
        '一般监管对象',
        JS,
        '',
        '',
      ],
      [
        5,
        uscc(9005),
        '郑州等级笔误有限公司',
        '',
        '金水区',
        '',
        '优秀',
        '一般监管对象',
        'ZZ-JS',
        '',
        '',
      ],
      [
        6,
        uscc(9006),
        '郑州单位笔误有限公司',
        '',
        '金水区',
        '',
        '警示',
        '重点监管对象',
        '郑州市生态环境局二七分局',
        '',
        '',
      ],
      [7, uscc(9007), '郑州类别笔误有限公司', '', '新郑市', '', '警示', '重点', 'ZZ-XZ', '', ''],
      [
        8,
        uscc(9008),
        '郑州联络员笔误有限公司',
        '',
        '新郑市',
        '',
        '警示',
        '重点监管对象',
        'ZZ-XZ',
        '豫A41019999',
        '',
      ],
      [9, uscc(9009), '', '', '新郑市', '', '警示', '重点监管对象', 'ZZ-XZ', '', ''],
    ];
    const gates: Cell[][] = [
      [newFirm, '正门', 34.8101, 113.6702, 200],
      [newFirm, '物流门', null, null, 150],
      [unknownFirm, '大门', 34.7, 113.6, null],
      [newFirm, '西门', 113.6702, 34.8101, null],
      [newFirm, '北门', 34.811, 113.671, 3],
    ];
    const list: Cell[][] = [
      [newFirm, '第一批', '2020-06-01', null, null],
      [unknownFirm, '第一批', '2020-06-01', null, null],
      [uscc(9004), '第二批', '2020/9/1', null, null],
      [uscc(9005), '第二批', '2020-09-01', '2020-08-31', '信用等级下调'],
      [newFirm, '第二批', '2020-09-01', null, null],
      [sinian, '第三批', '2021-03-01', null, null],
      [haier, '第一批', '2020-06-01', '2022-12-31', '企业申请退出'],
      [uscc(9007), '第三批', '2021-03-01', '2022-03-01', null],
    ];
    const body = await workbook(
      { 企业: firms, 门岗: gates, 正面清单: list },
      { 企业: firmHeaders },
    );
    const before = await state();

    const dry = await upload(w, w.users.admin, body, 'dryRun=true');
    expect(dry.statusCode).toBe(200);
    expect(dry.json().ok).toBe(false);
    const problems: Problem[] = dry.json().problems;
    const where = problems.map((p) => `${p.sheet}!${p.row}:${p.column}`);
    expect(where).toEqual([
      '企业!1:联系电话',
      '企业!3:统一社会信用代码',
      '企业!4:所属区县',
      '企业!5:统一社会信用代码',
      '企业!6:环境信用等级',
      '企业!7:属地执法单位',
      '企业!8:监管类别',
      '企业!9:联络员执法证号',
      '企业!10:企业名称',
      '门岗!3:纬度',
      '门岗!3:经度',
      '门岗!4:统一社会信用代码',
      '门岗!5:纬度',
      '门岗!5:经度',
      '门岗!6:打卡半径（米）',
      '正面清单!3:统一社会信用代码',
      '正面清单!4:生效日期',
      '正面清单!5:移出日期',
      '正面清单!6:生效日期',
      '正面清单!7:生效日期',
      '正面清单!8:移出原因',
      '正面清单!9:移出原因',
    ]);
    const at = (sheet: string, row: number, column: string) =>
      problems.find((p) => p.sheet === sheet && p.row === row && p.column === column)!;
    expect(at('企业', 1, '联系电话').message).toContain('无法识别的列');
    expect(at('企业', 3, '统一社会信用代码')).toMatchObject({
      value: withWrongCheck(uscc(9003)),
      message: '统一社会信用代码校验位不正确，请核对',
    });
    expect(at('企业', 4, '所属区县')).toMatchObject({ value: '金水' });
    expect(at('企业', 4, '所属区县').message).toContain('是否应为“金水区”');
    expect(at('企业', 5, '统一社会信用代码').message).toBe('统一社会信用代码与第2行重复');
    expect(at('企业', 6, '环境信用等级').message).toContain('诚信、良好、警示、严重失信、未评级');
    expect(at('企业', 7, '属地执法单位').message).toContain('找不到执法单位');
    expect(at('企业', 8, '监管类别').message).toContain('重点监管对象');
    expect(at('企业', 9, '联络员执法证号').message).toContain('豫A41019999');
    expect(at('企业', 10, '企业名称').message).toBe('“企业名称”不能为空');
    expect(at('门岗', 3, '纬度').message).toBe('缺少“纬度”');
    expect(at('门岗', 4, '统一社会信用代码').message).toContain('门岗所属企业不存在');
    expect(at('门岗', 5, '纬度').message).toContain('是否把纬度和经度填反了');
    expect(at('门岗', 6, '打卡半径（米）').message).toContain('10至5000');
    expect(at('正面清单', 3, '统一社会信用代码').message).toContain('找不到该企业');
    expect(at('正面清单', 4, '生效日期')).toMatchObject({ value: '2020/9/1' });
    expect(at('正面清单', 4, '生效日期').message).toContain('YYYY-MM-DD');
    expect(at('正面清单', 5, '移出日期').message).toContain('不能早于生效日期');
    expect(at('正面清单', 6, '生效日期').message).toContain('与第2行的清单期间');
    expect(at('正面清单', 7, '生效日期').message).toContain(
      '与已有的正面清单记录（第一批，2020-06-01 至 今）期间重叠',
    );
    expect(at('正面清单', 8, '移出原因').message).toContain('清单历史不能修改');
    expect(at('正面清单', 9, '移出原因').message).toContain('必须填写移出原因');
    for (const p of problems) expect(p.message).toMatch(/[\u4e00-\u9fa5]/);
    expect(await state()).toEqual(before);

    const real = await upload(w, w.users.admin, body, 'dryRun=false');
    expect(real.statusCode).toBe(422);
    expect(real.json()).toMatchObject({ code: 'VALIDATION_FAILED', ok: false, problems });
    expect(real.json().message).toContain('未导入任何数据');
    expect(await state()).toEqual(before);
  });

  /** ~30 firms in three batches, as a bureau keeps its 正面清单. */
  function realisticSheets(): Sheets {
    const districts = ['金水区', '新郑市', '管城回族区', '惠济区', '中牟县', '郑州经济技术开发区'];
    const grades = ['诚信', '良好', '警示', '严重失信', '未评级'];
    const batches = [
      ['第一批', '2020-06-01'],
      ['第二批', '2020-09-01'],
      ['第三批', '2021-03-01'],
    ];
    const firms: Cell[][] = [];
    const gates: Cell[][] = [];
    const list: Cell[][] = [];
    for (let i = 0; i < 30; i++) {
      const code = uscc(1000 + i);
      firms.push([
        code,
        `郑州市第${i + 1}精密制造有限公司`,
        `郑州市${districts[i % 6]}工业路${i + 1}号`,
        districts[i % 6],
        i % 2 ? '金属制品' : '食品制造',
        grades[i % 2],
        i % 5 === 0 ? '重点监管对象' : '一般监管对象',
        i % 2 ? '郑州市生态环境局新郑分局' : 'ZZ-JS',
        i % 3 === 0 ? '豫A41010003' : null,
      ]);
      gates.push([code, '正门', 34.6 + i / 100, 113.6 + i / 100, 200]);
      if (i % 4 === 0) gates.push([code, '物流门', 34.605 + i / 100, 113.605 + i / 100, null]);
      const [batch, from] = batches[i % 3];
      // Excel turns a typed date into a date cell: the import reads it as the day
      list.push([code, batch, i % 2 ? from : new Date(`${from}T00:00:00Z`), null, null]);
    }
    return { 企业: firms, 门岗: gates, 正面清单: list };
  }

  it('imports 30 firms in three batches cleanly, all in one go, audited', async () => {
    const sheets = realisticSheets();
    const body = await workbook(sheets);
    const before = await state();
    const dry = await upload(w, w.users.admin, body, 'dryRun=true');
    expect(dry.statusCode).toBe(200);
    const expectedSummary = {
      firms: { create: 30, update: 0, unchanged: 0 },
      gates: { create: 38, update: 0, unchanged: 0 },
      positiveList: { create: 30, end: 0, unchanged: 0 },
      gradesChanged: 0,
      units: { create: 0, update: 0, unchanged: 0 },
      officers: { create: 0, update: 0, unchanged: 0 },
      contacts: { create: 0, update: 0, unchanged: 0 },
    };
    expect(dry.json()).toEqual({
      ok: true,
      dryRun: true,
      summary: expectedSummary,
      problems: [],
      ignoredSheets: [],
    });
    expect(await state()).toEqual(before);

    const res = await upload(w, w.users.admin, body, 'dryRun=false');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ ok: true, dryRun: false, summary: expectedSummary });
    const importId: string = res.json().importId;
    const after = await state();
    expect(after.counts).toMatchObject({
      firms: before.counts.firms + 30,
      gates: before.counts.gates + 38,
      entries: before.counts.entries + 30,
      // one entry for the file, one per firm, one per list membership
      audit: before.counts.audit + 1 + 30 + 30,
    });

    const items: {
      uscc: string;
      name: string;
      creditGrade: string;
      supervisionClass: string;
      onPositiveList: boolean;
      gates: { name: string; lat: number; lng: number; radiusM: number | null }[];
    }[] = (await w.users.admin.request('GET', '/api/v1/enterprises')).json().items;
    const first = items.find((f) => f.uscc === uscc(1000))!;
    expect(first).toMatchObject({
      name: '郑州市第1精密制造有限公司',
      creditGrade: 'TRUSTWORTHY',
      supervisionClass: 'KEY',
      onPositiveList: true,
    });
    expect(first.gates.map((g) => g.name).sort()).toEqual(['正门', '物流门']);
    expect(items.filter((f) => f.name.includes('精密制造'))).toHaveLength(30);
    // the officers of 新郑分局 see the firms placed under their unit
    const xinzheng = (await w.users.officer3.request('GET', '/api/v1/enterprises')).json().items;
    expect(xinzheng.some((f: { uscc: string }) => f.uscc === uscc(1001))).toBe(true);
    expect(xinzheng.some((f: { uscc: string }) => f.uscc === uscc(1000))).toBe(false);

    const audit = await w.t.dataSource.query(
      `SELECT action, subject_type, count(*)::int AS n FROM audit_entry
        WHERE data->>'importId' = $1 GROUP BY action, subject_type ORDER BY action`,
      [importId],
    );
    expect(audit).toEqual([
      { action: 'ENTERPRISE_CREATED', subject_type: 'enterprise', n: 30 },
      { action: 'MASTER_DATA_IMPORTED', subject_type: 'master_data_import', n: 1 },
      { action: 'POSITIVE_LIST_ADDED', subject_type: 'enterprise', n: 30 },
    ]);
    const verify = await w.users.admin.request('GET', '/api/v1/audit/verify');
    expect(verify.json().ok).toBe(true);

    // the same file again: nothing to do
    const again = await upload(w, w.users.admin, body, 'dryRun=true');
    expect(again.json()).toMatchObject({
      ok: true,
      summary: {
        firms: { create: 0, update: 0, unchanged: 30 },
        gates: { create: 0, update: 0, unchanged: 38 },
        positiveList: { create: 0, end: 0, unchanged: 30 },
      },
    });
  });

  it('bulk-edits grades and list membership as history, each change an audit entry', async () => {
    const code = (i: number) => uscc(1000 + i);
    const row = (i: number, grade: string) => [
      code(i),
      `郑州市第${i + 1}精密制造有限公司`,
      null,
      null,
      null,
      grade,
      null,
      i % 2 ? 'ZZ-XZ' : 'ZZ-JS',
      null,
    ];
    const body = await workbook({
      企业: [row(0, '警示'), row(1, '严重失信'), row(2, '诚信')],
      正面清单: [
        [code(0), '第一批', '2020-06-01', '2025-12-31', '环境信用等级下调为警示'],
        [code(0), '第四批', '2026-06-01', null, null],
      ],
    });
    const res = await upload(w, w.users.admin, body, 'dryRun=false');
    expect(res.statusCode).toBe(200);
    expect(res.json().summary).toEqual({
      firms: { create: 0, update: 2, unchanged: 1 },
      gates: { create: 0, update: 0, unchanged: 0 },
      positiveList: { create: 1, end: 1, unchanged: 0 },
      gradesChanged: 2,
      units: { create: 0, update: 0, unchanged: 0 },
      officers: { create: 0, update: 0, unchanged: 0 },
      contacts: { create: 0, update: 0, unchanged: 0 },
    });
    const importId = res.json().importId;
    const [firm] = await w.t.dataSource.query(
      `SELECT id, credit_grade FROM enterprise WHERE uscc = $1`,
      [code(0)],
    );
    expect(firm.credit_grade).toBe('WARNING');
    const history = await w.t.dataSource.query(
      `SELECT batch, effective_from::text AS "from", effective_to::text AS "to", removal_reason AS reason
         FROM positive_list_entry WHERE enterprise_id = $1 ORDER BY effective_from`,
      [firm.id],
    );
    expect(history).toEqual([
      { batch: '第一批', from: '2020-06-01', to: '2025-12-31', reason: '环境信用等级下调为警示' },
      { batch: '第四批', from: '2026-06-01', to: null, reason: null },
    ]);
    const entries = await w.t.dataSource.query(
      `SELECT action, data FROM audit_entry WHERE subject_id = $1 AND data->>'importId' = $2 ORDER BY seq`,
      [firm.id, importId],
    );
    expect(entries.map((e: { action: string }) => e.action)).toEqual([
      'ENTERPRISE_UPDATED',
      'POSITIVE_LIST_ADDED',
      'POSITIVE_LIST_REMOVED',
    ]);
    expect(entries[0].data).toMatchObject({
      before: { creditGrade: 'TRUSTWORTHY' },
      after: { creditGrade: 'WARNING' },
    });
    expect(entries[2].data).toMatchObject({
      batch: '第一批',
      effectiveTo: '2025-12-31',
      removalReason: '环境信用等级下调为警示',
    });

    // an ended membership is history: it cannot be rewritten
    const rewrite = await workbook({
      正面清单: [[code(0), '第一批', '2020-06-01', '2024-12-31', '改写历史']],
    });
    const refused = await upload(w, w.users.admin, rewrite, 'dryRun=false');
    expect(refused.statusCode).toBe(422);
    expect(refused.json().problems).toEqual([
      expect.objectContaining({
        sheet: '正面清单',
        row: 2,
        column: '移出日期',
        message: expect.stringContaining('清单历史不能修改'),
      }),
    ]);
  });

  it('round-trips: the export imported again changes nothing (XLSX and CSV)', async () => {
    const exported = await exportXlsx();
    const book = new Workbook();
    await book.xlsx.load(exported as unknown as ArrayBuffer);
    expect(book.worksheets.map((s) => s.name)).toEqual([
      '说明',
      '企业',
      '门岗',
      '正面清单',
      '单位',
      '执法人员',
      '企业联系人',
    ]);
    const firmCount = book.getWorksheet('企业')!.rowCount - 1;
    expect(firmCount).toBeGreaterThanOrEqual(38);

    const before = await state();
    const dry = await upload(w, w.users.admin, exported, 'dryRun=true');
    expect(dry.statusCode).toBe(200);
    expect(dry.json()).toMatchObject({ ok: true, problems: [], summary: zeroChanges });
    expect(dry.json().summary.firms.unchanged).toBe(firmCount);
    // applying it is allowed and writes nothing at all, not even an audit entry
    const real = await upload(w, w.users.admin, exported, 'dryRun=false');
    expect(real.statusCode).toBe(200);
    expect(real.json()).toMatchObject({ ok: true, dryRun: false, summary: zeroChanges });
    expect(real.json().importId).toBeUndefined();
    expect(await state()).toEqual(before);

    expect(dry.json().summary.units.unchanged).toBe(book.getWorksheet('单位')!.rowCount - 1);
    expect(dry.json().summary.officers.unchanged).toBeGreaterThanOrEqual(4);
    expect(dry.json().summary.contacts.unchanged).toBeGreaterThanOrEqual(2);

    for (const sheet of ['企业', '门岗', '正面清单', '单位', '执法人员', '企业联系人']) {
      const csv = await w.users.admin.request(
        'GET',
        `/api/v1/master-data/export.csv?sheet=${encodeURIComponent(sheet)}`,
      );
      expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
      const back = await upload(
        w,
        w.users.admin,
        csv.rawPayload,
        `dryRun=true&sheet=${encodeURIComponent(sheet)}`,
        'text/csv',
      );
      expect(back.statusCode).toBe(200);
      expect(back.json()).toMatchObject({ ok: true, problems: [], summary: zeroChanges });
    }
  });

  it('reads a CSV saved by Excel in GB18030 and reports its rows like a sheet', async () => {
    // "统一社会信用代码,企业名称,属地执法单位" + a row with 金水 (no 区) — GB18030 bytes built by hand
    const gbk = (hex: string) => Buffer.from(hex.replace(/\s/g, ''), 'hex');
    const header = Buffer.concat([
      gbk('CDB3 D2BB C9E7 BBE1 D0C5 D3C3 B4FA C2EB'), // 统一社会信用代码
      Buffer.from(','),
      gbk('C6F3 D2B5 C3FB B3C6'), // 企业名称
      Buffer.from(','),
      gbk('CBF9 CAF4 C7F8 CFD8'), // 所属区县
      Buffer.from(','),
      gbk('CAF4 B5D8 D6B4 B7A8 B5A5 CEBB'), // 属地执法单位
      Buffer.from('\r\n'),
    ]);
    const row = Buffer.concat([
      Buffer.from(`${uscc(5001)},`),
      gbk('D6A3 D6DD'), // 郑州
      Buffer.from(','),
      gbk('BDF0 CBAE'), // 金水
      Buffer.from(',ZZ-JS\r\n'),
    ]);
    const res = await upload(
      w,
      w.users.admin,
      Buffer.concat([header, row]),
      'dryRun=true',
      'text/csv',
    );
    expect(res.statusCode).toBe(200);
    expect(res.json().problems).toEqual([
      expect.objectContaining({ sheet: '企业', row: 2, column: '所属区县', value: '金水' }),
    ]);
  });

  it('imports the 398 firms of a three-batch 正面清单 in one transaction', async () => {
    const firms: Cell[][] = [];
    const gates: Cell[][] = [];
    const list: Cell[][] = [];
    const batches = [
      ['第一批', '2020-06-01', 130],
      ['第二批', '2020-09-01', 140],
      ['第三批', '2021-03-01', 128],
    ] as const;
    let n = 0;
    for (const [batch, from, count] of batches) {
      for (let i = 0; i < count; i++, n++) {
        const code = uscc(20_000 + n, '410122');
        firms.push([
          code,
          `正面清单企业${n + 1}号有限公司`,
          null,
          '中牟县',
          null,
          '良好',
          null,
          'ZZ-ZD',
          null,
        ]);
        gates.push([code, '正门', 34.7 + (n % 50) / 1000, 114.0 + (n % 40) / 1000, 200]);
        list.push([code, batch, from, null, null]);
      }
    }
    expect(n).toBe(398);
    const body = await workbook({ 企业: firms, 门岗: gates, 正面清单: list });
    const started = Date.now();
    const dry = await upload(w, w.users.admin, body, 'dryRun=true');
    const dryMs = Date.now() - started;
    expect(dry.json()).toMatchObject({ ok: true, summary: { firms: { create: 398 } } });
    const applyStarted = Date.now();
    const res = await upload(w, w.users.admin, body, 'dryRun=false');
    const applyMs = Date.now() - applyStarted;
    expect(res.statusCode).toBe(200);
    expect(res.json().summary.positiveList.create).toBe(398);
    const [{ count }] = await w.t.dataSource.query(
      `SELECT count(*)::int AS count FROM enterprise WHERE district = '中牟县' AND name LIKE '正面清单企业%'`,
    );
    expect(count).toBe(398);
    process.stdout.write(
      `398 firms (${body.length} bytes): dry run ${dryMs} ms, import ${applyMs} ms\n`,
    );
    expect(applyMs).toBeLessThan(60_000);
  }, 120_000);
});
