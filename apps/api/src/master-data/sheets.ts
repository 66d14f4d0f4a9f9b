/**
 * The master-data workbook: its sheets and their Chinese headers, the one definition that the
 * template, the import and the export share.
 */

import { MASTER_DATA_SHEETS, type MasterDataSheet } from '@qinqing/domain';

export const SHEET_NAMES = MASTER_DATA_SHEETS;
export type SheetName = MasterDataSheet;
export const [FIRM_SHEET, GATE_SHEET, LIST_SHEET, UNIT_SHEET, OFFICER_SHEET, CONTACT_SHEET] =
  SHEET_NAMES;
/** A sheet of instructions in the template; ignored on import. */
export const README_SHEET = '说明';

export const FIRM_COLUMNS = {
  uscc: '统一社会信用代码',
  name: '企业名称',
  address: '地址',
  district: '所属区县',
  industry: '行业',
  creditGrade: '环境信用等级',
  supervisionClass: '监管类别',
  unit: '属地执法单位',
  liaison: '联络员执法证号',
} as const;

export const GATE_COLUMNS = {
  uscc: '统一社会信用代码',
  name: '门岗名称',
  lat: '纬度',
  lng: '经度',
  radiusM: '打卡半径（米）',
} as const;

export const LIST_COLUMNS = {
  uscc: '统一社会信用代码',
  batch: '批次',
  effectiveFrom: '生效日期',
  effectiveTo: '移出日期',
  removalReason: '移出原因',
} as const;

export const UNIT_COLUMNS = {
  name: '单位名称',
  parent: '上级单位',
  level: '层级',
} as const;

export const OFFICER_COLUMNS = {
  badgeNo: '执法证号',
  name: '姓名',
  unit: '所属单位',
  username: '用户名',
  phone: '手机',
} as const;

export const CONTACT_COLUMNS = {
  username: '用户名',
  name: '姓名',
  uscc: '统一社会信用代码',
  phone: '手机',
} as const;

export type FirmKey = keyof typeof FIRM_COLUMNS;
export type GateKey = keyof typeof GATE_COLUMNS;
export type ListKey = keyof typeof LIST_COLUMNS;

export interface SheetSpec {
  name: SheetName;
  columns: Record<string, string>;
  /** Columns the sheet must have (and every row must fill). */
  required: string[];
  /** Column widths in characters, in column order. */
  widths: number[];
}

export const SHEET_SPECS: Record<SheetName, SheetSpec> = {
  [FIRM_SHEET]: {
    name: FIRM_SHEET,
    columns: FIRM_COLUMNS,
    required: ['uscc', 'name', 'unit'],
    widths: [22, 32, 36, 16, 18, 14, 16, 30, 16],
  },
  [GATE_SHEET]: {
    name: GATE_SHEET,
    columns: GATE_COLUMNS,
    required: ['uscc', 'name', 'lat', 'lng'],
    widths: [22, 16, 12, 12, 14],
  },
  [LIST_SHEET]: {
    name: LIST_SHEET,
    columns: LIST_COLUMNS,
    required: ['uscc', 'batch', 'effectiveFrom'],
    widths: [22, 12, 14, 14, 30],
  },
  [UNIT_SHEET]: {
    name: UNIT_SHEET,
    columns: UNIT_COLUMNS,
    required: ['name', 'parent', 'level'],
    widths: [36, 36, 10],
  },
  [OFFICER_SHEET]: {
    name: OFFICER_SHEET,
    columns: OFFICER_COLUMNS,
    required: ['badgeNo', 'name', 'unit', 'username'],
    widths: [18, 12, 36, 18, 16],
  },
  [CONTACT_SHEET]: {
    name: CONTACT_SHEET,
    columns: CONTACT_COLUMNS,
    required: ['username', 'name', 'uscc'],
    widths: [18, 12, 22, 16],
  },
};

/** Columns a bureau's sheet often carries that the import reads past. */
export const IGNORED_HEADERS = ['序号', '备注'];

/** Headers compare without blanks and with half-width brackets read as full-width ones. */
export function normalizeHeader(header: string): string {
  return header.replace(/\s+/g, '').replace(/\(/g, '（').replace(/\)/g, '）');
}

export function isSheetName(name: string): name is SheetName {
  return (SHEET_NAMES as readonly string[]).includes(name);
}

export type { ImportProblem } from '@qinqing/domain';
