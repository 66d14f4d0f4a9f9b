import type { AuthenticatedUser } from '../auth/authenticated-user';
import { DomainException } from '../common/errors/domain.exception';
import type { AccessScope } from '../scope/access-scope';
import type { ScopeService } from '../scope/scope.service';

/** The units the desk reads (null: every unit, for an admin). */
export type DeskUnits = string[] | null;

/**
 * The units a desk query covers: the caller's jurisdiction, or the given unit and the units below
 * it when it lies inside the jurisdiction. A unit outside it answers 404, like a missing one.
 */
export async function deskUnits(
  scopes: ScopeService,
  caller: AuthenticatedUser,
  unitId?: string,
): Promise<DeskUnits> {
  const scope = await scopes.forUser(caller);
  if (scope.kind === 'enterprises') throw new DomainException('FORBIDDEN');
  if (!unitId) return scope.kind === 'all' ? null : scope.unitIds;
  if (scope.kind === 'units' && !scope.unitIds.includes(unitId)) {
    throw new DomainException('NOT_FOUND');
  }
  const subtree = await scopes.subtree(unitId);
  if (subtree.length === 0) throw new DomainException('NOT_FOUND');
  return subtree;
}

/** SQL condition "`column` is one of the desk's units", with the units in parameter `param`. */
export function inDeskUnitsSql(column: string, param: string): string {
  return `(${param}::uuid[] IS NULL OR ${column} = ANY(${param}::uuid[]))`;
}

/**
 * The visits of the desk's units, as a visit scope: made by their officers, or made at a firm
 * they supervise by anyone (属地管辖: both units' supervisors see an outside unit's visit, as in
 * the visit log; see visitScopeSql). The desk's callers (supervisors, admins) take part in no
 * visit, so the scope's "visits he took part in" adds none.
 */
export function deskVisitScope(units: DeskUnits, callerId: string): AccessScope {
  return units === null ? { kind: 'all' } : { kind: 'units', unitIds: units, userId: callerId };
}
