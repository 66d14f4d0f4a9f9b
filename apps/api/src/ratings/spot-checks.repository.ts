import { Injectable } from '@nestjs/common';
import type { RatingLevel, SpotCheckView } from '@qinqing/domain';
import { DataSource } from 'typeorm';
import { sqlOf, type Tx } from '../database/transactions';
import type { AccessScope } from '../scope/access-scope';
import { scopeCondition } from '../scope/scope-sql';
import { RatingSpotCheck, RatingSpotCheckItem } from './spot-check.entity';

/** A spot check as its view shows it, with the unit's and the creator's names. */
export interface SpotCheckRow {
  id: string;
  month: string;
  unitId: string;
  unitName: string | null;
  seed: string;
  sampleSize: number;
  poolRatingIds: string[];
  createdAt: Date;
  createdBy: string;
  creatorName: string;
}

/** A drawn rating of a check, with whom to call about it and the call's result. */
export interface SpotCheckItemRow {
  ratingId: string;
  rank: number;
  visitId: string;
  enterpriseName: string | null;
  contactName: string;
  contactPhone: string | null;
  overall: RatingLevel;
  submittedAt: Date;
  result: SpotCheckView['items'][number]['result'];
  note: string | null;
  verifiedAt: Date | null;
  verifiedById: string | null;
  verifiedByName: string | null;
}

/** A new check's fields (its id is generated). */
export type NewSpotCheck = Omit<RatingSpotCheck, 'id' | 'unit' | 'creator'>;

/** 抽查: rating_spot_check and its drawn ratings, rating_spot_check_item. */
@Injectable()
export class SpotChecksRepository {
  constructor(private readonly dataSource: DataSource) {}

  existsFor(unitId: string, month: string, tx?: Tx): Promise<boolean> {
    return sqlOf(this.dataSource, tx).getRepository(RatingSpotCheck).existsBy({ unitId, month });
  }

  /** Stores a check and its sample (ranked in sample order), none verified yet. */
  async insert(check: NewSpotCheck, sample: string[], tx: Tx): Promise<RatingSpotCheck> {
    const sql = sqlOf(this.dataSource, tx);
    const saved = await sql.getRepository(RatingSpotCheck).save(check);
    await sql.getRepository(RatingSpotCheckItem).insert(
      sample.map((ratingId, rank) => ({
        checkId: saved.id,
        ratingId,
        rank: rank + 1,
        result: null,
        note: null,
        verifiedAt: null,
        verifiedBy: null,
      })),
    );
    return saved;
  }

  /** The latest 120 checks in the scope, newest month first. */
  async latestIdsInScope(scope: AccessScope, tx?: Tx): Promise<string[]> {
    const params: unknown[] = [];
    const scoped = scopeCondition(scope, 's', params);
    const rows: { id: string }[] = await sqlOf(this.dataSource, tx).query(
      `SELECT s.id FROM rating_spot_check s ${scoped ? `WHERE ${scoped}` : ''}
        ORDER BY s.month DESC, s.created_at DESC LIMIT 120`,
      params,
    );
    return rows.map((r) => r.id);
  }

  /** One check in the scope, with the names its view shows (joined for display); null outside it. */
  async viewRowInScope(scope: AccessScope, id: string, tx?: Tx): Promise<SpotCheckRow | null> {
    const params: unknown[] = [id];
    const scoped = scopeCondition(scope, 's', params);
    const rows: SpotCheckRow[] = await sqlOf(this.dataSource, tx).query(
      `SELECT s.id, s.month, s.unit_id AS "unitId", un.name AS "unitName", s.seed,
              s.sample_size AS "sampleSize", s.pool_rating_ids AS "poolRatingIds",
              s.created_at AS "createdAt", s.created_by AS "createdBy", u.name AS "creatorName"
         FROM rating_spot_check s JOIN app_user u ON u.id = s.created_by
         LEFT JOIN unit un ON un.id = s.unit_id
        WHERE s.id = $1 ${scoped ? `AND ${scoped}` : ''}`,
      params,
    );
    return rows[0] ?? null;
  }

  /** The drawn ratings of a check in rank order, with the rating's signer to call. */
  itemRows(checkId: string, tx?: Tx): Promise<SpotCheckItemRow[]> {
    return sqlOf(this.dataSource, tx).query(
      `SELECT i.rating_id AS "ratingId", i.rank, r.visit_id AS "visitId", e.name AS "enterpriseName",
              signer.name AS "contactName", signer.phone AS "contactPhone", r.overall,
              r.submitted_at AS "submittedAt", i.result, i.note, i.verified_at AS "verifiedAt",
              i.verified_by AS "verifiedById", vb.name AS "verifiedByName"
         FROM rating_spot_check_item i
         JOIN rating r ON r.id = i.rating_id
         JOIN app_user signer ON signer.id = r.signer_id
         LEFT JOIN enterprise e ON e.id = r.enterprise_id
         LEFT JOIN app_user vb ON vb.id = i.verified_by
        WHERE i.check_id = $1 ORDER BY i.rank`,
      [checkId],
    );
  }

  item(checkId: string, ratingId: string, tx?: Tx): Promise<RatingSpotCheckItem | null> {
    return sqlOf(this.dataSource, tx)
      .getRepository(RatingSpotCheckItem)
      .findOneBy({ checkId, ratingId });
  }

  /** Writes the result of the call about a drawn rating (result, note, verified_at, verified_by). */
  async saveResult(item: RatingSpotCheckItem, tx: Tx): Promise<void> {
    await sqlOf(this.dataSource, tx).save(item);
  }
}
