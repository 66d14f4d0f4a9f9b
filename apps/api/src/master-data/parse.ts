import { Workbook, type CellValue } from 'exceljs';
import { MEDIA_TYPES } from '@qinqing/domain/schemas';
import { DomainException } from '../common/errors/domain.exception';
import { textProblem } from '../common/input-limits';
import {
  IGNORED_HEADERS,
  type ImportProblem,
  isSheetName,
  normalizeHeader,
  README_SHEET,
  SHEET_NAMES,
  SHEET_SPECS,
  type SheetName,
} from './sheets';
import { declaredUncompressedSize } from './zip-size';

export const XLSX_TYPE = MEDIA_TYPES.xlsx;

/** What the parts of an uploaded workbook may add up to, unpacked. */
export const MAX_UNPACKED_BYTES = 200 * 1024 * 1024;

/** More rows than a bureau keeps in one sheet: refused before any validation. */
export const MAX_ROWS_PER_SHEET = 20_000;

/** A data row: its spreadsheet row number and its cells by column key (trimmed, '' if blank). */
export interface RawRow {
  row: number;
  cells: Record<string, string>;
}

export interface RawSheet {
  name: SheetName;
  rows: RawRow[];
}

export interface ParsedUpload {
  format: 'xlsx' | 'csv';
  sheets: RawSheet[];
  /** Header problems: missing or unknown columns. */
  problems: ImportProblem[];
  /** Sheets of the workbook the import does not read. */
  ignoredSheets: string[];
}

/** A sheet as rows of cell texts with their spreadsheet row numbers; blank rows left out. */
interface Grid {
  name: string;
  lines: { row: number; values: string[] }[];
}

function notASpreadsheet(message: string): DomainException {
  return new DomainException(
    'VALIDATION_FAILED',
    { errors: [{ field: 'body', message }] },
    message,
  );
}

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/**
 * Reads the uploaded body (an XLSX workbook, or a CSV file holding the sheet `csvSheet`) into
 * sheets of rows keyed by column. Anything that is not a spreadsheet is a 400 with a Chinese message.
 */
export async function parseUpload(
  body: unknown,
  contentType: string | undefined,
  csvSheet: SheetName,
): Promise<ParsedUpload> {
  const bytes =
    typeof body === 'string' ? Buffer.from(body, 'utf8') : Buffer.isBuffer(body) ? body : null;
  if (!bytes || bytes.length === 0) {
    throw notASpreadsheet('请上传 Excel 工作簿（.xlsx）或 CSV 文件作为请求内容。');
  }
  const type = (contentType ?? '').split(';')[0].trim().toLowerCase();
  const looksZipped = bytes.subarray(0, 4).equals(ZIP_MAGIC);
  if (type === XLSX_TYPE || looksZipped) {
    if (!looksZipped) throw notASpreadsheet('上传的文件不是有效的 Excel 工作簿（.xlsx）。');
    return fromGrids('xlsx', await readXlsx(bytes));
  }
  return fromGrids('csv', [{ name: csvSheet, lines: readCsv(decodeText(bytes)) }]);
}

async function readXlsx(bytes: Buffer): Promise<Grid[]> {
  const unpacked = declaredUncompressedSize(bytes);
  if (unpacked === null || unpacked > MAX_UNPACKED_BYTES) {
    throw notASpreadsheet(
      '上传的 Excel 工作簿无法读取或解压后过大，请检查文件或分成多个文件导入。',
    );
  }
  const workbook = new Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw notASpreadsheet('上传的文件不是有效的 Excel 工作簿（.xlsx），无法读取。');
  }
  return workbook.worksheets.map((sheet) => {
    const lines: Grid['lines'] = [];
    sheet.eachRow({ includeEmpty: false }, (row) => {
      const values: string[] = [];
      row.eachCell({ includeEmpty: true }, (cell, column) => {
        const text = cellText(cell.value);
        // a workbook can encode NUL and half surrogate pairs (_x0000_): PostgreSQL stores neither
        if (textProblem(text)) {
          throw notASpreadsheet(
            `工作表“${sheet.name}”第${row.number}行第${column}列含有不允许的字符（空字符或无效的 Unicode 字符），请检查后重新上传。`,
          );
        }
        values[column - 1] = text;
      });
      lines.push({ row: row.number, values: Array.from(values, (v) => v ?? '') });
    });
    return { name: sheet.name.trim(), lines };
  });
}

/** The text a person sees in a cell; a date cell as YYYY-MM-DD. */
function cellText(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((part) => part.text).join('');
    if ('result' in value) return cellText((value.result ?? null) as CellValue);
    if ('text' in value) return String(value.text);
    if ('error' in value) return String(value.error);
    return '';
  }
  return String(value);
}

