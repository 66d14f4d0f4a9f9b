import type { SelectQueryBuilder } from 'typeorm';
import type { AccessScope } from '../scope/access-scope';
import type { Visit } from './visit.entity';

/**
 * Limits a visit query to what the caller may see: an officer the unit's visits and the visits he
 * took part in; a supervisor the jurisdiction's; a firm's user the firm's; an admin everything.
 */
export function applyVisitScope(
  query: SelectQueryBuilder<Visit>,
  alias: string,
  scope: AccessScope,
): SelectQueryBuilder<Visit> {
  switch (scope.kind) {
    case 'all':
      return query;
    case 'units':
      return query.andWhere(
        `(${alias}.unit_id = ANY(:scopeUnits) OR EXISTS (SELECT 1 FROM visit_officer svo
           WHERE svo.visit_id = ${alias}.id AND svo.officer_id = :scopeUser))`,
        { scopeUnits: scope.unitIds, scopeUser: scope.userId },
      );
    case 'enterprises':
      return query.andWhere(`${alias}.enterprise_id = ANY(:scopeFirms)`, {
        scopeFirms: scope.enterpriseIds,
      });
  }
}
