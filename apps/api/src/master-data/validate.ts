import {
  checkUscc,
  isCalendarDate,
  CREDIT_GRADE_LABELS,
  type CreditGrade,
  FIELD_LIMITS,
  SUPERVISION_CLASS_LABELS,
  type SupervisionClass,
} from '@qinqing/domain';
import type { ParsedUpload, RawRow } from './parse';
import {
  FIRM_COLUMNS,
  FIRM_SHEET,
  GATE_COLUMNS,
  GATE_SHEET,
  type ImportProblem,
  LIST_COLUMNS,
  LIST_SHEET,
  OFFICER_SHEET,
  CONTACT_SHEET,
  SHEET_SPECS,
  type SheetName,
  UNIT_SHEET,
} from './sheets';
import { type AccountsPlan, planAccounts } from './accounts-sheets';
import type { Snapshot } from './snapshot';
import { planUnits, type UnitsPlan } from './units-sheet';

/** A valid row of the 企业 sheet. Optional cells left blank are undefined: "keep as it is". */
export interface FirmRow {
  row: number;
  uscc: string;
  name: string;
  unitId: string;
  address?: string;
  district?: string;
  industry?: string;
  creditGrade?: CreditGrade;
  supervisionClass?: SupervisionClass;
  liaisonOfficerId?: string;
}

export interface GateRow {
  row: number;
  uscc: string;
  name: string;
  lat: number;
  lng: number;
  radiusM?: number;
}

export interface EntryRow {
  row: number;
  uscc: string;
  batch: string;
  effectiveFrom: string;
  effectiveTo: string | null;
  removalReason: string | null;
}

export interface ValidRows {
  units: UnitsPlan;
  accounts: AccountsPlan;
  firms: FirmRow[];
  gates: GateRow[];
  entries: EntryRow[];
  problems: ImportProblem[];
}

/** Mainland China, islands included: wider than any bureau's area, narrow enough to catch swaps. */
export const CHINA_LAT = { min: 3.8, max: 53.6 };
export const CHINA_LNG = { min: 73.5, max: 135.1 };
export const RADIUS_M = FIELD_LIMITS.gateRadiusM;
const GATE_NAME_MAX = FIELD_LIMITS.gateName;

/** The same sizes as the API's request schemas and the columns (libs/domain FIELD_LIMITS). */
const LIMITS: Record<SheetName, Record<string, number>> = {
  [FIRM_SHEET]: {
    name: FIELD_LIMITS.enterpriseName,
    address: FIELD_LIMITS.enterpriseAddress,
    district: FIELD_LIMITS.enterpriseDistrict,
    industry: FIELD_LIMITS.enterpriseIndustry,
  },
  [GATE_SHEET]: {},
  [LIST_SHEET]: {
    batch: FIELD_LIMITS.positiveListBatch,
    removalReason: FIELD_LIMITS.positiveListRemovalReason,
  },
  [UNIT_SHEET]: { name: FIELD_LIMITS.unitName },
  [OFFICER_SHEET]: { badgeNo: FIELD_LIMITS.badgeNumber, name: FIELD_LIMITS.displayName },
  [CONTACT_SHEET]: { name: FIELD_LIMITS.displayName },
};

const GRADE_BY_LABEL = invert(CREDIT_GRADE_LABELS);
const CLASS_BY_LABEL = invert(SUPERVISION_CLASS_LABELS);