/**
 * UTF-8 (with or without a byte order mark), else GB18030: Excel and WPS on Chinese Windows save
 * CSV in the local code page. Binary content is refused.
 */
function decodeText(bytes: Buffer): string {
  if (bytes.includes(0))
    throw notASpreadsheet('上传的文件不是 CSV 文本文件，请上传 .xlsx 或 .csv 文件。');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    try {
      text = new TextDecoder('gb18030', { fatal: true }).decode(bytes);
    } catch {
      throw notASpreadsheet('无法识别 CSV 文件的字符编码，请另存为“CSV UTF-8”格式后重新上传。');
    }
  }
  return text.replace(/^\uFEFF/, '');
}

/** RFC 4180 CSV: quoted fields may hold commas, quotes ("") and line breaks. */
export function readCsv(text: string): Grid['lines'] {
  const lines: Grid['lines'] = [];
  let values: string[] = [];
  let field = '';
  let quoted = false;
  let row = 1;
  let startRow = 1;
  const endLine = () => {
    values.push(field);
    if (values.some((v) => v.trim() !== '')) lines.push({ row: startRow, values });
    values = [];
    field = '';
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else {
        if (ch === '\n') row++;
        field += ch;
      }
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === ',') {
      values.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      endLine();
      row++;
      startRow = row;
    } else field += ch;
  }
  if (field !== '' || values.length > 0) endLine();
  return lines;
}

function fromGrids(format: ParsedUpload['format'], grids: Grid[]): ParsedUpload {
  const result: ParsedUpload = { format, sheets: [], problems: [], ignoredSheets: [] };
  for (const grid of grids) {
    if (!isSheetName(grid.name)) {
      if (grid.name !== README_SHEET) result.ignoredSheets.push(grid.name);
      continue;
    }
    if (grid.lines.length - 1 > MAX_ROWS_PER_SHEET) {
      throw notASpreadsheet(
        `工作表“${grid.name}”超过 ${MAX_ROWS_PER_SHEET} 行，请分成多个文件导入。`,
      );
    }
    result.sheets.push(toRawSheet(grid.name, grid, result.problems));
  }
  if (result.sheets.length === 0) {
    throw notASpreadsheet(
      `文件中没有可导入的工作表：工作表应命名为${SHEET_NAMES.map((n) => `“${n}”`).join('、')}之一（CSV 文件用 sheet 参数指明）。`,
    );
  }
  return result;
}

/** Maps the header row (the first non-blank row) to column keys; reports missing and unknown columns. */
function toRawSheet(name: SheetName, grid: Grid, problems: ImportProblem[]): RawSheet {
  const spec = SHEET_SPECS[name];
  const byHeader = new Map(
    Object.entries(spec.columns).map(([key, header]) => [normalizeHeader(header), key]),
  );
  const [header, ...data] = grid.lines;
  const keyAt: (string | null)[] = [];
  const seen = new Set<string>();
  for (const [index, text] of (header?.values ?? []).entries()) {
    const normalized = normalizeHeader(text);
    const key = byHeader.get(normalized) ?? null;
    keyAt[index] = key && !seen.has(key) ? key : null;
    if (key && seen.has(key)) {
      problems.push({
        sheet: name,
        row: header.row,
        column: text,
        value: text,
        message: `列“${text}”重复`,
      });
    }
    if (key) seen.add(key);
    else if (normalized !== '' && !IGNORED_HEADERS.includes(normalized)) {
      problems.push({
        sheet: name,
        row: header.row,
        column: text,
        value: text,
        message: `无法识别的列“${text}”：列名应为 ${Object.values(spec.columns).join('、')}`,
      });
    }
  }
  for (const key of spec.required) {
    if (!seen.has(key)) {
      problems.push({
        sheet: name,
        row: header?.row ?? 1,
        column: spec.columns[key],
        value: '',
        message: `缺少必填列“${spec.columns[key]}”`,
      });
    }
  }
  const rows = data.map((line) => {
    const cells: Record<string, string> = {};
    for (const key of Object.keys(spec.columns)) cells[key] = '';
    line.values.forEach((value, index) => {
      const key = keyAt[index];
      if (key) cells[key] = unescapeFormula(value.trim());
    });
    return { row: line.row, cells };
  });
  return { name, rows };
}

/** Undoes the export's guard against formulas (a leading apostrophe before = + - @). */
function unescapeFormula(text: string): string {
  return /^'[=+\-@]/.test(text) ? text.slice(1) : text;
}
