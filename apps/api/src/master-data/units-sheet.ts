import { randomUUID } from 'node:crypto';
import { UNIT_LEVEL_BY_LABEL, UNIT_LEVEL_LABELS, type UnitLevel } from '@qinqing/domain';
import { newUnitCode } from '../units/unit-records';
import type { RawRow } from './parse';
import { type ImportProblem, UNIT_COLUMNS, UNIT_SHEET } from './sheets';
import type { Snapshot, UnitState } from './snapshot';
import { duplicateFinder, RowCheck, type UnitRef } from './validate';

export interface UnitCreate {
  id: string;
  code: string;
  name: string;
  level: UnitLevel;
  parentId: string | null;
}

export interface UnitMove {
  unit: UnitState;
  parentId: string;
}

/** What the 单位 sheet changes: new units (parents first) and moves; a rename is not an import. */
export interface UnitsPlan {
  creates: UnitCreate[];
  moves: UnitMove[];
  unchanged: number;
}

interface UnitLine {
  row: RowCheck;
  name: string;
  level: UnitLevel;
  parentName: string;
  /** the database's unit of this name, if any */
  existing?: UnitState;
  /** the id it has or will have */
  id: string;
  parentId?: string | null;
}

/**
 * Checks the 单位 sheet and plans it: units are matched by name (a new name is a new unit), parents
 * are named in the sheet (any row order) or in the database, and no unit may end up under itself.
 * Answers the plan and every unit the other sheets may name (the database's and the new ones).
 */
export function planUnits(
  rows: RawRow[],
  snapshot: Snapshot,
  problems: ImportProblem[],
): { plan: UnitsPlan; units: UnitRef[] } {
  const plan: UnitsPlan = { creates: [], moves: [], unchanged: 0 };
  const duplicate = duplicateFinder(UNIT_SHEET, UNIT_COLUMNS.name, '单位名称', { problems });
  const lines: UnitLine[] = [];
  for (const raw of rows) {
    const line = readLine(new RowCheck(UNIT_SHEET, raw, problems), snapshot);
    if (line && !duplicate(line.name, raw.row, line.name)) lines.push(line);
  }
  const byName = new Map(lines.map((l) => [l.name, l]));
  for (const line of lines) line.parentId = resolveParent(line, byName, snapshot);
  const parentOf = new Map(snapshot.units.map((u) => [u.id, u.parentId]));
  for (const line of lines) if (line.parentId !== undefined) parentOf.set(line.id, line.parentId);
  reportCycles(lines, parentOf, snapshot);

  const created = lines.filter((l) => !l.existing);
  for (const line of parentsFirst(created)) {
    plan.creates.push({
      id: line.id,
      code: newUnitCode(),
      name: line.name,
      level: line.level,
      parentId: line.parentId ?? null,
    });
  }
  for (const line of lines.filter((l) => l.existing)) {
    const unit = line.existing!;
    if (line.parentId === undefined || line.parentId === unit.parentId) plan.unchanged++;
    else if (!unit.active) line.row.problem('parent', `单位“${unit.name}”已撤销，不能调整上级单位`);
    else if (line.parentId === null)
      line.row.problem('parent', '已有单位不能通过导入改为最上级单位');
    else plan.moves.push({ unit, parentId: line.parentId });
  }
  const units: UnitRef[] = [
    ...snapshot.units,
    ...plan.creates.map((c) => ({ id: c.id, code: c.code, name: c.name, active: true })),
  ];
  return { plan, units };
}

