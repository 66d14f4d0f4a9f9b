import { Injectable } from '@nestjs/common';
import type {
  CheckInOutcome,
  DecisionReason,
  DeskSummary,
  Findings,
  Purpose,
  ReasonCode,
  VisitFilterValues,
  VisitOfficerView,
  VisitView,
} from '@qinqing/domain';
import { DataSource, type EntityManager } from 'typeorm';
import { bureauLocalSql } from '../common/bureau-time';
import { DomainException } from '../common/errors/domain.exception';
import { sqlOf, type Tx } from '../database/transactions';
import { positiveListOnDaySql } from '../enterprises/positive-list';
import type { AccessScope } from '../scope/access-scope';
import { visitFiltersSql } from './visit-filters';
import {
  capWindow,
  enteredVisitSql,
  partitionKeySql,
  VISIT_KEY_TIME_SQL,
  visitByIdSql,
  visitScopeSql,
} from './visit-sql';
import type { Visit } from './visit.entity';

/** A visit row as the services use it: the entity's fields (without relations). */
export type VisitRow = Omit<Visit, 'officer' | 'unit' | 'enterprise' | 'gate'>;

/** The fields of a check-out. */
export interface CheckOutFields {
  checkedOutAt: Date;
  findings: Findings;
  notes: string | null;
  rectifyBy: string | null;
}

/**
 * A visit's id with its partition key (checked_in_at as exact text, partitionKeySql): statements
 * given both are planned for the visit's month alone.
 */
export interface VisitRef {
  id: string;
  partitionKey: string;
}

/** A visit left open that the auto-close takes (locked). */
export interface StaleVisitRow extends VisitRef {
  unitId: string;
}

/** A row of the visit log export (names joined for display). */
export interface VisitExportRow {
  checkedInAt: Date;
  enterpriseName: string | null;
  uscc: string | null;
  gateName: string | null;
  unitName: string | null;
  officers: string | null;
  purpose: Purpose;
  reference: string | null;
  outcome: CheckInOutcome;
  reasons: DecisionReason[];
  policyVersion: number;
  checkedOutAt: Date | null;
  findings: Findings | null;
  rectifyBy: string | null;
  notes: string | null;
  autoClosed: boolean;
  id: string;
}

/** A prior visit at a firm, for the repeat-visit and yearly-cap rules. */
export interface PriorVisitRow {
  enterpriseId: string;
  checkedInAt: Date;
  purpose: Purpose;
  reference: string | null;
  unitLevel: string;
}

/** A period of the desk's figures: [from, to), days and weeks in bureau time. */
export interface VisitPeriod {
  from: Date;
  to: Date;
  utcOffsetMinutes: number;
}

/** The place of the page in GET /visits: after this visit (newest first). */
export interface VisitCursor {
  checkedInAt: Date;
  id: string;
}

/** Every column of visit `v`, named as the entity's fields. */
const VISIT_COLUMNS = `v.id, v.client_id AS "clientId", v.officer_id AS "officerId",
  v.unit_id AS "unitId", v.enterprise_id AS "enterpriseId", v.gate_id AS "gateId",
  v.code_version AS "codeVersion", v.purpose, v.reference, v.outcome, v.reasons,
  v.policy_version AS "policyVersion", v.lat, v.lng, v.location_accuracy AS "locationAccuracy",
  v.client_time AS "clientTime", v.received_at AS "receivedAt", v.checked_in_at AS "checkedInAt",
  v.checked_out_at AS "checkedOutAt", v.findings, v.notes,
  to_char(v.rectify_by, 'YYYY-MM-DD') AS "rectifyBy", v.auto_closed AS "autoClosed"`;

/** Officers of the visit `v` as "name/badge", lead first, joined with 、 (for listings and exports). */
export const OFFICERS_OF_VISIT_SQL = `(SELECT string_agg(o.name || COALESCE('/' || o.badge_number, ''), '、'
                                 ORDER BY vo.is_lead DESC, o.name)
                        FROM visit_officer vo JOIN app_user o ON o.id = vo.officer_id
                       WHERE vo.visit_id = v.id)`;

