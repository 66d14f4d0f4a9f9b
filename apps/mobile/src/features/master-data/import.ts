import {
  MASTER_DATA_SHEETS,
  ROUTES,
  routeUrl,
  type ImportProblem,
  type ImportReport,
  type ImportSummary,
} from '@qinqing/domain';

/** The sheets of the master-data workbook, in the order the import reads them. */
export const IMPORT_SHEETS = MASTER_DATA_SHEETS;
export type ImportSheet = (typeof IMPORT_SHEETS)[number];

export type ImportFileKind = 'xlsx' | 'csv';

export const IMPORT_CONTENT_TYPES: Record<ImportFileKind, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv',
};

export const TEMPLATE_PATH = ROUTES.masterDataTemplate.path;
export const EXPORT_PATH = ROUTES.exportMasterDataXlsx.path;
export const TEMPLATE_FILE_NAME = '企业主数据导入模板.xlsx';
export const EXPORT_FILE_NAME = '企业主数据.xlsx';

export const APPLY_CONFIRMATION = '导入将一次性写入全部数据，且记入审计日志。确定导入吗？';
export const NOTHING_IMPORTED = '未导入任何数据';
/** The mini-program cannot pick a spreadsheet (files from chats are out of scope). */
export const WEAPP_IMPORT_NOTICE = '请在电脑浏览器中打开本页面导入';

/** 'xlsx' or 'csv' by the file name's extension (any case); undefined for anything else. */
export function fileKindOf(fileName: string): ImportFileKind | undefined {
  const match = /\.([a-z0-9]+)$/i.exec(fileName.trim());
  const extension = match?.[1]?.toLowerCase();
  return extension === 'xlsx' || extension === 'csv' ? extension : undefined;
}

/** The Content-Type the API expects for the file, or undefined when it cannot be imported. */
export function contentTypeOf(fileName: string): string | undefined {
  const kind = fileKindOf(fileName);
  return kind ? IMPORT_CONTENT_TYPES[kind] : undefined;
}

/** POST /api/v1/master-data/import?dryRun=…[&sheet=…] (the sheet only for a CSV). */
export function importPath(dryRun: boolean, kind: ImportFileKind, sheet: ImportSheet): string {
  return routeUrl(
    ROUTES.importMasterData,
    {},
    { dryRun: dryRun ? 'true' : 'false', sheet: kind === 'csv' ? sheet : undefined },
  );
}

/** What the screen sends: the chosen file and how to read it. */
export interface ImportUpload {
  file: Blob;
  kind: ImportFileKind;
  sheet: ImportSheet;
  dryRun: boolean;
}

/** What identifies the chosen file and how it is read: a dry run counts only for the same one. */
export interface ImportSelection {
  name: string;
  size: number;
  lastModified: number;
  sheet: ImportSheet;
}

export function selectionKey(selection: ImportSelection): string {
  const kind = fileKindOf(selection.name);
  // The sheet matters only for a CSV (a workbook names its sheets itself).
  const sheet = kind === 'csv' ? selection.sheet : '';
  return [selection.name, selection.size, selection.lastModified, sheet].join('|');
}

/** The last dry run: for which selection, and what it found. */
export interface DryRunResult {
  key: string;
  report: ImportReport;
}

/** 确认导入 only after a dry run of this very selection that found no problem. */
export function canApply(
  selection: ImportSelection | undefined,
  dryRun: DryRunResult | undefined,
): boolean {
  if (!selection || !dryRun || !fileKindOf(selection.name)) return false;
  return (
    dryRun.key === selectionKey(selection) &&
    dryRun.report.dryRun &&
    dryRun.report.ok &&
    dryRun.report.problems.length === 0
  );
}

/** One line of the summary table: a sheet and its counts. */
export interface SummaryRow {
  key: 'firms' | 'gates' | 'positiveList' | 'units' | 'officers' | 'contacts';
  label: string;
  counts: { label: string; value: number }[];
}

export function summaryRows(summary: ImportSummary): SummaryRow[] {
  return [
    {
      key: 'firms',
      label: '企业',
      counts: [
        { label: '新增', value: summary.firms.create },
        { label: '更新', value: summary.firms.update },
        { label: '不变', value: summary.firms.unchanged },
      ],
    },
    {
      key: 'gates',
      label: '门岗',
      counts: [
        { label: '新增', value: summary.gates.create },
        { label: '更新', value: summary.gates.update },
        { label: '不变', value: summary.gates.unchanged },
      ],
    },
    {
      key: 'positiveList',
      label: '正面清单',
      counts: [
        { label: '新增', value: summary.positiveList.create },
        { label: '移出', value: summary.positiveList.end },
        { label: '不变', value: summary.positiveList.unchanged },
      ],
    },
    {
      key: 'units',
      label: '单位',
      counts: [
        { label: '新增', value: summary.units.create },
        { label: '调整上级', value: summary.units.update },
        { label: '不变', value: summary.units.unchanged },
      ],
    },
    ...(['officers', 'contacts'] as const).map((key) => ({
      key,
      label: key === 'officers' ? '执法人员' : '企业联系人',
      counts: [
        { label: '新增', value: summary[key].create },
        { label: '更新', value: summary[key].update },
        { label: '不变', value: summary[key].unchanged },
      ],
    })),
  ];
}

