import { Injectable } from '@nestjs/common';
import {
  PAGE_SIZE,
  type ParsedBody,
  type ParsedQuery,
  emptyLevelCounts,
  lastReleasedMonth,
  RATING_ITEMS,
  ratingNeedsFollowUp,
  type ErrorCode,
  type LevelCounts,
  type RatingListItem,
  type RatingStatusView,
  type RatingSummary,
  type RatingView,
} from '@qinqing/domain';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { AuditService } from '../audit/audit.service';
import { bureauMonth } from '../common/bureau-time';
import { decodeCursor, encodeCursor } from '../common/cursor';
import { DomainException } from '../common/errors/domain.exception';
import { Transactions, type Tx } from '../database/transactions';
import { PolicyService } from '../policy/policy.service';
import { ScopeService } from '../scope/scope.service';
import type { Visit } from '../visits/visit.entity';
import type { FollowUpCase } from './follow-up-case.entity';
import { ratingListItems, ratingView } from './rating-views';
import type { Rating } from './rating.entity';
import { VisitsRepository } from '../visits/visits.repository';
import { RatingsRepository } from './ratings.repository';
import { parseSignature } from './signature';

const DAY_MS = 86_400_000;

type ClosedReason = NonNullable<RatingStatusView['reason']>;

const CLOSED_BECAUSE: Record<ClosedReason, ErrorCode> = {
  REFUSED: 'RATING_NOT_APPLICABLE',
  NOT_CHECKED_OUT: 'VISIT_NOT_CHECKED_OUT',
  WINDOW_CLOSED: 'RATING_WINDOW_CLOSED',
};

/** 好差评: a firm's rating of a visit, and what each role may see of ratings. */
@Injectable()
export class RatingsService {
  constructor(
    private readonly ratings: RatingsRepository,
    private readonly visits: VisitsRepository,
    private readonly transactions: Transactions,
    private readonly scopes: ScopeService,
    private readonly audit: AuditService,
    private readonly policies: PolicyService,
  ) {}

  /**
   * A user of the visited firm rates a checked-out visit, once, within the policy's window. A 差
   * anywhere opens a follow-up case. The rating, the case and their audit entries commit together.
   */
  async rate(
    caller: AuthenticatedUser,
    visitId: string,
    dto: ParsedBody<'rateVisit'>,
  ): Promise<RatingView> {
    const scope = await this.scopes.forUser(caller);
    const signature = parseSignature(dto.signature);
    await this.transactions.run(async (tx) => {
      // The lock serialises two submissions for one visit: the second finds the first.
      const visit = await this.visits.inScope(scope, visitId, true, tx);
      const existing = await this.ratings.existsForVisit(visitId, tx);
      if (existing) throw new DomainException('RATING_EXISTS');
      const now = new Date();
      const window = await this.ratingWindow(visit, now, tx);
      if (window.reason) {
        throw new DomainException(CLOSED_BECAUSE[window.reason], {
          closedAt: window.closesAt?.toISOString() ?? null,
        });
      }
      const rating = await this.ratings.insert(
        {
          visitId,
          enterpriseId: visit.enterpriseId!,
          unitId: visit.unitId,
          overall: dto.overall,
          items: dto.items,
          comment: dto.comment ?? '',
          signature: signature.png,
          signatureSha256: signature.sha256,
          signerId: caller.id,
          submittedAt: now,
        },
        tx,
      );
      const followUp = ratingNeedsFollowUp(dto)
        ? await this.openFollowUp(tx, rating, visit, now)
        : null;
      await this.audit.append(tx, {
        actorId: caller.id,
        action: 'RATING_SUBMITTED',
        subjectType: 'visit',
        subjectId: visitId,
        data: {
          ratingId: rating.id,
          overall: rating.overall,
          items: rating.items,
          comment: rating.comment,
          signatureSha256: rating.signatureSha256,
          followUpCaseId: followUp?.id ?? null,
        },
        row: { table: 'rating', id: rating.id },
        chainKey: visit.unitId,
      });
    });
    return this.get(caller, visitId);
  }

  /** The rating of a visit in the caller's scope (the firm, supervisors, admins). */
  async get(caller: AuthenticatedUser, visitId: string): Promise<RatingView> {
    const scope = await this.scopes.forUser(caller);
    await this.visits.inScope(scope, visitId, false);
    const row = await this.ratings.viewRowOfVisit(visitId);
    if (!row) throw new DomainException('NOT_FOUND', {}, '该次检查尚未评价。');
    return ratingView(row);
  }

  /** Whether the firm may rate the visit now, and until when. */
  async status(caller: AuthenticatedUser, visitId: string): Promise<RatingStatusView> {
    const scope = await this.scopes.forUser(caller);
    const visit = await this.visits.inScope(scope, visitId, false);
    const rated = await this.ratings.existsForVisit(visitId);
    const { closesAt, reason } = await this.ratingWindow(visit, new Date());
    return {
      visitId,
      rated,
      open: !rated && reason === null,
      closesAt: closesAt?.toISOString() ?? null,
      reason: rated ? null : reason,
    };
  }