/**
 * The visits aggregate (visit, visit_officer): every statement on these tables outside the
 * check-in. Reads that list visits JOIN enterprise, gate, unit and app_user for the names they
 * show, in the same statement.
 */
@Injectable()
export class VisitsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** One visit in the scope (locked FOR NO KEY UPDATE when asked); outside it, 404 NOT_FOUND. */
  inScope(scope: AccessScope, id: string, lock: boolean, tx?: Tx): Promise<VisitRow & VisitRef> {
    return visitInScopeOn(sqlOf(this.dataSource, tx), scope, id, lock);
  }

  /** The officers of the visits (the lead first, then by name), each with its visit's id. */
  officersOf(
    visitIds: string[],
    tx?: Tx,
  ): Promise<{ visitId: string; id: string; name: string; badgeNumber: string | null }[]> {
    return sqlOf(this.dataSource, tx).query(
      `SELECT vo.visit_id AS "visitId", u.id, u.name, u.badge_number AS "badgeNumber"
         FROM visit_officer vo JOIN app_user u ON u.id = vo.officer_id
        WHERE vo.visit_id = ANY($1) ORDER BY vo.is_lead DESC, u.name`,
      [visitIds],
    );
  }

  /** A page of GET /visits: the scope's visits with these filters after the cursor, newest first. */
  async page(
    scope: AccessScope,
    filters: VisitFilterValues,
    after: VisitCursor | null,
    limit: number,
    tx?: Tx,
  ): Promise<VisitRow[]> {
    const params: unknown[] = [];
    const conditions = [
      visitScopeSql('v', scope, params),
      ...visitFiltersSql('v', filters, params),
    ];
    if (after) {
      params.push(after.checkedInAt, after.id);
      conditions.push(`(v.checked_in_at, v.id) < ($${params.length - 1}, $${params.length})`);
    }
    params.push(limit);
    return sqlOf(this.dataSource, tx).query(
      `SELECT ${VISIT_COLUMNS} FROM visit v
        WHERE ${conditions.join(' AND ')}
        ORDER BY v.checked_in_at DESC, v.id DESC LIMIT $${params.length}`,
      params,
    );
  }

  /** The views of visits (officers and place names), in two statements whatever their number. */
  views(visits: VisitRow[], tx?: Tx): Promise<VisitView[]> {
    return visitViewsOn(sqlOf(this.dataSource, tx), visits);
  }

  /** The unit of a visit made to the firm (null: no such visit of that firm). */
  async unitOfFirmVisit(visitId: string, enterpriseId: string, tx?: Tx): Promise<string | null> {
    const sql = sqlOf(this.dataSource, tx);
    const checkedInAt = await partitionKeyOf(sql, visitId);
    if (!checkedInAt) return null;
    const [visit]: { unitId: string }[] = await sql.query(
      `SELECT v.unit_id AS "unitId" FROM visit v
        WHERE ${visitByIdSql('v', '$1', '$3')} AND v.enterprise_id = $2`,
      [visitId, enterpriseId, checkedInAt],
    );
    return visit?.unitId ?? null;
  }

  /** Whether the user is one of the visit's officers. */
  async isOfficerOf(visitId: string, userId: string, tx?: Tx): Promise<boolean> {
    const rows: unknown[] = await sqlOf(this.dataSource, tx).query(
      'SELECT 1 FROM visit_officer WHERE visit_id = $1 AND officer_id = $2',
      [visitId, userId],
    );
    return rows.length > 0;
  }

  /** Records the check-out of a visit. */
  async checkOut(visit: VisitRef, fields: CheckOutFields, tx?: Tx): Promise<void> {
    await sqlOf(this.dataSource, tx).query(
      `UPDATE visit v SET checked_out_at = $3, findings = $4, notes = $5, rectify_by = $6
        WHERE ${visitByIdSql('v', '$1', '$2')}`,
      [
        visit.id,
        visit.partitionKey,
        fields.checkedOutAt,
        fields.findings,
        fields.notes,
        fields.rectifyBy,
      ],
    );
  }

  /**
   * Entered visits still open that were checked in before the cutoff, oldest first, locked; those
   * another transaction holds are skipped (it is closing them).
   */
  lockStaleOpen(cutoff: Date, tx?: Tx): Promise<StaleVisitRow[]> {
    return sqlOf(this.dataSource, tx).query(
      `SELECT id, unit_id AS "unitId", ${partitionKeySql('v.checked_in_at')} AS "partitionKey"
         FROM visit v
        WHERE v.checked_out_at IS NULL AND ${enteredVisitSql('v')} AND v.checked_in_at < $1
        ORDER BY v.checked_in_at FOR NO KEY UPDATE SKIP LOCKED`,
      [cutoff],
    );
  }

  /** Closes a visit by the system: checked out `afterHours` after its check-in, flagged. */
  async autoClose(visit: VisitRef, afterHours: number, tx?: Tx): Promise<void> {
    await sqlOf(this.dataSource, tx).query(
      `UPDATE visit v SET checked_out_at = checked_in_at + make_interval(hours => $3::int),
              auto_closed = true WHERE ${visitByIdSql('v', '$1', '$2')}`,
      [visit.id, visit.partitionKey, afterHours],
    );
  }

  /** The visit log export: the scope's visits with these filters, newest first, at most `limit`. */
  exportRows(
    scope: AccessScope,
    filters: VisitFilterValues,
    limit: number,
    tx?: Tx,
  ): Promise<VisitExportRow[]> {
    const params: unknown[] = [];
    const conditions = [
      visitScopeSql('v', scope, params),
      ...visitFiltersSql('v', filters, params),
    ];
    params.push(limit);
    return sqlOf(this.dataSource, tx).query(
      `SELECT v.id, v.checked_in_at AS "checkedInAt", e.name AS "enterpriseName", e.uscc,
              g.name AS "gateName", u.name AS "unitName", ${OFFICERS_OF_VISIT_SQL} AS officers,
              v.purpose, v.reference, v.outcome, v.reasons, v.policy_version AS "policyVersion",
              v.checked_out_at AS "checkedOutAt", v.findings,
              to_char(v.rectify_by, 'YYYY-MM-DD') AS "rectifyBy", v.notes,
              v.auto_closed AS "autoClosed"
         FROM visit v
         LEFT JOIN enterprise e ON e.id = v.enterprise_id
         LEFT JOIN gate g ON g.id = v.gate_id
         LEFT JOIN unit u ON u.id = v.unit_id
        WHERE ${conditions.join(' AND ')}
        ORDER BY v.checked_in_at DESC, v.id DESC LIMIT $${params.length}`,
      params,
    );
  }

  /**
   * The prior visits in the cap window (capWindow) of a check-in at `at` at these firms: entered
   * visits since the window's start, oldest first, with the visiting unit's level.
   */
  priorVisitsInCapWindow(
    firmIds: string[],
    at: Date,
    policy: { repeatVisitWindowDays: number; utcOffsetMinutes: number },
    tx?: Tx,
  ): Promise<PriorVisitRow[]> {
    const since = capWindow(at, policy.repeatVisitWindowDays, policy.utcOffsetMinutes).from;
    return sqlOf(this.dataSource, tx).query(
      `SELECT v.enterprise_id AS "enterpriseId", v.checked_in_at AS "checkedInAt", v.purpose,
              v.reference, u.level AS "unitLevel"
         FROM visit v JOIN unit u ON u.id = v.unit_id
        WHERE v.enterprise_id = ANY($1) AND ${enteredVisitSql('v')} AND v.checked_in_at >= $2
        ORDER BY v.checked_in_at`,
      [firmIds, since],
    );
  }

  /** The desk: entered visits per week (Monday, bureau time) and purpose. */
  enteredPerWeek(
    scope: AccessScope,
    p: VisitPeriod,
    tx?: Tx,
  ): Promise<DeskSummary['visitsPerWeek']> {
    const params: unknown[] = [p.from, p.to, p.utcOffsetMinutes];
    return sqlOf(this.dataSource, tx).query(
      `SELECT to_char(date_trunc('week', ${bureauLocalSql('v.checked_in_at', '$3')}), 'YYYY-MM-DD')
                AS "weekStart",
              v.purpose, count(*)::int AS count
         FROM visit v
        WHERE ${enteredVisitSql('v')} AND v.checked_in_at >= $1 AND v.checked_in_at < $2
          AND ${visitScopeSql('v', scope, params)}
        GROUP BY 1, 2 ORDER BY 1, 2`,
      params,
    );
  }

  /**
   * The desk: the rules that refused attempts, most frequent first: each refusing reason (one of
   * `refusingCodes`) of a refused attempt, and a repeat visit only at a firm on the positive list
   * that day.
   */
  refusalsByRule(
    scope: AccessScope,
    p: VisitPeriod,
    refusingCodes: readonly string[],
    tx?: Tx,
  ): Promise<{ code: ReasonCode; count: number }[]> {
    const params: unknown[] = [p.from, p.to, [...refusingCodes], p.utcOffsetMinutes];
    const day = `${bureauLocalSql('v.checked_in_at', '$4')}::date`;
    return sqlOf(this.dataSource, tx).query(
      `SELECT r.reason ->> 'code' AS code, count(*)::int AS count
         FROM visit v CROSS JOIN LATERAL jsonb_array_elements(v.reasons) AS r(reason)
        WHERE v.outcome = 'REFUSED' AND v.checked_in_at >= $1 AND v.checked_in_at < $2
          AND ${visitScopeSql('v', scope, params)}
          AND (r.reason ->> 'code' = ANY($3::text[])
               OR (r.reason ->> 'code' = 'REPEAT_VISIT'
                   AND ${positiveListOnDaySql('v.enterprise_id', day)}))
        GROUP BY 1 ORDER BY 2 DESC, 1`,
      params,
    );
  }

  /** The desk: attempts (and those entered) at firms on the positive list that day, per purpose. */
  positiveListAttempts(
    scope: AccessScope,
    p: VisitPeriod,
    tx?: Tx,
  ): Promise<{ purpose: Purpose; attempts: number; entered: number }[]> {
    const params: unknown[] = [p.from, p.to, p.utcOffsetMinutes];
    const day = `${bureauLocalSql('v.checked_in_at', '$3')}::date`;
    return sqlOf(this.dataSource, tx).query(
      `SELECT v.purpose, count(*)::int AS attempts,
              (count(*) FILTER (WHERE ${enteredVisitSql('v')}))::int AS entered
         FROM visit v
        WHERE v.checked_in_at >= $1 AND v.checked_in_at < $2
          AND ${visitScopeSql('v', scope, params)}
          AND ${positiveListOnDaySql('v.enterprise_id', day)}
        GROUP BY v.purpose ORDER BY 2 DESC, 1`,
      params,
    );
  }

  /** The desk: firms entered more than once in the period, most visited first, at most `top`. */
  repeatedlyEnteredFirms(
    scope: AccessScope,
    p: VisitPeriod,
    top: number,
    tx?: Tx,
  ): Promise<DeskSummary['repeatVisits']> {
    const params: unknown[] = [p.from, p.to, top];
    return sqlOf(this.dataSource, tx).query(
      `SELECT v.enterprise_id AS "enterpriseId", e.name AS "enterpriseName",
              count(*)::int AS visits
         FROM visit v LEFT JOIN enterprise e ON e.id = v.enterprise_id
        WHERE ${enteredVisitSql('v')} AND v.enterprise_id IS NOT NULL
          AND v.checked_in_at >= $1 AND v.checked_in_at < $2
          AND ${visitScopeSql('v', scope, params)}
        GROUP BY v.enterprise_id, e.name HAVING count(*) > 1
        ORDER BY 3 DESC, 2 LIMIT $3`,
      params,
    );
  }
}

