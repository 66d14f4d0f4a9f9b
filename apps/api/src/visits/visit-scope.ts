import type { EntityManager, SelectQueryBuilder } from 'typeorm';
import { DomainException } from '../common/errors/domain.exception';
import type { AccessScope } from '../scope/access-scope';
import { Visit as VisitEntity, type Visit } from './visit.entity';

/**
 * Limits a visit query to what the caller may see: an officer the unit's visits and the visits he
 * took part in; a supervisor the jurisdiction's; both also the visits made TO the firms their
 * units supervise, whoever made them (属地管辖: an outside unit's visit is seen by both units);
 * a firm's user the firm's; an admin everything.
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
        `(${alias}.unit_id = ANY(:scopeUnits)
          OR EXISTS (SELECT 1 FROM enterprise se
                      WHERE se.id = ${alias}.enterprise_id AND se.unit_id = ANY(:scopeUnits))
          OR EXISTS (SELECT 1 FROM visit_officer svo
                      WHERE svo.visit_id = ${alias}.id AND svo.officer_id = :scopeUser))`,
        { scopeUnits: scope.unitIds, scopeUser: scope.userId },
      );
    case 'enterprises':
      return query.andWhere(`${alias}.enterprise_id = ANY(:scopeFirms)`, {
        scopeFirms: scope.enterpriseIds,
      });
  }
}

/** One visit in the caller's scope (optionally locked); outside it, 404 as for a missing id. */
export async function findVisitInScope(
  manager: EntityManager,
  scope: AccessScope,
  id: string,
  lock = false,
): Promise<Visit> {
  const query = applyVisitScope(
    manager.getRepository(VisitEntity).createQueryBuilder('v'),
    'v',
    scope,
  ).andWhere('v.id = :id', { id });
  if (lock) query.setLock('for_no_key_update');
  const visit = await query.getOne();
  if (!visit) throw new DomainException('NOT_FOUND');
  return visit;
}