  /** Ratings in a supervisor's jurisdiction (all for an admin), newest first. */
  async list(
    caller: AuthenticatedUser,
    query: ParsedQuery<'listRatings'>,
  ): Promise<{ items: RatingListItem[]; nextCursor: string | null }> {
    const scope = await this.scopes.forUser(caller);
    const limit = query.limit ?? PAGE_SIZE.default;
    const cursor = query.cursor ? decodeCursor(query.cursor) : null;
    const rows = await this.ratings.pageInScope(scope, query, {
      after: cursor ? { submittedAt: new Date(cursor.t), id: cursor.id } : undefined,
      limit: limit + 1,
    });
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return {
      items: await this.listItems(page.map((r) => r.id)),
      nextCursor:
        rows.length > limit && last
          ? encodeCursor({ t: last.submittedAt.toISOString(), id: last.id })
          : null,
    };
  }

  /**
   * An officer's own ratings, only aggregated and only over released batches of ended months
   * (lastReleasedMonth), so that no figure points back at one firm.
   */
  async officerSummary(caller: AuthenticatedUser): Promise<RatingSummary> {
    const policy = await this.policies.current();
    const offset = policy.utcOffsetMinutes;
    const currentMonth = bureauMonth(new Date(), offset).month;
    const counts = await this.ratings.monthlyCountsOfOfficer(caller.id, offset, currentMonth);
    const through = lastReleasedMonth(counts, policy.ratingReleaseMinCount);
    const releaseRule =
      `评价按自然月分批汇总发布：每批至少 ${policy.ratingReleaseMinCount} 条评价，且该月结束后才计入；` +
      '只显示汇总数字，不显示评价企业、具体检查和意见内容。';
    const summary: RatingSummary = {
      total: 0,
      releasedFrom: null,
      releasedThrough: through,
      overall: emptyLevelCounts(),
      items: RATING_ITEMS.map(() => emptyLevelCounts()),
      releaseRule,
    };
    if (!through) return summary;
    const released = counts.filter((m) => m.month <= through);
    summary.releasedFrom = released.map((m) => m.month).sort()[0] ?? null;
    const rows = await this.ratings.levelsOfOfficerThrough(caller.id, offset, through);
    for (const row of rows) {
      summary.total += 1;
      summary.overall[row.overall] += 1;
      row.items.forEach((level, i) => {
        (summary.items[i] as LevelCounts)[level] += 1;
      });
    }
    return summary;
  }

  /**
   * When the rating window of a visit closes (the policy in force at check-out decides), and why
   * it cannot be rated at `now`, if it cannot.
   */
  private async ratingWindow(
    visit: Visit,
    now: Date,
    tx?: Tx,
  ): Promise<{ closesAt: Date | null; reason: ClosedReason | null }> {
    if (visit.outcome === 'REFUSED') return { closesAt: null, reason: 'REFUSED' };
    if (!visit.checkedOutAt) return { closesAt: null, reason: 'NOT_CHECKED_OUT' };
    const policy = await this.policies.inForceAt(visit.checkedOutAt, tx);
    const closesAt = new Date(visit.checkedOutAt.getTime() + policy.ratingWindowDays * DAY_MS);
    return { closesAt, reason: now.getTime() > closesAt.getTime() ? 'WINDOW_CLOSED' : null };
  }

  /** Ratings for the list (no signature images), with their visits' officers, in `ids` order. */
  private async listItems(ids: string[]): Promise<RatingListItem[]> {
    if (ids.length === 0) return [];
    const rows = await this.ratings.viewRows(ids);
    const officers = await this.visits.officersOf(rows.map((r) => r.visitId));
    return ratingListItems(ids, rows, officers);
  }

  private async openFollowUp(
    tx: Tx,
    rating: Rating,
    visit: Visit,
    now: Date,
  ): Promise<FollowUpCase> {
    const policy = await this.policies.inForceAt(now, tx);
    const followUp = await this.ratings.insertFollowUp(
      {
        ratingId: rating.id,
        visitId: visit.id,
        enterpriseId: rating.enterpriseId,
        unitId: visit.unitId,
        status: 'OPEN' as const,
        openedAt: now,
        dueAt: new Date(now.getTime() + policy.followUpDeadlineDays * DAY_MS),
        finding: null,
        resolution: null,
        closedAt: null,
        closedBy: null,
      },
      tx,
    );
    await this.audit.append(tx, {
      actorId: null,
      action: 'FOLLOW_UP_OPENED',
      subjectType: 'follow_up',
      subjectId: followUp.id,
      data: { ratingId: rating.id, visitId: visit.id, dueAt: followUp.dueAt.toISOString() },
      row: { table: 'follow_up_case', id: followUp.id },
      chainKey: visit.unitId,
    });
    return followUp;
  }
}