/** Checks every row of every sheet against the rules and the reference data; never stops early. */
export function validateRows(upload: ParsedUpload, snapshot: Snapshot): ValidRows {
  const problems = [...upload.problems];
  const sheet = (name: SheetName) => upload.sheets.find((s) => s.name === name)?.rows ?? [];
  const firmUsccsInSheet = new Set<string>();
  for (const raw of sheet(FIRM_SHEET)) {
    const uscc = checkUscc(raw.cells.uscc);
    if (uscc.valid) firmUsccsInSheet.add(uscc.uscc);
  }
  const knownFirm = (uscc: string) => firmUsccsInSheet.has(uscc) || snapshot.firmsByUscc.has(uscc);
  const { plan: units, units: unitRefs } = planUnits(sheet(UNIT_SHEET), snapshot, problems);
  const accounts = planAccounts(
    { officers: sheet(OFFICER_SHEET), contacts: sheet(CONTACT_SHEET) },
    snapshot,
    unitRefs,
    knownFirm,
    problems,
  );
  const officers = [
    ...snapshot.officers,
    ...accounts.officerCreates.map((o) => ({ id: o.id, badgeNumber: o.badgeNo })),
  ];
  const result: ValidRows = { units, accounts, firms: [], gates: [], entries: [], problems };
  const firmDuplicate = duplicateFinder(FIRM_SHEET, FIRM_COLUMNS.uscc, '统一社会信用代码', result);
  for (const raw of sheet(FIRM_SHEET)) {
    const row = new RowCheck(FIRM_SHEET, raw, result.problems);
    const firm = validateFirm(row, snapshot, unitRefs, officers);
    const uscc = checkUscc(raw.cells.uscc);
    const duplicate = uscc.valid && firmDuplicate(uscc.uscc, raw.row, uscc.uscc);
    if (firm && !duplicate) result.firms.push(firm);
  }
  const gateDuplicate = duplicateFinder(
    GATE_SHEET,
    GATE_COLUMNS.name,
    '同一企业的门岗名称',
    result,
  );
  for (const raw of sheet(GATE_SHEET)) {
    const gate = validateGate(new RowCheck(GATE_SHEET, raw, result.problems), knownFirm);
    const uscc = checkUscc(raw.cells.uscc);
    const name = raw.cells.name;
    const duplicate =
      uscc.valid && name !== '' && gateDuplicate(`${uscc.uscc}\u0000${name}`, raw.row, name);
    if (gate && !duplicate) result.gates.push(gate);
  }
  const entryDuplicate = duplicateFinder(
    LIST_SHEET,
    LIST_COLUMNS.effectiveFrom,
    '同一企业同一生效日期的清单记录',
    result,
  );
  for (const raw of sheet(LIST_SHEET)) {
    const entry = validateEntry(new RowCheck(LIST_SHEET, raw, result.problems), knownFirm);
    const uscc = checkUscc(raw.cells.uscc);
    const from = raw.cells.effectiveFrom;
    const duplicate =
      uscc.valid &&
      isCalendarDate(from) &&
      entryDuplicate(`${uscc.uscc}\u0000${from}`, raw.row, from);
    if (entry && !duplicate) result.entries.push(entry);
  }
  return result;
}

/** The cells of one row with the checks that report into the problem list. */
export class RowCheck {
  private failed = false;
  private readonly columns: Record<string, string>;
  constructor(
    readonly sheet: SheetName,
    readonly raw: RawRow,
    private readonly problems: ImportProblem[],
  ) {
    this.columns = SHEET_SPECS[sheet].columns;
  }

  get ok(): boolean {
    return !this.failed;
  }

  cell(key: string): string {
    return this.raw.cells[key] ?? '';
  }

  problem(key: string, message: string, value = this.cell(key)): void {
    this.failed = true;
    this.problems.push({
      sheet: this.sheet,
      row: this.raw.row,
      column: key ? this.columns[key] : '',
      value,
      message,
    });
  }

  /** A required text cell, within its length. */
  text(key: string): string | undefined {
    const value = this.cell(key);
    if (value === '') {
      this.problem(key, `“${this.columns[key]}”不能为空`);
      return undefined;
    }
    return this.optionalText(key);
  }

  /** An optional text cell; blank is undefined. */
  optionalText(key: string): string | undefined {
    const value = this.cell(key);
    if (value === '') return undefined;
    const limit = LIMITS[this.sheet][key];
    if (limit && value.length > limit) {
      this.problem(key, `“${this.columns[key]}”不能超过${limit}个字`);
      return undefined;
    }
    return value;
  }

  uscc(): string | undefined {
    const value = this.cell('uscc');
    if (value === '') {
      this.problem('uscc', '统一社会信用代码不能为空');
      return undefined;
    }
    const check = checkUscc(value);
    if (!check.valid) {
      this.problem('uscc', check.message);
      return undefined;
    }
    return check.uscc;
  }

