import { randomBytes } from 'node:crypto';
import type { UnitLevel } from '@qinqing/domain';

/** A code for a unit created without one: U- and 8 hex digits. */
export function newUnitCode(): string {
  return `U-${randomBytes(4).toString('hex').toUpperCase()}`;
}

/** The data of a UNIT_CREATED audit entry (the units endpoint and the import write the same). */
export function unitCreatedData(unit: {
  name: string;
  code: string;
  level: UnitLevel;
  parentId: string | null;
}) {
  return { name: unit.name, code: unit.code, level: unit.level, parentId: unit.parentId };
}

/** The data of a UNIT_UPDATED audit entry: the fields that changed, before and after. */
export function unitUpdatedData(before: Record<string, unknown>, after: Record<string, unknown>) {
  return { before, after };
}
