import { UNIT_LEVEL_LABELS, type UnitListItem } from '@qinqing/domain';

import type { Choice } from '../desk/fields';

/** A unit in the tree with how deep it hangs (0: a top unit, 支队). */
export interface UnitRow {
  unit: UnitListItem;
  depth: number;
}

/** The units in use, in the API's order (parents before their children), with their depth. */
export function activeTree(units: UnitListItem[]): UnitRow[] {
  const depth = new Map<string, number>();
  const rows: UnitRow[] = [];
  for (const unit of units) {
    const d = unit.parentId && depth.has(unit.parentId) ? depth.get(unit.parentId)! + 1 : 0;
    depth.set(unit.id, d);
    if (unit.active) rows.push({ unit, depth: d });
  }
  return rows;
}

/** The retired (撤销) units, shown apart. */
export function retiredUnits(units: UnitListItem[]): UnitListItem[] {
  return units.filter((u) => !u.active);
}

/** The unit and every unit under it. */
export function subtree(units: UnitListItem[], id: string): Set<string> {
  const inside = new Set([id]);
  // the API lists parents before children: one pass finds the whole subtree
  for (const unit of units) if (unit.parentId && inside.has(unit.parentId)) inside.add(unit.id);
  return inside;
}

/**
 * The units a unit may be put under: those in use, indented as in the tree; for a unit being
 * moved, neither itself nor anything under it (the API would answer UNIT_CYCLE).
 */
export function parentChoices(units: UnitListItem[], moving?: string): Choice<string>[] {
  const excluded = moving ? subtree(units, moving) : new Set<string>();
  return activeTree(units)
    .filter(({ unit }) => !excluded.has(unit.id))
    .map(({ unit, depth }) => ({ value: unit.id, label: `${'　'.repeat(depth)}${unit.name}` }));
}

/** 分局 · 在用账号 3 个 */
export function unitMeta(unit: UnitListItem): string {
  return `${UNIT_LEVEL_LABELS[unit.level]} · 编码 ${unit.code} · 在用账号 ${unit.activeAccounts} 个`;
}
