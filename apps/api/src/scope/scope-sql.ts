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