async function visitInScopeOn(
  sql: EntityManager,
  scope: AccessScope,
  id: string,
  lock: boolean,
): Promise<VisitRow & VisitRef> {
  const checkedInAt = await partitionKeyOf(sql, id);
  if (!checkedInAt) throw new DomainException('NOT_FOUND');
  const params: unknown[] = [id, checkedInAt];
  const [visit]: VisitRow[] = await sql.query(
    `SELECT ${VISIT_COLUMNS} FROM visit v
      WHERE ${visitByIdSql('v', '$1', '$2')} AND ${visitScopeSql('v', scope, params)}
      ${lock ? 'FOR NO KEY UPDATE' : ''}`,
    params,
  );
  if (!visit) throw new DomainException('NOT_FOUND');
  return { ...visit, partitionKey: checkedInAt };
}

/** The visit's partition key (VISIT_KEY_TIME_SQL); null: no visit has this id. */
async function partitionKeyOf(sql: EntityManager, id: string): Promise<string | null> {
  const [key]: { partitionKey: string }[] = await sql.query(VISIT_KEY_TIME_SQL, [id]);
  return key?.partitionKey ?? null;
}

async function visitViewsOn(sql: EntityManager, visits: VisitRow[]): Promise<VisitView[]> {
  if (visits.length === 0) return [];
  const ids = visits.map((v) => v.id);
  const officers: (VisitOfficerView & { visitId: string })[] = await sql.query(
    `SELECT vo.visit_id AS "visitId", u.id, u.name, u.badge_number AS "badgeNumber",
            u.unit_id AS "unitId", un.name AS "unitName", vo.is_lead AS "isLead"
       FROM visit_officer vo JOIN app_user u ON u.id = vo.officer_id
       LEFT JOIN unit un ON un.id = u.unit_id
      WHERE vo.visit_id = ANY($1) ORDER BY vo.is_lead DESC, u.name`,
    [ids],
  );
  // The firms' and gates' names from the rows' ids: re-reading visit by id would probe every
  // monthly partition (docs/partitioning.md).
  const places: { kind: 'firm' | 'gate'; id: string; name: string }[] = await sql.query(
    `SELECT 'firm' AS kind, e.id, e.name FROM enterprise e WHERE e.id = ANY($1::uuid[])
     UNION ALL SELECT 'gate', g.id, g.name FROM gate g WHERE g.id = ANY($2::uuid[])`,
    [
      [...new Set(visits.map((v) => v.enterpriseId).filter((id) => id !== null))],
      [...new Set(visits.map((v) => v.gateId).filter((id) => id !== null))],
    ],
  );
  const nameOf = new Map(places.map((p) => [`${p.kind}:${p.id}`, p.name]));
  return visits.map((v) => ({
    id: v.id,
    clientId: v.clientId,
    enterpriseId: v.enterpriseId,
    enterpriseName: v.enterpriseId ? (nameOf.get(`firm:${v.enterpriseId}`) ?? null) : null,
    gateId: v.gateId,
    gateName: v.gateId ? (nameOf.get(`gate:${v.gateId}`) ?? null) : null,
    unitId: v.unitId,
    purpose: v.purpose,
    reference: v.reference,
    officers: officers
      .filter((o) => o.visitId === v.id)
      .map(({ visitId: _visitId, ...officer }) => officer),
    decision: { outcome: v.outcome, reasons: v.reasons, policyVersion: v.policyVersion },
    location:
      v.lat === null || v.lng === null
        ? null
        : { lat: v.lat, lng: v.lng, accuracy: v.locationAccuracy },
    clientTime: v.clientTime.toISOString(),
    receivedAt: v.receivedAt.toISOString(),
    checkedInAt: v.checkedInAt.toISOString(),
    checkedOutAt: v.checkedOutAt?.toISOString() ?? null,
    findings: v.findings,
    notes: v.notes,
    rectifyBy: v.rectifyBy,
    autoClosed: v.autoClosed,
  }));
}
