import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { seededSample, type SpotCheckView } from '@qinqing/domain';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { AuditService } from '../audit/audit.service';
import { bureauMonth } from '../common/bureau-time';
import { DomainException } from '../common/errors/domain.exception';
import { Transactions, type Tx } from '../database/transactions';
import { PolicyService } from '../policy/policy.service';
import type { AccessScope } from '../scope/access-scope';
import { ScopeService } from '../scope/scope.service';
import { UsersRepository } from '../users/users.repository';
import type { ParsedBody } from '@qinqing/domain';
import { RatingsRepository } from './ratings.repository';
import { SpotChecksRepository } from './spot-checks.repository';

/**
 * 抽查: each month a supervisor draws ratings of the jurisdiction to verify by phone. The sample is
 * seededSample(pool, seed, size) with a fresh random seed, published with the pool.
 */
@Injectable()
export class SpotChecksService {
  constructor(
    private readonly spotChecks: SpotChecksRepository,
    private readonly users: UsersRepository,
    private readonly ratings: RatingsRepository,
    private readonly transactions: Transactions,
    private readonly scopes: ScopeService,
    private readonly audit: AuditService,
    private readonly policies: PolicyService,
  ) {}

  async draw(caller: AuthenticatedUser, dto: ParsedBody<'drawSpotCheck'>): Promise<SpotCheckView> {
    const root = await this.users.jurisdictionOf(caller.id);
    if (!root) throw new DomainException('FORBIDDEN', {}, '该账号没有管辖范围，不能抽查评价。');
    const policy = await this.policies.current();
    const offset = policy.utcOffsetMinutes;
    if (dto.month > bureauMonth(new Date(), offset).month) {
      throw new DomainException('VALIDATION_FAILED', {
        errors: [{ field: 'month', message: '只能抽查本月或以前月份的评价' }],
      });
    }
    const units = await this.scopes.subtree(root);
    const id = await this.transactions.run(async (tx) => {
      // One draw per jurisdiction and month: the unique index decides a race; check first for a
      // clear answer.
      const exists = await this.spotChecks.existsFor(root, dto.month, tx);
      if (exists) throw new DomainException('SPOT_CHECK_EXISTS');
      const poolRatingIds = await this.ratings.idsOfUnitsInMonth(units, offset, dto.month, tx);
      if (poolRatingIds.length === 0) throw new DomainException('SPOT_CHECK_EMPTY');
      const seed = randomBytes(32).toString('hex');
      const sample = seededSample(poolRatingIds, seed, dto.sampleSize);
      const check = await this.spotChecks.insert(
        {
          month: dto.month,
          unitId: root,
          seed,
          sampleSize: sample.length,
          poolRatingIds,
          createdAt: new Date(),
          createdBy: caller.id,
        },
        sample,
        tx,
      );
      await this.audit.append(tx, {
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
    const ids = await this.spotChecks.latestIdsInScope(scope);
    return Promise.all(ids.map((id) => this.view(scope, id)));
  }

  async get(caller: AuthenticatedUser, id: string): Promise<SpotCheckView> {
    const scope = await this.scopes.forUser(caller);
    return this.view(scope, id);
  }

  /** The result of the phone call about one drawn rating (may be corrected; each is audited). */
  async record(
    caller: AuthenticatedUser,
    id: string,
    ratingId: string,
    dto: ParsedBody<'recordSpotCheckResult'>,
  ): Promise<SpotCheckView> {
    const scope = await this.scopes.forUser(caller);
    return this.transactions.run(async (tx) => {
      await this.view(scope, id, tx);
      const item = await this.spotChecks.item(id, ratingId, tx);
      if (!item) throw new DomainException('NOT_FOUND', {}, '该评价不在本次抽查样本中。');
      item.result = dto.result;
      item.note = dto.note ?? null;
      item.verifiedAt = new Date();
      item.verifiedBy = caller.id;
      await this.spotChecks.saveResult(item, tx);
      await this.audit.append(tx, {
        actorId: caller.id,
        action: 'SPOT_CHECK_RESULT',
        subjectType: 'spot_check',
        subjectId: id,
        data: { ratingId, result: dto.result, note: item.note },
      });
      return this.view(scope, id, tx);
    });
  }

  private async view(scope: AccessScope, id: string, tx?: Tx): Promise<SpotCheckView> {
    const check = await this.spotChecks.viewRowInScope(scope, id, tx);
    if (!check) throw new DomainException('NOT_FOUND');
    const items = await this.spotChecks.itemRows(id, tx);
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
