import { Injectable } from '@nestjs/common';
import {
  emptyLevelCounts,
  REFUSING_REASON_CODES,
  REPORT_STATUSES,
  type DeskSummary,
  type ParsedQuery,
  type Purpose,
  type ReasonCode,
  type ReportStatus,
} from '@qinqing/domain';
import { ChainCheckService } from '../audit/chain-check.service';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { DomainException } from '../common/errors/domain.exception';
import { PolicyService } from '../policy/policy.service';
import { ScopeService } from '../scope/scope.service';
import { bureauMonth } from '../common/bureau-time';
import type { AccessScope } from '../scope/access-scope';
import { VisitsRepository } from '../visits/visits.repository';
import { DeskFiguresRepository, type LevelCountsRow } from './desk-figures.repository';
import { deskUnits, deskVisitScope, type DeskUnits } from './desk-scope';

/** The desk's default period: the last 12 weeks. */
const DEFAULT_PERIOD_DAYS = 12 * 7;
const REPEAT_VISITS_TOP = 20;

interface Period {
  units: DeskUnits;
  /** the visits of the units (deskVisitScope) */
  visits: AccessScope;
  from: Date;
  to: Date;
  utcOffsetMinutes: number;
}

/**
 * What the supervisor's desk draws, computed in SQL over the jurisdiction (or one unit of it):
 * events (visits, refusals, ratings, finished cases and reports) within the period, open work
 * (open and overdue follow-ups, reports not concluded) as of now.
 */
@Injectable()
export class DeskService {
  constructor(
    private readonly visitsRepository: VisitsRepository,
    private readonly figures: DeskFiguresRepository,
    private readonly scopes: ScopeService,
    private readonly policies: PolicyService,
    private readonly chainChecks: ChainCheckService,
  ) {}

  async summary(
    caller: AuthenticatedUser,
    query: ParsedQuery<'deskSummary'>,
  ): Promise<DeskSummary> {
    const now = new Date();
    const to = query.to ? new Date(query.to) : now;
    const from = query.from
      ? new Date(query.from)
      : new Date(to.getTime() - DEFAULT_PERIOD_DAYS * 86_400_000);
    if (from.getTime() >= to.getTime()) {
      throw new DomainException('VALIDATION_FAILED', {
        errors: [{ field: 'from', message: '开始时间应早于结束时间' }],
      });
    }
    const units = await deskUnits(this.scopes, caller, query.unitId);
    const policy = await this.policies.current();
    const period: Period = {
      units,
      visits: deskVisitScope(units, caller.id),
      from,
      to,
      utcOffsetMinutes: policy.utcOffsetMinutes,
    };
    const [
      visitsPerWeek,
      refusalsByRule,
      positiveList,
      repeatVisits,
      ratingsByUnit,
      ratingsByOfficer,
      followUps,
      reports,
      spotCheck,
      chain,
    ] = await Promise.all([
      this.visitsPerWeek(period),
      this.refusalsByRule(period),
      this.positiveListVisits(period),
      this.repeatVisits(period),
      this.ratingsByUnit(period),
      this.ratingsByOfficer(period),
      this.followUps(period, now),
      this.reports(period),
      this.spotCheck(caller, query.unitId, now, policy.utcOffsetMinutes),
      this.chainChecks.status(),
    ]);
    const allowed = new Set<Purpose>(policy.positiveListAllowedPurposes);
    return {
      from: from.toISOString(),
      to: to.toISOString(),
      visitsPerWeek,
      refusalsByRule,
      positiveListVisits: positiveList.map((row) => ({
        ...row,
        allowedPurpose: allowed.has(row.purpose),
      })),
      repeatVisits,
      ratingsByUnit,
      ratingsByOfficer,
      followUps,
      reports,
      spotCheck,
      chain,
    };
  }

  /** Entered visits (not refused) per week (Monday, bureau time) and purpose. */
  private visitsPerWeek(p: Period): Promise<DeskSummary['visitsPerWeek']> {
    return this.visitsRepository.enteredPerWeek(p.visits, p);
  }

  /**
   * The rules that refused attempts, most frequent first: each refusing reason of a refused
   * attempt, not the flags it also carries (e.g. 两名以上执法人员, which never refuses). A repeat
   * visit refuses only at a firm on the positive list that day (isRefusingReason).
   */
  private refusalsByRule(p: Period): Promise<{ code: ReasonCode; count: number }[]> {
    return this.visitsRepository.refusalsByRule(p.visits, p, REFUSING_REASON_CODES);
  }

  /**
   * Attempts at firms on the positive list on the day of the attempt (bureau time), per purpose.
   * Membership on a day is the rule of enterprises/positive-list.ts.
   */
  private positiveListVisits(
    p: Period,
  ): Promise<{ purpose: Purpose; attempts: number; entered: number }[]> {
    return this.visitsRepository.positiveListAttempts(p.visits, p);
  }

  /** Firms entered more than once in the period, most visited first. */
  private repeatVisits(p: Period): Promise<DeskSummary['repeatVisits']> {
    return this.visitsRepository.repeatedlyEnteredFirms(p.visits, p, REPEAT_VISITS_TOP);
  }

  /** Overall marks of the ratings submitted in the period, per unit of the visit. */
  private async ratingsByUnit(p: Period): Promise<DeskSummary['ratingsByUnit']> {
    const rows = await this.figures.ratingsByUnit(p);
    return rows.map(({ good, fair, poor, ...unit }) => ({
      ...unit,
      ...levelCounts({ good, fair, poor }),
    }));
  }

  /** Overall marks of the ratings submitted in the period, per officer of the visit. */
  private async ratingsByOfficer(p: Period): Promise<DeskSummary['ratingsByOfficer']> {
    const rows = await this.figures.ratingsByOfficer(p);
    return rows.map(({ good, fair, poor, ...officer }) => ({
      ...officer,
      ...levelCounts({ good, fair, poor }),
    }));
  }

  /** Open and overdue cases as of now; cases closed within the period. */
  private followUps(p: Period, now: Date): Promise<DeskSummary['followUps']> {
    return this.figures.followUps(p, now);
  }

  /** Reports not concluded as of now; reports concluded within the period. */
  private async reports(p: Period): Promise<Record<ReportStatus, number>> {
    const rows = await this.figures.reportsByStatus(p);
    const counts = Object.fromEntries(REPORT_STATUSES.map((s) => [s, 0])) as Record<
      ReportStatus,
      number
    >;
    for (const row of rows) counts[row.status] = row.count;
    return counts;
  }

  /**
   * This month's spot check of the supervisor's jurisdiction (an admin: of the unit asked for):
   * the month's ratings there, the ratings drawn and those verified. Null when there is none.
   */
  private async spotCheck(
    caller: AuthenticatedUser,
    unitId: string | undefined,
    now: Date,
    utcOffsetMinutes: number,
  ): Promise<DeskSummary['spotCheck']> {
    const user = await this.scopes.account(caller.id);
    const root = user?.role === 'supervisor' ? user.jurisdictionUnitId : (unitId ?? null);
    if (!root) return null;
    const { month, start, end } = bureauMonth(now, utcOffsetMinutes);
    const row = await this.figures.spotCheckOf(root, month);
    if (!row) return null;
    const units = await this.scopes.subtree(root);
    const ratings = await this.figures.ratingsSubmitted(units, start, end);
    return { month, ratings, sampled: row.sampled, verified: row.verified };
  }
}

function levelCounts(row: LevelCountsRow): ReturnType<typeof emptyLevelCounts> {
  return { ...emptyLevelCounts(), GOOD: row.good, FAIR: row.fair, POOR: row.poor };
}
