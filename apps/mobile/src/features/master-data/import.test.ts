import type { ImportProblem, ImportReport, ImportSummary } from '@qinqing/domain';

import {
  CREDENTIALS_PATH,
  createdAccountsText,
  credentialsRequest,
} from '../credentials/credentials';
import {
  canApply,
  changesNothing,
  contentTypeOf,
  dryRunVerdict,
  fileKindOf,
  gradesChangedText,
  groupProblems,
  importPath,
  readImportResponse,
  rejectionText,
  rowText,
  selectionKey,
  sortProblems,
  summaryRows,
  summaryRowText,
  type ImportSelection,
} from './import';

const SUMMARY: ImportSummary = {
  firms: { create: 3, update: 2, unchanged: 393 },
  gates: { create: 4, update: 0, unchanged: 10 },
  positiveList: { create: 5, end: 1, unchanged: 120 },
  gradesChanged: 2,
  units: { create: 2, update: 1, unchanged: 4 },
  officers: { create: 6, update: 1, unchanged: 30 },
  contacts: { create: 3, update: 0, unchanged: 8 },
};
const UNCHANGED: ImportSummary = {
  firms: { create: 0, update: 0, unchanged: 398 },
  gates: { create: 0, update: 0, unchanged: 14 },
  positiveList: { create: 0, end: 0, unchanged: 126 },
  gradesChanged: 0,
  units: { create: 0, update: 0, unchanged: 5 },
  officers: { create: 0, update: 0, unchanged: 37 },
  contacts: { create: 0, update: 0, unchanged: 11 },
};

function report(problems: ImportProblem[] = [], dryRun = true): ImportReport {
  return { ok: problems.length === 0, dryRun, summary: SUMMARY, problems, ignoredSheets: [] };
}

function problem(sheet: string, row: number, column = '', message = '问题'): ImportProblem {
  return { sheet, row, column, value: 'x', message };
}

const XLSX: ImportSelection = { name: '企业.xlsx', size: 1000, lastModified: 1, sheet: '企业' };
const CSV: ImportSelection = { name: 'gates.CSV', size: 200, lastModified: 2, sheet: '门岗' };

describe('file kind and content type', () => {
  it('reads the extension in any case and refuses other files', () => {
    expect(fileKindOf('企业名单.xlsx')).toBe('xlsx');
    expect(fileKindOf('GATES.CSV')).toBe('csv');
    expect(fileKindOf('old.xls')).toBeUndefined();
    expect(fileKindOf('xlsx')).toBeUndefined();
    expect(fileKindOf('名单.xlsx.pdf')).toBeUndefined();
    expect(contentTypeOf('a.xlsx')).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(contentTypeOf('a.csv')).toBe('text/csv');
    expect(contentTypeOf('a.txt')).toBeUndefined();
  });

  it('names the sheet in the path only for a CSV', () => {
    expect(importPath(true, 'xlsx', '门岗')).toBe('/api/v1/master-data/import?dryRun=true');
    expect(importPath(false, 'csv', '正面清单')).toBe(
      `/api/v1/master-data/import?dryRun=false&sheet=${encodeURIComponent('正面清单')}`,
    );
  });
});

describe('canApply', () => {
  it('allows the import only after a clean dry run of the same selection', () => {
    const clean = { key: selectionKey(XLSX), report: report() };
    expect(canApply(XLSX, clean)).toBe(true);
    expect(canApply(undefined, clean)).toBe(false);
    expect(canApply(XLSX, undefined)).toBe(false);
    expect(canApply({ ...XLSX, size: 1001 }, clean)).toBe(false);
    expect(canApply({ ...XLSX, lastModified: 9 }, clean)).toBe(false);
    expect(canApply({ ...XLSX, name: '别的.xlsx' }, clean)).toBe(false);
  });

  it('refuses after a dry run with problems, or a report that was not a dry run', () => {
    const key = selectionKey(XLSX);
    expect(canApply(XLSX, { key, report: report([problem('企业', 3)]) })).toBe(false);
    expect(canApply(XLSX, { key, report: report([], false) })).toBe(false);
  });

  it('counts the sheet for a CSV only', () => {
    const csvRun = { key: selectionKey(CSV), report: report() };
    expect(canApply(CSV, csvRun)).toBe(true);
    expect(canApply({ ...CSV, sheet: '企业' }, csvRun)).toBe(false);
    const xlsxRun = { key: selectionKey(XLSX), report: report() };
    expect(canApply({ ...XLSX, sheet: '正面清单' }, xlsxRun)).toBe(true);
  });
});

