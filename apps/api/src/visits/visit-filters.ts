import type { SelectQueryBuilder } from 'typeorm';
import type { Visit } from '../visits/visit.entity';
import type { VisitFilterValues } from '@qinqing/domain';

/**
 * The filters of GET /visits (without paging) on a visit query, with the same
 * meaning: exact unit, any officer of the visit, a reason code carried, checked in within [from, to).
 */
export function applyVisitFilters(
  query: SelectQueryBuilder<Visit>,
  alias: string,
  filters: VisitFilterValues,
): SelectQueryBuilder<Visit> {
  if (filters.enterpriseId) {
    query.andWhere(`${alias}.enterprise_id = :enterpriseId`, {
      enterpriseId: filters.enterpriseId,
    });
  }
  if (filters.unitId) query.andWhere(`${alias}.unit_id = :unitId`, { unitId: filters.unitId });
  if (filters.purpose) query.andWhere(`${alias}.purpose = :purpose`, { purpose: filters.purpose });
  if (filters.outcome) query.andWhere(`${alias}.outcome = :outcome`, { outcome: filters.outcome });
  if (filters.flag) {
    query.andWhere(`${alias}.reasons @> :flagJson::jsonb`, {
      flagJson: JSON.stringify([{ code: filters.flag }]),
    });
  }
  if (filters.officerId) {
    query.andWhere(
      `EXISTS (SELECT 1 FROM visit_officer fvo
                WHERE fvo.visit_id = ${alias}.id AND fvo.officer_id = :officerId)`,
      { officerId: filters.officerId },
    );
  }
  if (filters.from) {
    query.andWhere(`${alias}.checked_in_at >= :from`, { from: new Date(filters.from) });
  }
  if (filters.to) query.andWhere(`${alias}.checked_in_at < :to`, { to: new Date(filters.to) });
  return query;
}
