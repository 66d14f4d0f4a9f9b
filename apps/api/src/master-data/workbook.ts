import { CREDIT_GRADE_LABELS, SUPERVISION_CLASS_LABELS } from '@qinqing/domain';
import { Workbook, type Worksheet } from 'exceljs';
import { type CellValue, type ExportTable, safeText } from '../desk/export-table';
import {
  FIRM_COLUMNS,
  FIRM_SHEET,
  GATE_SHEET,
  IGNORED_HEADERS,
  LIST_SHEET,
  README_SHEET,
  SHEET_SPECS,
  SHEET_NAMES,
  type SheetName,
  UNIT_SHEET,
  OFFICER_SHEET,
  CONTACT_SHEET,
} from './sheets';
import { type Snapshot, unitLabel, type UnitState } from './snapshot';
import { unitLevelLabel } from './units-sheet';
import { CHINA_LAT, CHINA_LNG, RADIUS_M } from './validate';

/** Rows of the sheets (header excluded), as the export writes and the import reads them back. */
export function masterDataTables(snapshot: Snapshot): Record<SheetName, ExportTable> {
  const badge = new Map(snapshot.officers.map((o) => [o.id, o.badgeNumber]));
  const firmRows: CellValue[][] = snapshot.firms.map((f) => [
    f.uscc,
    f.name,
    f.address,
    f.district,
    f.industry,
    CREDIT_GRADE_LABELS[f.creditGrade],
    SUPERVISION_CLASS_LABELS[f.supervisionClass],
    unitLabel(snapshot, f.unitId),
    (f.liaisonOfficerId && badge.get(f.liaisonOfficerId)) || '',
  ]);
  const gateRows: CellValue[][] = snapshot.firms.flatMap((f) =>
    (snapshot.gatesByFirm.get(f.id) ?? []).map((g) => [f.uscc, g.name, g.lat, g.lng, g.radiusM]),
  );
  const listRows: CellValue[][] = snapshot.firms.flatMap((f) =>
    (snapshot.entriesByFirm.get(f.id) ?? []).map((e) => [
      f.uscc,
      e.batch,
      e.effectiveFrom,
      e.effectiveTo,
      e.removalReason,
    ]),
  );
  return {
    [FIRM_SHEET]: table(FIRM_SHEET, firmRows),
    [GATE_SHEET]: table(GATE_SHEET, gateRows),
    [LIST_SHEET]: table(LIST_SHEET, listRows),
    ...peopleTables(snapshot),
  };
}

/** The 单位, 执法人员 and 企业联系人 sheets: units parents first, then the accounts by username. */
function peopleTables(snapshot: Snapshot): Record<PeopleSheet, ExportTable> {
  const nameOf = new Map(snapshot.units.map((u) => [u.id, u.name]));
  const unitRows: CellValue[][] = parentsFirst(snapshot.units).map((u) => [
    u.name,
    (u.parentId && nameOf.get(u.parentId)) || '',
    unitLevelLabel(u, snapshot.units),
  ]);
  const officerRows: CellValue[][] = snapshot.accounts
    .filter((a) => a.role === 'officer' && a.badgeNumber)
    .map((a) => [
      a.badgeNumber,
      a.name,
      a.unitId ? unitLabel(snapshot, a.unitId) : '',
      a.username,
      a.phone ?? '',
    ]);
  const usccOf = new Map(snapshot.firms.map((f) => [f.id, f.uscc]));
  const contactRows: CellValue[][] = snapshot.accounts
    .filter((a) => a.role === 'enterprise')
    .flatMap((a) =>
      a.firmIds.map((id) => [a.username, a.name, usccOf.get(id) ?? '', a.phone ?? '']),
    );
  return {
    [UNIT_SHEET]: table(UNIT_SHEET, unitRows),
    [OFFICER_SHEET]: table(OFFICER_SHEET, officerRows),
    [CONTACT_SHEET]: table(CONTACT_SHEET, contactRows),
  };
}

type PeopleSheet = typeof UNIT_SHEET | typeof OFFICER_SHEET | typeof CONTACT_SHEET;

/** Units ordered so that each comes after its parent (top units first, siblings by code). */
function parentsFirst(units: UnitState[]): UnitState[] {
  const ordered: UnitState[] = [];
  const walk = (parentId: string | null) => {
    for (const unit of units.filter((u) => u.parentId === parentId)) {
      ordered.push(unit);
      walk(unit.id);
    }
  };
  walk(null);
  return ordered;
}

/** The empty sheets with their headers, and a 说明 sheet naming the values the import accepts. */
export function templateTables(): Record<SheetName, ExportTable> {
  return Object.fromEntries(SHEET_NAMES.map((name) => [name, table(name, [])])) as Record<
    SheetName,
    ExportTable
  >;
}

function table(name: SheetName, rows: CellValue[][]): ExportTable {
  const spec = SHEET_SPECS[name];
  return {
    sheetName: name,
    columns: Object.values(spec.columns).map((header, i) => ({ header, width: spec.widths[i] })),
    rows,
  };
}