  /** A required YYYY-MM-DD calendar date (or an optional one). */
  date(key: string, required: boolean): string | null | undefined {
    const value = this.cell(key);
    if (value === '') {
      if (required) this.problem(key, `“${this.columns[key]}”不能为空`);
      return null;
    }
    if (!isCalendarDate(value)) {
      this.problem(key, `“${this.columns[key]}”应为 YYYY-MM-DD 格式的日期，如 2021-03-01`);
      return undefined;
    }
    return value;
  }

  /** A required number within a range. */
  number(key: string, range: { min: number; max: number }, hint = ''): number | undefined {
    const value = this.cell(key);
    if (value === '') {
      this.problem(key, `缺少“${this.columns[key]}”`);
      return undefined;
    }
    const n = Number(value);
    if (!/^[+-]?\d+(\.\d+)?$/.test(value) || !Number.isFinite(n)) {
      this.problem(key, `“${this.columns[key]}”应为数字`);
      return undefined;
    }
    if (n < range.min || n > range.max) {
      this.problem(key, `“${this.columns[key]}”应在${range.min}至${range.max}之间${hint}`);
      return undefined;
    }
    return n;
  }
}

function validateFirm(
  row: RowCheck,
  snapshot: Snapshot,
  units: UnitRef[],
  officers: Officer[],
): FirmRow | undefined {
  const uscc = row.uscc();
  const name = row.text('name');
  const address = row.optionalText('address');
  const district = row.optionalText('district');
  if (district !== undefined && !snapshot.districts.includes(district)) {
    const guess = closestDistrict(district, snapshot.districts);
    row.problem(
      'district',
      guess
        ? `所属区县“${district}”不在本辖区已有的区县中，是否应为“${guess}”？`
        : `所属区县“${district}”不在本辖区已有的区县中（${snapshot.districts.join('、')}）`,
    );
  }
  const industry = row.optionalText('industry');
  const creditGrade = label(row, 'creditGrade', GRADE_BY_LABEL, '环境信用等级');
  const supervisionClass = label(row, 'supervisionClass', CLASS_BY_LABEL, '监管类别');
  const unitId = unitCell(row, 'unit', units);
  const liaisonOfficerId = liaison(row, officers);
  if (!row.ok || !uscc || !name || !unitId) return undefined;
  return {
    row: row.raw.row,
    uscc,
    name,
    unitId,
    address,
    district,
    industry,
    creditGrade: creditGrade as CreditGrade | undefined,
    supervisionClass: supervisionClass as SupervisionClass | undefined,
    liaisonOfficerId,
  };
}

function validateGate(row: RowCheck, knownFirm: (uscc: string) => boolean): GateRow | undefined {
  const uscc = row.uscc();
  if (uscc && !knownFirm(uscc)) {
    row.problem('uscc', '门岗所属企业不存在：请先在“企业”工作表中登记该企业');
  }
  const name = row.text('name');
  if (name && name.length > GATE_NAME_MAX)
    row.problem('name', `门岗名称不能超过${GATE_NAME_MAX}个字`);
  const lat = row.number('lat', CHINA_LAT, swapHint(row, 'lat'));
  const lng = row.number('lng', CHINA_LNG, swapHint(row, 'lng'));
  let radiusM: number | undefined;
  if (row.cell('radiusM') !== '') {
    radiusM = row.number('radiusM', RADIUS_M);
    if (radiusM !== undefined && !Number.isInteger(radiusM)) {
      row.problem('radiusM', '打卡半径应为整数（米）');
    }
  }
  if (!row.ok || !uscc || !name || lat === undefined || lng === undefined) return undefined;
  return { row: row.raw.row, uscc, name, lat, lng, radiusM };
}

