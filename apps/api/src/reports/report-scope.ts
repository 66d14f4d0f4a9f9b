import type { SelectQueryBuilder } from 'typeorm';
import type { AccessScope } from '../scope/access-scope';
import type { MisconductReport } from './misconduct-report.entity';

/**
 * Limits a report query to what the caller may see: a supervisor the reports answerable by a unit
 * of the jurisdiction; a firm's user the reports of the firm; an admin everything. Officers never
 * reach a report (the routes refuse them before any query).
 */
export function applyReportScope(
  query: SelectQueryBuilder<MisconductReport>,
  alias: string,
  scope: AccessScope,
): SelectQueryBuilder<MisconductReport> {
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
