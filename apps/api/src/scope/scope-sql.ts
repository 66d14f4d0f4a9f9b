import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { AccessScope } from './access-scope';

/**
 * The SQL condition limiting rows of `alias` to the caller's scope: a supervisor's or officer's
 * units (its unit_id), a firm user's firms (its enterprise_id); null for an admin. Appends its
 * parameter to `params`.
 */
export function scopeCondition(
  scope: AccessScope,
  alias: string,
  params: unknown[],
): string | null {
  switch (scope.kind) {
    case 'all':
      return null;
    case 'units':
      params.push(scope.unitIds);
      return `${alias}.unit_id = ANY($${params.length})`;
    case 'enterprises':
      params.push(scope.enterpriseIds);
      return `${alias}.enterprise_id = ANY($${params.length})`;
  }
}

/**
 * The same limit on a query builder over a table with unit_id and enterprise_id columns (ratings,
 * reports …): a supervisor's units, a firm user's firms, everything for an admin.
 */
export function applyUnitOrFirmScope<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  alias: string,
  scope: AccessScope,
): SelectQueryBuilder<T> {
  switch (scope.kind) {
    case 'all':
      return query;
    case 'units':
      return query.andWhere(`${alias}.unit_id = ANY(:scopeUnits)`, { scopeUnits: scope.unitIds });
    case 'enterprises':
      return query.andWhere(`${alias}.enterprise_id = ANY(:scopeFirms)`, {
        scopeFirms: scope.enterpriseIds,
      });
  }
}
