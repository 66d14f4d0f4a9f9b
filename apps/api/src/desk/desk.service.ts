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
import { DataSource } from 'typeorm';
import { ChainCheckService } from '../audit/chain-check.service';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { DomainException } from '../common/errors/domain.exception';
import { positiveListOnDaySql } from '../enterprises/positive-list';
import { PolicyService } from '../policy/policy.service';
import { ScopeService } from '../scope/scope.service';
import { User } from '../users/user.entity';
import { bureauLocalSql, bureauMonth } from '../common/bureau-time';
import { deskUnits, inDeskUnitsSql, visitInDeskUnitsSql, type DeskUnits } from './desk-scope';

/** The desk's default period: the last 12 weeks. */
const DEFAULT_PERIOD_DAYS = 12 * 7;
const REPEAT_VISITS_TOP = 20;

interface Period {
  units: DeskUnits;
  from: Date;
  to: Date;
  utcOffsetMinutes: number;
}

interface LevelRow {
  good: number;
  fair: number;
  poor: number;
}

/**
 * What the supervisor's desk draws, computed in SQL over the jurisdiction (or one unit of it):
 * events (visits, refusals, ratings, finished cases and reports) within the period, open work
 * (open and overdue follow-ups, reports not concluded) as of now.
 */
@Injectable()
export class DeskService {
  constructor(
    private readonly dataSource: DataSource,
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
    const period: Period = { units, from, to, utcOffsetMinutes: policy.utcOffsetMinutes };
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
    return this.dataSource.query(
      `SELECT to_char(date_trunc('week', ${bureauLocalSql('v.checked_in_at', '$4')}), 'YYYY-MM-DD')
                AS "weekStart",
              v.purpose, count(*)::int AS count
         FROM visit v
        WHERE v.outcome <> 'REFUSED' AND v.checked_in_at >= $2 AND v.checked_in_at < $3
          AND ${visitInDeskUnitsSql('v', '$1')}
        GROUP BY 1, 2 ORDER BY 1, 2`,
      [p.units, p.from, p.to, p.utcOffsetMinutes],
    );
  }

  /**
   * The rules that refused attempts, most frequent first: each refusing reason of a refused
   * attempt, not the flags it also carries (e.g. 两名以上执法人员, which never refuses). A repeat
   * visit refuses only at a firm on the positive list that day (isRefusingReason).
   */
  private refusalsByRule(p: Period): Promise<{ code: ReasonCode; count: number }[]> {
    const day = `${bureauLocalSql('v.checked_in_at', '$5')}::date`;
    return this.dataSource.query(
      `SELECT r.reason ->> 'code' AS code, count(*)::int AS count
         FROM visit v CROSS JOIN LATERAL jsonb_array_elements(v.reasons) AS r(reason)
        WHERE v.outcome = 'REFUSED' AND v.checked_in_at >= $2 AND v.checked_in_at < $3
          AND ${visitInDeskUnitsSql('v', '$1')}
          AND (r.reason ->> 'code' = ANY($4::text[])
               OR (r.reason ->> 'code' = 'REPEAT_VISIT'
                   AND ${positiveListOnDaySql('v.enterprise_id', day)}))
        GROUP BY 1 ORDER BY 2 DESC, 1`,
      [p.units, p.from, p.to, [...REFUSING_REASON_CODES], p.utcOffsetMinutes],
    );
  }

  /**
   * Attempts at firms on the positive list on the day of the attempt (bureau time), per purpose.
   * Membership on a day is the rule of enterprises/positive-list.ts.
   */
  private positiveListVisits(
    p: Period,
  ): Promise<{ purpose: Purpose; attempts: number; entered: number }[]> {
    const day = `${bureauLocalSql('v.checked_in_at', '$4')}::date`;
    return this.dataSource.query(
      `SELECT v.purpose, count(*)::int AS attempts,
              (count(*) FILTER (WHERE v.outcome <> 'REFUSED'))::int AS entered
         FROM visit v
        WHERE v.checked_in_at >= $2 AND v.checked_in_at < $3
          AND ${visitInDeskUnitsSql('v', '$1')}
          AND ${positiveListOnDaySql('v.enterprise_id', day)}
        GROUP BY v.purpose ORDER BY 2 DESC, 1`,
      [p.units, p.from, p.to, p.utcOffsetMinutes],
    );
  }

  /** Firms entered more than once in the period, most visited first. */
  private repeatVisits(p: Period): Promise<DeskSummary['repeatVisits']> {
    return this.dataSource.query(
      `SELECT v.enterprise_id AS "enterpriseId", e.name AS "enterpriseName",
              count(*)::int AS visits
         FROM visit v LEFT JOIN enterprise e ON e.id = v.enterprise_id
        WHERE v.outcome <> 'REFUSED' AND v.enterprise_id IS NOT NULL
          AND v.checked_in_at >= $2 AND v.checked_in_at < $3
          AND ${visitInDeskUnitsSql('v', '$1')}
        GROUP BY v.enterprise_id, e.name HAVING count(*) > 1
        ORDER BY 3 DESC, 2 LIMIT ${REPEAT_VISITS_TOP}`,
      [p.units, p.from, p.to],
    );
  }

