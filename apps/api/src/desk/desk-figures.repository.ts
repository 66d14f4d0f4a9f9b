import { Injectable } from '@nestjs/common';
import type {
  DeskSummary,
  FollowUpStatus,
  Purpose,
  RatingFilterValues,
  RatingLevel,
  ReportStatus,
} from '@qinqing/domain';
import { DataSource } from 'typeorm';
import { sqlOf, type Tx } from '../database/transactions';
import { applyRatingFilters } from '../ratings/rating-filters';
import { Rating } from '../ratings/rating.entity';
import type { AccessScope } from '../scope/access-scope';
import { applyUnitOrFirmScope } from '../scope/scope-sql';
import { OFFICERS_OF_VISIT_SQL } from '../visits/visits.repository';
import { inDeskUnitsSql, type DeskUnits } from './desk-scope';

/** Marks of ratings per level. */
export interface LevelCountsRow {
  good: number;
  fair: number;
  poor: number;
}

export type UnitRatingsRow = { unitId: string; unitName: string | null } & LevelCountsRow;
export type OfficerRatingsRow = {
  officerId: string;
  name: string;
  badgeNumber: string | null;
} & LevelCountsRow;

/** A period of desk figures: [from, to). */
export interface FiguresPeriod {
  units: DeskUnits;
  from: Date;
  to: Date;
}

/** A row of the ratings export (names joined for display). */
export interface RatingExportRow {
  submittedAt: Date;
  enterpriseName: string | null;
  unitName: string | null;
  officers: string | null;
  purpose: Purpose;
  checkedInAt: Date;
  overall: RatingLevel;
  items: RatingLevel[];
  comment: string;
  signerName: string | null;
  followUpStatus: FollowUpStatus | null;
  followUpDueAt: Date | null;
  id: string;
}

const LEVEL_COUNTS_SQL = `(count(*) FILTER (WHERE r.overall = 'GOOD'))::int AS good,
  (count(*) FILTER (WHERE r.overall = 'FAIR'))::int AS fair,
  (count(*) FILTER (WHERE r.overall = 'POOR'))::int AS poor`;

/**
 * Read-only figures of the desk and the exports over the ratings and oversight tables (rating,
 * follow_up_case, misconduct_report, rating_spot_check): aggregates and display listings that JOIN
 * the names they show. Owned here until the ratings and reports repositories take them over; the
 * visit figures are VisitsRepository's.
 */
