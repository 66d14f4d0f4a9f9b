import { Injectable } from '@nestjs/common';
import type { RatingFilterValues, RatingLevel } from '@qinqing/domain';
import { DataSource } from 'typeorm';
import { sqlOf, type Tx } from '../database/transactions';
import type { AccessScope } from '../scope/access-scope';
import { applyUnitOrFirmScope } from '../scope/scope-sql';
import { FollowUpCase } from './follow-up-case.entity';
import { applyRatingFilters } from './rating-filters';
import type { RatingRow } from './rating-views';
import { Rating } from './rating.entity';

/** A new rating's fields (its id is generated). */
export type NewRating = Omit<Rating, 'id' | 'visit' | 'enterprise' | 'unit' | 'signer'>;

/** A new follow-up case's fields (its id is generated). */
export type NewFollowUpCase = Omit<
  FollowUpCase,
  'id' | 'rating' | 'visit' | 'enterprise' | 'unit' | 'closer'
>;

/**
 * The bureau's month (YYYY-MM) a rating `alias` was submitted in, at the UTC offset in minutes
 * given by the SQL parameter `offsetParam` (e.g. `$2`).
 */
export function ratingMonthSql(alias: string, offsetParam: string): string {
  return `to_char(${alias}.submitted_at AT TIME ZONE 'UTC' + make_interval(mins => ${offsetParam}), 'YYYY-MM')`;
}

/** The columns of a rating's views, with the names and the visit they show (joined for display). */
const SELECT_RATINGS = `
  SELECT r.id, r.visit_id AS "visitId", r.enterprise_id AS "enterpriseId", e.name AS "enterpriseName",
         r.overall, r.items, r.comment, r.signer_id AS "signerId", s.name AS "signerName",
         r.submitted_at AS "submittedAt", f.id AS "followUpCaseId", r.unit_id AS "unitId",
         un.name AS "unitName", v.purpose, v.checked_in_at AS "checkedInAt"
    FROM rating r
    JOIN visit v ON v.id = r.visit_id
    JOIN app_user s ON s.id = r.signer_id
    LEFT JOIN enterprise e ON e.id = r.enterprise_id
    LEFT JOIN unit un ON un.id = r.unit_id
    LEFT JOIN follow_up_case f ON f.rating_id = r.id`;

/** 好差评: the rating table, and the follow-up case a 差 rating opens with it. */
@Injectable()
export class RatingsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insert(rating: NewRating, tx: Tx): Promise<Rating> {
    return sqlOf(this.dataSource, tx).getRepository(Rating).save(rating);
  }

  existsForVisit(visitId: string, tx?: Tx): Promise<boolean> {
    return sqlOf(this.dataSource, tx).getRepository(Rating).existsBy({ visitId });
  }

  /** Opens the follow-up case of a rating (in the rating's transaction). */
  async insertFollowUp(followUp: NewFollowUpCase, tx: Tx): Promise<FollowUpCase> {
    return sqlOf(this.dataSource, tx).getRepository(FollowUpCase).save(followUp);
  }

  /** The rating of a visit with its signature image, or null. */
  async viewRowOfVisit(
    visitId: string,
    tx?: Tx,
  ): Promise<(RatingRow & { signature: Buffer }) | null> {
    const rows: (RatingRow & { signature: Buffer })[] = await sqlOf(this.dataSource, tx).query(
      SELECT_RATINGS.replace('SELECT r.id,', 'SELECT r.id, r.signature,') +
        ' WHERE r.visit_id = $1',
      [visitId],
    );
    return rows[0] ?? null;
  }

  /** Ratings for lists and exports (no signature images), in no particular order. */
  viewRows(ids: string[], tx?: Tx): Promise<RatingRow[]> {
    return sqlOf(this.dataSource, tx).query(`${SELECT_RATINGS} WHERE r.id = ANY($1)`, [ids]);
  }

  /**
   * One page of the ratings in the scope that pass the filters, newest first: up to `limit` rows
   * after the cursor (submitted_at, id).
   */
  async pageInScope(
    scope: AccessScope,
    filters: RatingFilterValues,
    page: { after?: { submittedAt: Date; id: string }; limit: number },
    tx?: Tx,
  ): Promise<{ id: string; submittedAt: Date }[]> {
    const builder = sqlOf(this.dataSource, tx)
      .getRepository(Rating)
      .createQueryBuilder('r')
      .select('r.id');
    applyRatingFilters(applyUnitOrFirmScope(builder, 'r', scope), filters);
    if (page.after) {
      builder.andWhere('(r.submitted_at, r.id) < (:cursorTime, :cursorId)', {
        cursorTime: page.after.submittedAt,
        cursorId: page.after.id,
      });
    }
    return builder
      .addSelect('r.submitted_at')
      .orderBy('r.submitted_at', 'DESC')
      .addOrderBy('r.id', 'DESC')
      .limit(page.limit)
      .getMany();
  }

  /** How many ratings of the officer's visits each month before `beforeMonth` has. */
  async monthlyCountsOfOfficer(
    officerId: string,
    utcOffsetMinutes: number,
    beforeMonth: string,
    tx?: Tx,
  ): Promise<{ month: string; count: number }[]> {
    const rows: { month: string; count: string }[] = await sqlOf(this.dataSource, tx).query(
      `SELECT ${ratingMonthSql('r', '$2')} AS month, count(*) AS count ${OF_OFFICER}
        WHERE ${ratingMonthSql('r', '$2')} < $3 GROUP BY month`,
      [officerId, utcOffsetMinutes, beforeMonth],
    );
    return rows.map((m) => ({ month: m.month, count: Number(m.count) }));
  }

  /** The levels given in the ratings of the officer's visits up to and including `throughMonth`. */
  levelsOfOfficerThrough(
    officerId: string,
    utcOffsetMinutes: number,
    throughMonth: string,
    tx?: Tx,
  ): Promise<{ overall: RatingLevel; items: RatingLevel[] }[]> {
    return sqlOf(this.dataSource, tx).query(
      `SELECT r.overall, r.items ${OF_OFFICER} WHERE ${ratingMonthSql('r', '$2')} <= $3`,
      [officerId, utcOffsetMinutes, throughMonth],
    );
  }

  /** The ids of the ratings of the units submitted in a month, in id order. */
  async idsOfUnitsInMonth(
    unitIds: string[],
    utcOffsetMinutes: number,
    month: string,
    tx?: Tx,
  ): Promise<string[]> {
    const rows: { id: string }[] = await sqlOf(this.dataSource, tx).query(
      `SELECT r.id FROM rating r WHERE r.unit_id = ANY($1)
          AND ${ratingMonthSql('r', '$2')} = $3
        ORDER BY r.id`,
      [unitIds, utcOffsetMinutes, month],
    );
    return rows.map((r) => r.id);
  }
}

/** The ratings of the visits an officer ($1) took part in. */
const OF_OFFICER = `FROM rating r JOIN visit_officer vo ON vo.visit_id = r.visit_id AND vo.officer_id = $1`;