  /** Overall marks of the ratings submitted in the period, per unit of the visit. */
  private async ratingsByUnit(p: Period): Promise<DeskSummary['ratingsByUnit']> {
    const rows: ({ unitId: string; unitName: string | null } & LevelRow)[] =
      await this.dataSource.query(
        `SELECT r.unit_id AS "unitId", u.name AS "unitName", ${LEVEL_COUNTS_SQL}
           FROM rating r LEFT JOIN unit u ON u.id = r.unit_id
          WHERE r.submitted_at >= $2 AND r.submitted_at < $3
            AND ${inDeskUnitsSql('r.unit_id', '$1')}
          GROUP BY r.unit_id, u.name ORDER BY u.name, r.unit_id`,
        [p.units, p.from, p.to],
      );
    return rows.map(({ good, fair, poor, ...unit }) => ({
      ...unit,
      ...levelCounts({ good, fair, poor }),
    }));
  }

  /** Overall marks of the ratings submitted in the period, per officer of the visit. */
  private async ratingsByOfficer(p: Period): Promise<DeskSummary['ratingsByOfficer']> {
    const rows: ({ officerId: string; name: string; badgeNumber: string | null } & LevelRow)[] =
      await this.dataSource.query(
        `SELECT o.id AS "officerId", o.name, o.badge_number AS "badgeNumber", ${LEVEL_COUNTS_SQL}
           FROM rating r
           JOIN visit_officer vo ON vo.visit_id = r.visit_id
           JOIN app_user o ON o.id = vo.officer_id
          WHERE r.submitted_at >= $2 AND r.submitted_at < $3
            AND ${inDeskUnitsSql('r.unit_id', '$1')}
          GROUP BY o.id, o.name, o.badge_number ORDER BY o.name, o.id`,
        [p.units, p.from, p.to],
      );
    return rows.map(({ good, fair, poor, ...officer }) => ({
      ...officer,
      ...levelCounts({ good, fair, poor }),
    }));
  }

  /** Open and overdue cases as of now; cases closed within the period. */
  private async followUps(p: Period, now: Date): Promise<DeskSummary['followUps']> {
    const [row]: DeskSummary['followUps'][] = await this.dataSource.query(
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

  /** Reports not concluded as of now; reports concluded within the period. */
  private async reports(p: Period): Promise<Record<ReportStatus, number>> {
    const rows: { status: ReportStatus; count: number }[] = await this.dataSource.query(
      `SELECT m.status, count(*)::int AS count
         FROM misconduct_report m
        WHERE ${inDeskUnitsSql('m.unit_id', '$1')}
          AND (m.status <> 'CONCLUDED' OR (m.updated_at >= $2 AND m.updated_at < $3))
        GROUP BY m.status`,
      [p.units, p.from, p.to],
    );
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
    const user = await this.dataSource.getRepository(User).findOneBy({ id: caller.id });
    const root = user?.role === 'supervisor' ? user.jurisdictionUnitId : (unitId ?? null);
    if (!root) return null;
    const { month, start, end } = bureauMonth(now, utcOffsetMinutes);
    const [row]: { sampled: number; verified: number }[] = await this.dataSource.query(
      `SELECT (SELECT count(*) FROM rating_spot_check_item i WHERE i.check_id = c.id)::int
                AS sampled,
              (SELECT count(*) FROM rating_spot_check_item i
                WHERE i.check_id = c.id AND i.result IS NOT NULL)::int AS verified
         FROM rating_spot_check c WHERE c.unit_id = $1 AND c.month = $2`,
      [root, month],
    );
    if (!row) return null;
    const units = await this.scopes.subtree(root);
    const [{ ratings }]: { ratings: number }[] = await this.dataSource.query(
      `SELECT count(*)::int AS ratings FROM rating r
        WHERE r.unit_id = ANY($1::uuid[]) AND r.submitted_at >= $2 AND r.submitted_at < $3`,
      [units, start, end],
    );
    return { month, ratings, sampled: row.sampled, verified: row.verified };
  }
}

const LEVEL_COUNTS_SQL = `(count(*) FILTER (WHERE r.overall = 'GOOD'))::int AS good,
  (count(*) FILTER (WHERE r.overall = 'FAIR'))::int AS fair,
  (count(*) FILTER (WHERE r.overall = 'POOR'))::int AS poor`;

function levelCounts(row: LevelRow): ReturnType<typeof emptyLevelCounts> {
  return { ...emptyLevelCounts(), GOOD: row.good, FAIR: row.fair, POOR: row.poor };
}
