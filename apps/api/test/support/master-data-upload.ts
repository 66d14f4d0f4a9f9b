import { usccCheckCharacter } from '@qinqing/domain';
import { Workbook } from 'exceljs';
import type { LightMyRequestResponse } from 'fastify';
import type { ApiUser } from './api-client';
import type { DemoWorld } from './demo-world';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The headers of each sheet of the master-data workbook, as the template writes them. */
export const SHEET_HEADERS = {
  企业: [
    '统一社会信用代码',
    '企业名称',
    '地址',
    '所属区县',
    '行业',
    '环境信用等级',
    '监管类别',
    '属地执法单位',
    '联络员执法证号',
  ],
  门岗: ['统一社会信用代码', '门岗名称', '纬度', '经度', '打卡半径（米）'],
  正面清单: ['统一社会信用代码', '批次', '生效日期', '移出日期', '移出原因'],
  单位: ['单位名称', '上级单位', '层级'],
  执法人员: ['执法证号', '姓名', '所属单位', '用户名', '手机'],
  企业联系人: ['用户名', '姓名', '统一社会信用代码', '手机'],
};

export type Cell = string | number | Date | null;
export type Sheets = Partial<Record<keyof typeof SHEET_HEADERS, Cell[][]>>;

/** A format-valid USCC (correct check character) for test firm number n. */
export function uscc(n: number, division = '410100'): string {
  const first17 = `91${division}MA${String(n).padStart(7, '0')}`;
  return first17 + usccCheckCharacter(first17);
}

/** An XLSX workbook of these sheets, each with its template headers unless given others. */
export async function workbook(
  sheets: Sheets,
  headers: Partial<Record<string, string[]>> = {},
): Promise<Buffer> {
  const book = new Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const sheet = book.addWorksheet(name);
    sheet.addRow(headers[name] ?? SHEET_HEADERS[name as keyof typeof SHEET_HEADERS]);
    for (const row of rows) sheet.addRow(row);
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** POST /master-data/import with the file as the raw body. */
export function upload(
  w: DemoWorld,
  user: ApiUser,
  body: Buffer | string,
  query: string,
  contentType = XLSX_TYPE,
): Promise<LightMyRequestResponse> {
  return w.t.inject({
    method: 'POST',
    url: `/api/v1/master-data/import?${query}`,
    headers: { authorization: `Bearer ${user.token}`, 'content-type': contentType },
    payload: body,
  });
}