describe('summary', () => {
  it('gives 新增/更新/不变 per sheet and the grade changes', () => {
    expect(summaryRows(SUMMARY).map(summaryRowText)).toEqual([
      '企业：新增 3，更新 2，不变 393',
      '门岗：新增 4，更新 0，不变 10',
      '正面清单：新增 5，移出 1，不变 120',
      '单位：新增 2，调整上级 1，不变 4',
      '执法人员：新增 6，更新 1，不变 30',
      '企业联系人：新增 3，更新 0，不变 8',
    ]);
    expect(gradesChangedText(SUMMARY)).toBe('信用等级变更：2 家');
  });

  it('tells a file that changes nothing from one that does', () => {
    expect(changesNothing(UNCHANGED)).toBe(true);
    expect(changesNothing(SUMMARY)).toBe(false);
    expect(changesNothing({ ...UNCHANGED, gradesChanged: 1 })).toBe(false);
    expect(
      changesNothing({ ...UNCHANGED, positiveList: { create: 0, end: 1, unchanged: 0 } }),
    ).toBe(false);
    expect(changesNothing({ ...UNCHANGED, units: { create: 0, update: 1, unchanged: 4 } })).toBe(
      false,
    );
    expect(
      changesNothing({ ...UNCHANGED, contacts: { create: 1, update: 0, unchanged: 11 } }),
    ).toBe(false);
    expect(dryRunVerdict({ ...report(), summary: UNCHANGED })).toContain('不会改变任何数据');
    expect(dryRunVerdict(report())).toContain('可以确认导入');
    expect(dryRunVerdict(report([problem('企业', 2), problem('门岗', 3)]))).toContain('2 处问题');
  });
});

describe('problems', () => {
  const problems = [
    problem('正面清单', 4, '批次', 'a'),
    problem('门岗', 9, '纬度', 'b'),
    problem('企业', 12, '所属区县', 'c'),
    problem('企业', 3, '统一社会信用代码', 'd'),
    problem('企业', 12, '统一社会信用代码', 'e'),
    problem('其他表', 1, '', 'f'),
    problem('门岗', 2, '', 'g'),
  ];

  it('sorts by workbook sheet order, then row, keeping the server order within a row', () => {
    expect(sortProblems(problems).map((p) => p.message)).toEqual([
      'd',
      'c',
      'e',
      'g',
      'b',
      'a',
      'f',
    ]);
    // The input is left as it was.
    expect(problems[0]?.message).toBe('a');
  });

  it('groups by sheet', () => {
    expect(
      groupProblems(problems).map((g) => [g.sheet, g.problems.map((p) => p.message).join('')]),
    ).toEqual([
      ['企业', 'dce'],
      ['门岗', 'gb'],
      ['正面清单', 'a'],
      ['其他表', 'f'],
    ]);
    expect(groupProblems([])).toEqual([]);
  });

  it('shows a whole-sheet problem without a row number', () => {
    expect(rowText(problem('企业', 0))).toBe('—');
    expect(rowText(problem('企业', 7))).toBe('7');
  });
});

describe('readImportResponse', () => {
  it('reads a report', () => {
    const body = report([problem('企业', 2)]);
    expect(readImportResponse(200, body)).toEqual({ kind: 'report', report: body });
  });

  it('reads a 422 as a refused import with its report and message', () => {
    const body = {
      code: 'VALIDATION_FAILED',
      message: '导入文件有1处问题，未导入任何数据。',
      ...report([problem('门岗', 5)], false),
    };
    const outcome = readImportResponse(422, body);
    expect(outcome.kind).toBe('rejected');
    expect(outcome.report.problems).toHaveLength(1);
    expect(outcome.kind === 'rejected' && outcome.message).toBe(body.message);
  });

  it("throws the server's Chinese message for other errors", () => {
    expect(() =>
      readImportResponse(400, {
        code: 'VALIDATION_FAILED',
        message: '文件不是有效的 XLSX 工作簿。',
      }),
    ).toThrow('文件不是有效的 XLSX 工作簿。');
    expect(() => readImportResponse(422, { code: 'X', message: '请求有误。' })).toThrow(
      '请求有误。',
    );
    expect(() => readImportResponse(500, undefined)).toThrow('导入失败（HTTP 500）');
    expect(() => readImportResponse(413, { message: 'Request body is too large' })).toThrow(
      '文件太大',
    );
    expect(() => readImportResponse(200, { hello: 1 })).toThrow('HTTP 200');
  });

  it('always says that nothing was imported when refused', () => {
    expect(rejectionText('导入文件有2处问题，未导入任何数据。')).toBe(
      '导入文件有2处问题，未导入任何数据。',
    );
    expect(rejectionText('数据有误')).toBe('未导入任何数据。数据有误');
    expect(rejectionText('')).toBe('未导入任何数据。');
  });
});

describe('the printable one-time passwords', () => {
  const account = (role: 'officer' | 'enterprise', n: number) => ({
    userId: `u${n}`,
    username: `user${n}`,
    displayName: `用户${n}`,
    role,
    unit: role === 'officer' ? '金水分局' : null,
    firms: role === 'officer' ? [] : ['郑州思念食品有限公司'],
    oneTimePassword: `Pass${n}word23`,
  });

  it('counts the accounts created by role and sends back only ids and passwords', () => {
    const accounts = [account('officer', 1), account('officer', 2), account('enterprise', 3)];
    expect(createdAccountsText(accounts)).toBe(
      '本次新建 3 个账号（执法人员 2 个，企业联系人 1 个），每个账号有一个一次性密码。',
    );
    expect(createdAccountsText([account('enterprise', 4)])).toBe(
      '本次新建 1 个账号（企业联系人 1 个），每个账号有一个一次性密码。',
    );
    expect(credentialsRequest(accounts)).toEqual({
      accounts: [
        { userId: 'u1', oneTimePassword: 'Pass1word23' },
        { userId: 'u2', oneTimePassword: 'Pass2word23' },
        { userId: 'u3', oneTimePassword: 'Pass3word23' },
      ],
    });
    expect(CREDENTIALS_PATH).toBe('/api/v1/users/credentials-sheet');
  });
});