export function summaryRowText(row: SummaryRow): string {
  return `${row.label}：${row.counts.map((c) => `${c.label} ${c.value}`).join('，')}`;
}

export function gradesChangedText(summary: ImportSummary): string {
  return `信用等级变更：${summary.gradesChanged} 家`;
}

/** Whether the file changes nothing (e.g. an export imported back). */
export function changesNothing(summary: ImportSummary): boolean {
  return (
    summary.firms.create + summary.firms.update === 0 &&
    summary.gates.create + summary.gates.update === 0 &&
    summary.positiveList.create + summary.positiveList.end === 0 &&
    summary.gradesChanged === 0 &&
    (['units', 'officers', 'contacts'] as const).every(
      (key) => summary[key].create + summary[key].update === 0,
    )
  );
}

/** The verdict of a dry run, in words. */
export function dryRunVerdict(report: ImportReport): string {
  if (report.problems.length > 0) {
    return `发现 ${report.problems.length} 处问题，请在原表中改正后重新选择文件检查。`;
  }
  if (changesNothing(report.summary)) return '检查通过：文件与现有数据一致，导入不会改变任何数据。';
  return '检查通过，没有发现问题，可以确认导入。';
}

/** A refused import's words: always saying that nothing was imported. */
export function rejectionText(message: string): string {
  const text = message.trim();
  if (text.includes(NOTHING_IMPORTED)) return text;
  return text ? `${NOTHING_IMPORTED}。${text}` : `${NOTHING_IMPORTED}。`;
}

/** The sheets' order in the workbook first, then other sheets by name. */
function sheetRank(sheet: string): number {
  const index = (IMPORT_SHEETS as readonly string[]).indexOf(sheet);
  return index === -1 ? IMPORT_SHEETS.length : index;
}

/** Problems by sheet (workbook order), then row; the server's order within a row. */
export function sortProblems(problems: readonly ImportProblem[]): ImportProblem[] {
  return problems
    .map((problem, index) => ({ problem, index }))
    .sort(
      (a, b) =>
        sheetRank(a.problem.sheet) - sheetRank(b.problem.sheet) ||
        a.problem.sheet.localeCompare(b.problem.sheet) ||
        a.problem.row - b.problem.row ||
        a.index - b.index,
    )
    .map(({ problem }) => problem);
}

export interface ProblemGroup {
  sheet: string;
  problems: ImportProblem[];
}

/** Sorted problems, one group per sheet. */
export function groupProblems(problems: readonly ImportProblem[]): ProblemGroup[] {
  const groups: ProblemGroup[] = [];
  for (const problem of sortProblems(problems)) {
    const last = groups[groups.length - 1];
    if (last && last.sheet === problem.sheet) last.problems.push(problem);
    else groups.push({ sheet: problem.sheet, problems: [problem] });
  }
  return groups;
}

/** The row as a reader sees it: '' for a problem of the whole sheet (row 0 or less). */
export function rowText(problem: ImportProblem): string {
  return problem.row > 0 ? String(problem.row) : '—';
}

/** What the API answered to an import, read. */
export type ImportOutcome =
  | { kind: 'report'; report: ImportReport }
  /** 422: a real import found problems and changed nothing. */
  | { kind: 'rejected'; report: ImportReport; message: string };

function isReport(body: unknown): body is ImportReport {
  if (!body || typeof body !== 'object') return false;
  const candidate = body as Partial<ImportReport>;
  return Array.isArray(candidate.problems) && typeof candidate.summary === 'object';
}

/**
 * Reads an import answer: a 200 report, a 422 with the report (nothing imported), or an error
 * carrying the server's Chinese message.
 */
export function readImportResponse(status: number, body: unknown): ImportOutcome {
  if (status >= 200 && status < 300 && isReport(body)) return { kind: 'report', report: body };
  const message =
    body && typeof body === 'object' && typeof (body as { message?: unknown }).message === 'string'
      ? (body as { message: string }).message
      : '';
  if (status === 422 && isReport(body)) {
    return { kind: 'rejected', report: body, message };
  }
  if (status === 403) throw new Error(message || '只有系统管理员可以导入企业主数据。');
  if (status === 413) throw new Error('文件太大（上限 10 MB），请拆分后分别导入。');
  throw new Error(message || `导入失败（HTTP ${status}），请稍后重试。`);
}