function readLine(row: RowCheck, snapshot: Snapshot): UnitLine | undefined {
  const name = row.text('name');
  const levelText = row.cell('level');
  const level = UNIT_LEVEL_BY_LABEL[levelText];
  if (levelText === '') row.problem('level', '“层级”不能为空');
  else if (!level) {
    row.problem(
      'level',
      `无法识别的层级“${levelText}”：应为 ${Object.keys(UNIT_LEVEL_BY_LABEL).join('、')} 之一`,
    );
  }
  const parentName = row.cell('parent');
  if (parentName === '' && level && level !== 'DETACHMENT') {
    row.problem('parent', '只有最上级的支队可以不填“上级单位”', '');
  }
  if (name !== undefined && parentName === name) row.problem('parent', '上级单位不能是它自己');
  const same = name === undefined ? [] : snapshot.units.filter((u) => u.name === name);
  if (same.length > 1) {
    row.problem('name', `系统中有多个名为“${name}”的单位：请先在单位管理中改名区分`);
  }
  const existing = same[0];
  if (existing && level && existing.level !== level) {
    row.problem(
      'level',
      `单位“${existing.name}”现为${UNIT_LEVEL_LABELS[existing.level]}：层级不能通过导入修改`,
    );
  }
  if (!row.ok || name === undefined || !level) return undefined;
  return { row, name, level, parentName, existing, id: existing?.id ?? randomUUID() };
}

/** The parent's id (null: none), or undefined when it cannot be found (a problem is reported). */
function resolveParent(
  line: UnitLine,
  byName: Map<string, UnitLine>,
  snapshot: Snapshot,
): string | null | undefined {
  if (line.parentName === '') return null;
  const inSheet = byName.get(line.parentName);
  if (inSheet && !inSheet.existing) return inSheet.id;
  const stored = snapshot.units.filter((u) => u.name === line.parentName);
  if (stored.length > 1) {
    line.row.problem('parent', `系统中有多个名为“${line.parentName}”的单位，无法确定上级单位`);
    return undefined;
  }
  if (stored.length === 0) {
    line.row.problem(
      'parent',
      `找不到上级单位“${line.parentName}”：请填写系统中的单位名称，或在本表中另起一行登记它`,
    );
    return undefined;
  }
  // a retired parent takes no new unit; a retired unit already under it stays as exported
  if (!stored[0].active && line.existing?.parentId !== stored[0].id) {
    line.row.problem('parent', `上级单位“${line.parentName}”已撤销`);
    return undefined;
  }
  return stored[0].id;
}

/** A row whose unit would end up under itself, naming the loop (A → B → A). */
function reportCycles(
  lines: UnitLine[],
  parentOf: Map<string, string | null>,
  snapshot: Snapshot,
): void {
  const nameOf = new Map(snapshot.units.map((u) => [u.id, u.name]));
  for (const line of lines) nameOf.set(line.id, line.name);
  for (const line of lines) {
    const path = [line.id];
    let at = parentOf.get(line.id) ?? null;
    while (at !== null && !path.includes(at) && path.length <= parentOf.size) {
      path.push(at);
      at = parentOf.get(at) ?? null;
    }
    if (at === line.id) {
      const loop = [...path, line.id].map((id) => nameOf.get(id)).join(' → ');
      line.row.problem('parent', `上级单位形成循环：${loop}`);
    }
  }
}

/** New units ordered so that a parent created in the same import comes before its children. */
function parentsFirst(lines: UnitLine[]): UnitLine[] {
  const byId = new Map(lines.map((l) => [l.id, l]));
  const ordered: UnitLine[] = [];
  const placed = new Set<string>();
  const place = (line: UnitLine, depth: number) => {
    if (placed.has(line.id) || depth > lines.length) return;
    const parent = line.parentId ? byId.get(line.parentId) : undefined;
    if (parent) place(parent, depth + 1);
    if (placed.has(line.id)) return;
    placed.add(line.id);
    ordered.push(line);
  };
  for (const line of lines) place(line, 0);
  return ordered;
}

/** How the 单位 sheet writes a level: 中队 for a brigade under a brigade, else the level's word. */
export function unitLevelLabel(unit: UnitState, units: UnitState[]): string {
  if (unit.level !== 'BRIGADE') return UNIT_LEVEL_LABELS[unit.level];
  const parent = units.find((u) => u.id === unit.parentId);
  return parent?.level === 'BRIGADE' ? '中队' : '大队';
}
