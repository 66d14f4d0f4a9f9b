import type { SelectQueryBuilder } from 'typeorm';
import type { Rating } from './rating.entity';
import type { RatingFilterValues } from '@qinqing/domain';

/** The filters of GET /ratings (and its exports) on a rating query aliased `r`. */
export function applyRatingFilters(
  builder: SelectQueryBuilder<Rating>,
  filters: RatingFilterValues,
): SelectQueryBuilder<Rating> {
  if (filters.unitId) builder.andWhere('r.unit_id = :unitId', { unitId: filters.unitId });
  if (filters.overall) builder.andWhere('r.overall = :overall', { overall: filters.overall });
  if (filters.from) builder.andWhere('r.submitted_at >= :from', { from: new Date(filters.from) });
  if (filters.to) builder.andWhere('r.submitted_at < :to', { to: new Date(filters.to) });
  if (filters.officerId) {
    builder.andWhere(
      `EXISTS (SELECT 1 FROM visit_officer fvo
                WHERE fvo.visit_id = r.visit_id AND fvo.officer_id = :officerId)`,
      { officerId: filters.officerId },
    );
  }
  return builder;
}