@Injectable()
export class DeskFiguresRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Overall marks of the ratings submitted in the period, per unit of the visit. */
  ratingsByUnit(p: FiguresPeriod, tx?: Tx): Promise<UnitRatingsRow[]> {
    return sqlOf(this.dataSource, tx).query(
      `SELECT r.unit_id AS "unitId", u.name AS "unitName", ${LEVEL_COUNTS_SQL}
         FROM rating r LEFT JOIN unit u ON u.id = r.unit_id
        WHERE r.submitted_at >= $2 AND r.submitted_at < $3
          AND ${inDeskUnitsSql('r.unit_id', '$1')}
        GROUP BY r.unit_id, u.name ORDER BY u.name, r.unit_id`,
      [p.units, p.from, p.to],
    );
  }

  /** Overall marks of the ratings submitted in the period, per officer of the visit. */
  ratingsByOfficer(p: FiguresPeriod, tx?: Tx): Promise<OfficerRatingsRow[]> {
    return sqlOf(this.dataSource, tx).query(
      `SELECT o.id AS "officerId", o.name, o.badge_number AS "badgeNumber", ${LEVEL_COUNTS_SQL}
         FROM rating r
         JOIN visit_officer vo ON vo.visit_id = r.visit_id
         JOIN app_user o ON o.id = vo.officer_id
        WHERE r.submitted_at >= $2 AND r.submitted_at < $3
          AND ${inDeskUnitsSql('r.unit_id', '$1')}
        GROUP BY o.id, o.name, o.badge_number ORDER BY o.name, o.id`,
      [p.units, p.from, p.to],
    );
  }

  /** Open and overdue cases as of `now`; cases closed within the period. */
  async followUps(p: FiguresPeriod, now: Date, tx?: Tx): Promise<DeskSummary['followUps']> {
    const [row]: DeskSummary['followUps'][] = await sqlOf(this.dataSource, tx).query(
      `SELECT (count(*) FILTER (WHERE f.status = 'OPEN'))::int AS open,
              (count(*) FILTER (WHERE f.status = 'OPEN' AND f.due_at < $4))::int AS overdue,
              (count(*) FILTER (WHERE f.status = 'CLOSED' AND f.closed_at >= $2
                                  AND f.closed_at < $3))::int AS closed
         FROM follow_up_case f
        WHERE ${inDeskUnitsSql('f.unit_id', '$1')}`,
      [p.units, p.from, p.to, now],
    );
    return row;
  }

  /** Reports per status: those not concluded, and those concluded within the period. */
  reportsByStatus(p: FiguresPeriod, tx?: Tx): Promise<{ status: ReportStatus; count: number }[]> {
    return sqlOf(this.dataSource, tx).query(
      `SELECT m.status, count(*)::int AS count
         FROM misconduct_report m
        WHERE ${inDeskUnitsSql('m.unit_id', '$1')}
          AND (m.status <> 'CONCLUDED' OR (m.updated_at >= $2 AND m.updated_at < $3))
        GROUP BY m.status`,
      [p.units, p.from, p.to],
    );
  }

  /** The month's spot check of a unit: ratings drawn and those verified; null when none. */
  async spotCheckOf(
    unitId: string,
    month: string,
    tx?: Tx,
  ): Promise<{ sampled: number; verified: number } | null> {
    const [row]: { sampled: number; verified: number }[] = await sqlOf(this.dataSource, tx).query(
      `SELECT (SELECT count(*) FROM rating_spot_check_item i WHERE i.check_id = c.id)::int
                AS sampled,
              (SELECT count(*) FROM rating_spot_check_item i
                WHERE i.check_id = c.id AND i.result IS NOT NULL)::int AS verified
         FROM rating_spot_check c WHERE c.unit_id = $1 AND c.month = $2`,
      [unitId, month],
    );
    return row ?? null;
  }

  /** How many ratings of these units were submitted in [start, end). */
  async ratingsSubmitted(units: string[], start: Date, end: Date, tx?: Tx): Promise<number> {
    const [{ ratings }]: { ratings: number }[] = await sqlOf(this.dataSource, tx).query(
      `SELECT count(*)::int AS ratings FROM rating r
        WHERE r.unit_id = ANY($1::uuid[]) AND r.submitted_at >= $2 AND r.submitted_at < $3`,
      [units, start, end],
    );
    return ratings;
  }

  /** The ratings export: the scope's ratings with these filters, newest first, at most `limit`. */
  ratingExportRows(
    scope: AccessScope,
    filters: RatingFilterValues,
    limit: number,
    tx?: Tx,
  ): Promise<RatingExportRow[]> {
    const query = sqlOf(this.dataSource, tx)
      .getRepository(Rating)
      .createQueryBuilder('r')
      .innerJoin('visit', 'v', 'v.id = r.visit_id')
      .leftJoin('enterprise', 'e', 'e.id = r.enterprise_id')
      .leftJoin('unit', 'u', 'u.id = r.unit_id')
      .leftJoin('app_user', 's', 's.id = r.signer_id')
      .leftJoin('follow_up_case', 'f', 'f.rating_id = r.id')
      .select('r.id', 'id')
      .addSelect('r.submitted_at', 'submittedAt')
      .addSelect('e.name', 'enterpriseName')
      .addSelect('u.name', 'unitName')
      .addSelect(OFFICERS_OF_VISIT_SQL, 'officers')
      .addSelect('v.purpose', 'purpose')
      .addSelect('v.checked_in_at', 'checkedInAt')
      .addSelect('r.overall', 'overall')
      .addSelect('r.items', 'items')
      .addSelect('r.comment', 'comment')
      .addSelect('s.name', 'signerName')
      .addSelect('f.status', 'followUpStatus')
      .addSelect('f.due_at', 'followUpDueAt');
    applyRatingFilters(applyUnitOrFirmScope(query, 'r', scope), filters);
    return query
      .orderBy('r.submitted_at', 'DESC')
      .addOrderBy('r.id', 'DESC')
      .limit(limit)
      .getRawMany();
  }
}