/** A workbook of the three sheets (USCC and date columns as text), with the 说明 sheet first. */
export async function toWorkbook(
  tables: Record<SheetName, ExportTable>,
  snapshot: Snapshot,
): Promise<Buffer> {
  const workbook = new Workbook();
  workbook.creator = '亲清';
  workbook.created = new Date();
  addReadme(workbook.addWorksheet(README_SHEET), snapshot);
  for (const name of SHEET_NAMES) addTable(workbook, tables[name]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function addTable(workbook: Workbook, data: ExportTable): void {
  const sheet = workbook.addWorksheet(data.sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = data.columns.map((c) => ({
    header: c.header,
    width: c.width,
    // text, so that Excel keeps an all-digit USCC and typed dates as they are
    style: /统一社会信用代码|日期|执法证号|手机|用户名/.test(c.header) ? { numFmt: '@' } : {},
  }));
  sheet.getRow(1).font = { bold: true };
  for (const row of data.rows) {
    sheet.addRow(row.map((cell) => (typeof cell === 'string' ? safeText(cell) : cell)));
  }
  const last = Math.max(data.rows.length + 1, 2000);
  if (data.sheetName === FIRM_SHEET) {
    const headers: string[] = Object.values(FIRM_COLUMNS);
    const range = (header: string) => {
      const letter = String.fromCharCode(65 + headers.indexOf(header));
      return `${letter}2:${letter}${last}`;
    };
    listValidation(sheet, range(FIRM_COLUMNS.creditGrade), Object.values(CREDIT_GRADE_LABELS));
    listValidation(
      sheet,
      range(FIRM_COLUMNS.supervisionClass),
      Object.values(SUPERVISION_CLASS_LABELS),
    );
  }
}

function listValidation(sheet: Worksheet, range: string, values: string[]): void {
  (
    sheet as Worksheet & {
      dataValidations: { add(range: string, rule: Record<string, unknown>): void };
    }
  ).dataValidations.add(range, {
    type: 'list',
    allowBlank: true,
    formulae: [`"${values.join(',')}"`],
    showErrorMessage: true,
    errorTitle: '取值不正确',
    error: `请从下拉列表中选择：${values.join('、')}`,
  });
}

function addReadme(sheet: Worksheet, snapshot: Snapshot): void {
  sheet.columns = [{ width: 110 }];
  const lines = [
    '企业、门岗、正面清单、单位、执法人员、企业联系人批量导入说明',
    '',
    '• 工作表名称和列名须与本模板一致（可另有“序号”“备注”列）；第1行为列名。',
    '• 填好后，在“企业主数据导入”页面选择本文件，先点“检查（不导入）”：页面逐行逐列列出全部问题，不改动任何数据；改正后再检查，没有问题时点“确认导入”。导入要么全部成功，要么全部不导入。',
    '• 企业按统一社会信用代码匹配：已有的企业按表中内容更新，没有的新建；可选列留空表示保持原值（新企业取默认值：未评级、一般监管对象）。',
    '• 门岗按“统一社会信用代码 + 门岗名称”匹配；纬度、经度必填（中国境内：纬度' +
      `${CHINA_LAT.min}～${CHINA_LAT.max}，经度${CHINA_LNG.min}～${CHINA_LNG.max}）；打卡半径为${RADIUS_M.min}～${RADIUS_M.max}米的整数，留空则用策略默认值。`,
    '• 正面清单每行是一段列入期间，按“统一社会信用代码 + 生效日期”匹配；日期格式为 YYYY-MM-DD。移出日期为在清单内的最后一天，填写移出日期时须填写移出原因。',
    '• 清单历史只增不改：已移出的记录不能修改；在册记录只能补填移出日期；同一企业的期间不能重叠。导入不会删除任何企业、门岗或清单记录。',
    '• 单位按“单位名称”匹配：新名称即新建单位；上级单位填写单位名称（可以是本表中另一行，顺序不限），只有最上级的支队可以不填；层级为支队、分局、大队或中队（中队按大队级保存）。导入可以调整已有单位的上级单位，不能改名、不能改层级，上级单位不能形成循环。',
    '• 执法人员按“执法证号”匹配：已有的执法人员只更新姓名、所属单位和手机（手机留空表示保持原值），用户名不能修改；新的执法人员新建账号。所属单位填写系统中或“单位”表中的单位名称。',
    '• 企业联系人按“用户名”匹配：同一用户名写在多行即绑定多家企业（导入只增加绑定，不解除已有绑定）；企业填写统一社会信用代码（系统中或“企业”表中的企业）；新建的联系人须填写手机。',
    '• 导入新建的账号各有一个一次性密码，只在导入完成的页面显示一次（可打印初始密码清单）；首次登录后须修改密码。离开该页面后无法再次打印，可在账号管理中重置密码。',
    '• 每项变更都记入审计日志（环境信用等级的变更保留变更前后的值；审计日志中不含任何密码）。',
    '',
    `环境信用等级：${Object.values(CREDIT_GRADE_LABELS).join('、')}`,
    `监管类别：${Object.values(SUPERVISION_CLASS_LABELS).join('、')}`,
    `属地执法单位（填名称或代码）：${snapshot.units.map((u) => `${u.name}（${u.code}）`).join('、')}`,
    `所属区县（本辖区已有企业所在的区县；新的区县请先在系统中登记一家该区县的企业）：${snapshot.districts.join('、') || '（暂无）'}`,
    `联络员执法证号：系统中执法人员的执法证号。可忽略的列：${IGNORED_HEADERS.join('、')}`,
  ];
  lines.forEach((line, i) => {
    sheet.getCell(`A${i + 1}`).value = line;
    sheet.getCell(`A${i + 1}`).alignment = { wrapText: true, vertical: 'top' };
  });
  sheet.getCell('A1').font = { bold: true, size: 14 };
}
