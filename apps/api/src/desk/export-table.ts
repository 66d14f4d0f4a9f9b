import { Workbook } from 'exceljs';

export type CellValue = string | number | null;

/** A sheet to export: headers with column widths (in characters), and rows of cells. */
export interface ExportTable {
  sheetName: string;
  columns: { header: string; width: number }[];
  rows: CellValue[][];
}

const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A text cell that a spreadsheet will not run as a formula (CSV injection): text starting with
 * = + - @ (or a tab or carriage return) gets a leading apostrophe.
 */
export function safeText(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

function safeCell(value: CellValue): CellValue {
  return typeof value === 'string' ? safeText(value) : value;
}

/** RFC 4180: quoted when it holds a quote, a comma or a line break; quotes doubled. */
function csvField(value: CellValue): string {
  if (value === null) return '';
  const text = typeof value === 'number' ? String(value) : safeText(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** UTF-8 with a byte order mark (so Excel and WPS read Chinese right), CRLF line ends. */
export function toCsv(table: ExportTable): Buffer {
  const lines = [table.columns.map((c) => c.header), ...table.rows].map(
    (row) => row.map(csvField).join(',') + '\r\n',
  );
  return Buffer.from(`\uFEFF${lines.join('')}`, 'utf8');
}

/** One sheet, the header row bold and frozen, columns as wide as declared. */
export async function toXlsx(table: ExportTable): Promise<Buffer> {
  const workbook = new Workbook();
  workbook.creator = '亲清';
  workbook.created = new Date();
  const sheet = workbook.addWorksheet(table.sheetName, {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  sheet.columns = table.columns.map((c) => ({ header: c.header, width: c.width }));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', wrapText: true };
  for (const row of table.rows) sheet.addRow(row.map(safeCell));
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: table.columns.length } };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
