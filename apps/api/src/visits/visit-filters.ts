import type { VisitFilterValues } from '@qinqing/domain';

/**
 * The filters of GET /visits (without paging) as SQL conditions on visit `alias`, with the same
 * meaning: exact unit, any officer of the visit, a reason code carried, checked in within
 * [from, to). Their parameters are pushed onto `params`; for the visits repository's SQL.
 */
export function visitFiltersSql(
  alias: string,
  filters: VisitFilterValues,
  params: unknown[],
): string[] {
  const conditions: string[] = [];
  const param = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  if (filters.enterpriseId) {
    conditions.push(`${alias}.enterprise_id = ${param(filters.enterpriseId)}`);
  }
  if (filters.unitId) conditions.push(`${alias}.unit_id = ${param(filters.unitId)}`);
  if (filters.purpose) conditions.push(`${alias}.purpose = ${param(filters.purpose)}`);
  if (filters.outcome) conditions.push(`${alias}.outcome = ${param(filters.outcome)}`);
  if (filters.flag) {
    conditions.push(
      `${alias}.reasons @> ${param(JSON.stringify([{ code: filters.flag }]))}::jsonb`,
    );
  }
  if (filters.officerId) {
    conditions.push(
      `EXISTS (SELECT 1 FROM visit_officer fvo
                WHERE fvo.visit_id = ${alias}.id AND fvo.officer_id = ${param(filters.officerId)})`,
    );
  }
  if (filters.from) {
    conditions.push(`${alias}.checked_in_at >= ${param(new Date(filters.from))}`);
  }
  if (filters.to) conditions.push(`${alias}.checked_in_at < ${param(new Date(filters.to))}`);
  return conditions;
}
