import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { seededSample, type RatingLevel, type SpotCheckView } from '@qinqing/domain';
import { DataSource, type EntityManager } from 'typeorm';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { AuditService } from '../audit/audit.service';
import { DomainException } from '../common/errors/domain.exception';
import { PolicyService } from '../policy/policy.service';
import type { AccessScope } from '../scope/access-scope';
import { scopeCondition } from '../scope/scope-sql';
import { ScopeService } from '../scope/scope.service';
import { User } from '../users/user.entity';
import { bureauMonth } from '../common/bureau-time';
import type { ParsedBody } from '@qinqing/domain';
import { RatingSpotCheck, RatingSpotCheckItem } from './spot-check.entity';
import { asTx } from '../database/transactions';

/**
 * 抽查: each month a supervisor draws ratings of the jurisdiction to verify by phone. The sample is
 * seededSample(pool, seed, size) with a fresh random seed, published with the pool.
 */
@Injectable()
export class SpotChecksService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly scopes: ScopeService,
    private readonly audit: AuditService,
    private readonly policies: PolicyService,
  ) {}

  async draw(caller: AuthenticatedUser, dto: ParsedBody<'drawSpotCheck'>): Promise<SpotCheckView> {
    const user = await this.dataSource.getRepository(User).findOneByOrFail({ id: caller.id });
    const root = user.jurisdictionUnitId;
    if (!root) throw new DomainException('FORBIDDEN', {}, '该账号没有管辖范围，不能抽查评价。');
    const policy = await this.policies.current();
    const offset = policy.utcOffsetMinutes;
    if (dto.month > bureauMonth(new Date(), offset).month) {
      throw new DomainException('VALIDATION_FAILED', {
        errors: [{ field: 'month', message: '只能抽查本月或以前月份的评价' }],
      });
    }
    const units = await this.scopes.subtree(root);
    const id = await this.dataSource.transaction(async (manager) => {
      // One draw per jurisdiction and month: the unique index decides a race; check first for a
      // clear answer.
      const exists = await manager
        .getRepository(RatingSpotCheck)
        .existsBy({ unitId: root, month: dto.month });
      if (exists) throw new DomainException('SPOT_CHECK_EXISTS');
      const pool: { id: string }[] = await manager.query(
        `SELECT r.id FROM rating r WHERE r.unit_id = ANY($1)
            AND to_char(r.submitted_at AT TIME ZONE 'UTC' + make_interval(mins => $2), 'YYYY-MM') = $3
          ORDER BY r.id`,
        [units, offset, dto.month],
      );
      if (pool.length === 0) throw new DomainException('SPOT_CHECK_EMPTY');
      const poolRatingIds = pool.map((r) => r.id);
      const seed = randomBytes(32).toString('hex');
      const sample = seededSample(poolRatingIds, seed, dto.sampleSize);
      const check = await manager.getRepository(RatingSpotCheck).save({
        month: dto.month,
        unitId: root,
        seed,
        sampleSize: sample.length,
        poolRatingIds,
        createdAt: new Date(),
        createdBy: caller.id,
      });
      await manager.getRepository(RatingSpotCheckItem).insert(
        sample.map((ratingId, rank) => ({
          checkId: check.id,
          ratingId,
          rank: rank + 1,
          result: null,
          note: null,
          verifiedAt: null,
          verifiedBy: null,
        })),
      );
      await this.audit.append(asTx(manager), {
        actorId: caller.id,
        action: 'SPOT_CHECK_DRAWN',
        subjectType: 'spot_check',
        subjectId: check.id,
        data: { month: dto.month, unitId: root, seed, poolRatingIds, sample },
      });
      return check.id;
    });
    return this.get(caller, id);
  }

  async list(caller: AuthenticatedUser): Promise<SpotCheckView[]> {
    const scope = await this.scopes.forUser(caller);
    const params: unknown[] = [];
    const scoped = scopeCondition(scope, 's', params);
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT s.id FROM rating_spot_check s ${scoped ? `WHERE ${scoped}` : ''}
        ORDER BY s.month DESC, s.created_at DESC LIMIT 120`,
      params,
    );
    return Promise.all(rows.map((r) => this.view(this.dataSource.manager, scope, r.id)));
  }

  async get(caller: AuthenticatedUser, id: string): Promise<SpotCheckView> {
    const scope = await this.scopes.forUser(caller);
    return this.view(this.dataSource.manager, scope, id);
  }

  /** The result of the phone call about one drawn rating (may be corrected; each is audited). */
  async record(
    caller: AuthenticatedUser,
    id: string,
    ratingId: string,
    dto: ParsedBody<'recordSpotCheckResult'>,
  ): Promise<SpotCheckView> {
    const scope = await this.scopes.forUser(caller);
    return this.dataSource.transaction(async (manager) => {
      await this.view(manager, scope, id);
      const item = await manager
        .getRepository(RatingSpotCheckItem)
        .findOneBy({ checkId: id, ratingId });
      if (!item) throw new DomainException('NOT_FOUND', {}, '该评价不在本次抽查样本中。');
      item.result = dto.result;
      item.note = dto.note ?? null;
      item.verifiedAt = new Date();
      item.verifiedBy = caller.id;
      await manager.save(item);
      await this.audit.append(asTx(manager), {
        actorId: caller.id,
        action: 'SPOT_CHECK_RESULT',
        subjectType: 'spot_check',
        subjectId: id,
        data: { ratingId, result: dto.result, note: item.note },
      });
      return this.view(manager, scope, id);
    });
  }

  private async view(
    manager: EntityManager,
    scope: AccessScope,
    id: string,
  ): Promise<SpotCheckView> {
    const params: unknown[] = [id];
    const scoped = scopeCondition(scope, 's', params);
    const checks: {
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
    }[] = await manager.query(
      `SELECT s.id, s.month, s.unit_id AS "unitId", un.name AS "unitName", s.seed,
              s.sample_size AS "sampleSize", s.pool_rating_ids AS "poolRatingIds",
              s.created_at AS "createdAt", s.created_by AS "createdBy", u.name AS "creatorName"
         FROM rating_spot_check s JOIN app_user u ON u.id = s.created_by
         LEFT JOIN unit un ON un.id = s.unit_id
        WHERE s.id = $1 ${scoped ? `AND ${scoped}` : ''}`,
      params,
    );
    const check = checks[0];
    if (!check) throw new DomainException('NOT_FOUND');
    const items: {
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
    }[] = await manager.query(
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
      [id],
    );
    const verified = items.filter((i) => i.result !== null).length;
    return {
      id: check.id,
      month: check.month,
      unitId: check.unitId,
      unitName: check.unitName,
      seed: check.seed,
      sampleSize: check.sampleSize,
      poolRatingIds: [...check.poolRatingIds].sort(),
      createdAt: check.createdAt.toISOString(),
      createdBy: { id: check.createdBy, name: check.creatorName },
      items: items.map((i) => ({
        ratingId: i.ratingId,
        rank: i.rank,
        visitId: i.visitId,
        enterpriseName: i.enterpriseName,
        contactName: i.contactName,
        contactPhone: i.contactPhone,
        overall: i.overall,
        submittedAt: i.submittedAt.toISOString(),
        result: i.result,
        note: i.note,
        verifiedAt: i.verifiedAt?.toISOString() ?? null,
        verifiedBy:
          i.verifiedById && i.verifiedByName
            ? { id: i.verifiedById, name: i.verifiedByName }
            : null,
      })),
      verifiedShare: items.length === 0 ? 0 : verified / items.length,
    };
  }
}