function validateEntry(row: RowCheck, knownFirm: (uscc: string) => boolean): EntryRow | undefined {
  const uscc = row.uscc();
  if (uscc && !knownFirm(uscc)) {
    row.problem('uscc', '找不到该企业：请先在“企业”工作表中登记该企业');
  }
  const batch = row.text('batch');
  const effectiveFrom = row.date('effectiveFrom', true);
  const effectiveTo = row.date('effectiveTo', false);
  const removalReason = row.optionalText('removalReason') ?? null;
  if (effectiveFrom && effectiveTo && effectiveTo < effectiveFrom) {
    row.problem('effectiveTo', `移出日期不能早于生效日期（${effectiveFrom}）`);
  }
  if (effectiveTo && !removalReason)
    row.problem('removalReason', '填写了移出日期时必须填写移出原因');
  if (!row.cell('effectiveTo') && removalReason) {
    row.problem('effectiveTo', '填写了移出原因时必须填写移出日期', '');
  }
  if (!row.ok || !uscc || !batch || !effectiveFrom || effectiveTo === undefined) return undefined;
  return { row: row.raw.row, uscc, batch, effectiveFrom, effectiveTo, removalReason };
}

function label(
  row: RowCheck,
  key: string,
  byLabel: Map<string, string>,
  what: string,
): string | undefined {
  const value = row.cell(key);
  if (value === '') return undefined;
  const code = byLabel.get(value);
  if (!code)
    row.problem(key, `无法识别的${what}“${value}”：应为 ${[...byLabel.keys()].join('、')} 之一`);
  return code;
}

/** A unit the sheets may name: one in the database, or one the 单位 sheet creates. */
export interface UnitRef {
  id: string;
  code: string;
  name: string;
  active: boolean;
}

/** A required cell naming a unit by name (or by code when names repeat). */
export function unitCell(row: RowCheck, key: string, units: UnitRef[]): string | undefined {
  const header = SHEET_SPECS[row.sheet].columns[key];
  const value = row.cell(key);
  if (value === '') {
    row.problem(key, `“${header}”不能为空`);
    return undefined;
  }
  const byCode = units.find((u) => u.code.toUpperCase() === value.toUpperCase());
  const byName = units.filter((u) => u.name === value);
  const found = byCode ?? (byName.length === 1 ? byName[0] : undefined);
  if (!found) {
    row.problem(
      key,
      byName.length > 1
        ? `有多个名为“${value}”的执法单位，请改填单位代码`
        : `找不到执法单位“${value}”：请填写系统中或“单位”工作表中的单位名称（或单位代码）`,
    );
    return undefined;
  }
  return found.id;
}

/** An officer a firm's 联络员执法证号 may name: stored, or created by the 执法人员 sheet. */
type Officer = { id: string; badgeNumber: string };

function liaison(row: RowCheck, officers: Officer[]): string | undefined {
  const value = row.cell('liaison');
  if (value === '') return undefined;
  const officer = officers.find((o) => o.badgeNumber === value);
  if (!officer) row.problem('liaison', `找不到执法证号为“${value}”的执法人员`);
  return officer?.id;
}

/** "金水" → "金水区": a known district that the value is the stem of, or the other way round. */
function closestDistrict(value: string, districts: string[]): string | undefined {
  const stem = (d: string) => d.replace(/(区|县|市|回族区)$/, '');
  return districts.find(
    (d) => stem(d) === stem(value) || d.startsWith(value) || value.startsWith(d),
  );
}

/** A hint when a latitude looks like a longitude or the reverse. */
function swapHint(row: RowCheck, key: 'lat' | 'lng'): string {
  const n = Number(row.cell(key));
  const other = key === 'lat' ? CHINA_LNG : CHINA_LAT;
  return n >= other.min && n <= other.max ? '（是否把纬度和经度填反了？）' : '';
}

/**
 * Remembers the first row of each key; a later row with the same key is reported (and the
 * finder answers true) naming the first.
 */
export function duplicateFinder(
  sheet: SheetName,
  column: string,
  what: string,
  result: { problems: ImportProblem[] },
): (key: string, row: number, value: string) => boolean {
  const first = new Map<string, number>();
  return (key, row, value) => {
    const firstRow = first.get(key);
    if (firstRow === undefined) {
      first.set(key, row);
      return false;
    }
    result.problems.push({ sheet, row, column, value, message: `${what}与第${firstRow}行重复` });
    return true;
  };
}

function invert(labels: Record<string, string>): Map<string, string> {
  return new Map(Object.entries(labels).map(([code, text]) => [text, code]));
}
