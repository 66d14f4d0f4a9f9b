import { Injectable } from '@nestjs/common';
import type { CreditGrade, Purpose, RandomTaskFacts } from '@qinqing/domain';
import { DataSource } from 'typeorm';
import { chainKeyNumberSql, entryHashSql } from '../audit/audit-hash';
import type { AccountState } from '../auth/authenticator';
import type { NewVisit } from '../audit/row-digest';
import { countCallSql } from '../common/rate-limit-windows.repository';
import { positiveListOnDaySql } from '../enterprises/positive-list';
import { type PreparedStatement, runPrepared } from '../database/prepared';
import { sqlOf, type Tx } from '../database/transactions';
import { capWindowSql, enteredVisitSql } from '../visits/visit-sql';

/** A person on the check-in: the officer or a co-officer, with his unit's name. */
export interface CheckInOfficerRow {
  id: string;
  name: string;
  badgeNumber: string | null;
  unitId: string | null;
  unitName: string | null;
  active: boolean;
}

/** A visit of the firm around the scan (not a refused attempt), for the cap and repeat rules. */
export interface VisitAroundRow {
  id: string;
  /** ISO 8601, UTC, milliseconds */
  checkedInAt: string;
  purpose: Purpose;
  reference: string | null;
  unitLevel: string;
}

/** What a scan's rules read, gathered by one statement (CheckInRepository.gather). */
export interface CheckInContextRow {
  /** the caller, with his account's state (the token's account check: Authenticator) */
  officer: (CheckInOfficerRow & { unitLevel: string | null } & AccountState) | null;
  /** the officer's unit and every unit below it (empty without a unit) */
  jurisdiction: string[];
  /** the co-officers found among the ids asked for (officers only), by name */
  coOfficers: CheckInOfficerRow[];
  /** the code's row for the signed gate and version, if it exists */
  code: { enterpriseId: string; revoked: boolean } | null;
  gate: { id: string; name: string; lat: number; lng: number; radiusM: number | null } | null;
  firm: {
    id: string;
    name: string;
    creditGrade: CreditGrade;
    unitId: string | null;
    /** its check_in_seq as read: the write goes ahead only if it is unchanged (record) */
    checkInSeq: string;
  } | null;
  /** on the positive list on the scan's local day (false without a firm) */
  listed: boolean;
  /** the policy version in force when the officer scanned (the first one if none was yet) */
  policy: { version: number; body: Record<string, unknown> } | null;
  /** the firm's visits in the cap window that can matter to the rules (visitsThatCanMatter) */
  visitsAround: VisitAroundRow[];
  randomTask: RandomTaskFacts | null;
  /** a visit already recorded with this clientId */
  recorded: { id: string; officerId: string } | null;
  /** the caller's current window of the check-in limit, if he has one (null: none, or ended) */
  limitWindow: { hits: number; windowStart: number } | null;
  /**
   * the chain the visit's entry goes to (its unit's: chainKeyNumber mod the number of heads); its
   * head is locked and read by the write statement (CheckInRepository.record)
   */
  chain: number;
}

export interface ContextQuery {
  officerId: string;
  coOfficerIds: string[];
  /** from a verified code: the gate, the version and the firm it names (null: no valid signature) */
  signed: { gateId: string; version: number; enterpriseId: string } | null;
  /** when the officer scanned (the phone's clock): the visits around it and the local day */
  clientTime: Date;
  /** when the rules are taken from: the scan, never later than the server's clock */
  judgedAt: Date;
  reference: string | null;
  clientId: string | null;
  /** the caller's key under the check-in limit (null: not asked) and the time it is read at */
  limit: { key: string; now: number } | null;
  /** the policy fields' defaults, for versions stored before a field existed */
  defaults: {
    utcOffsetMinutes: number;
    repeatVisitWindowDays: number;
    capExemptPurposes: readonly Purpose[];
    annualCapPerUnitLevel: number;
  };
}

/** Everything a check-in writes, in one statement (CheckInRepository.record). */
export interface CheckInWrite {
  visit: NewVisit & { purpose: Purpose };
  /** the lead first */
  officers: { id: string; isLead: boolean }[];
  /** every user of this firm is notified (null: no firm to notify) */
  notification: { enterpriseId: string; kind: string; payload: unknown } | null;
  /** the firm's check_in_seq the check-in was judged on (null: judged against no firm) */
  firmSeq: string | null;
  /** the caller's call counted under the check-in limit; nothing is written past `perWindow` */
  limit: { key: string; now: number; windowMs: number; perWindow: number };
  /**
   * The audit entry, but for what its chain's head gives (the seq, the previous hash and so the
   * hash): the write statement locks the head and computes them (entryHashSql).
   */
  entry: {
    chain: number;
    at: Date;
    actorId: string;
    action: string;
    subjectType: string;
    subjectId: string;
    data: unknown;
    rowTable: string;
    rowId: string;
    rowDigest: string;
    /** the entry's canonical content around its seq (contentAroundSeq) */
    contentBeforeSeq: string;
    contentAfterSeq: string;
  };
}

/**
 * The cap window of the scan: from the start of the year of the earlier of the two clocks ($7, the
 * scan never after the server's clock: the rules take the server's when the phone's is ahead), to
 * the end of the year of the scan ($6).
 */
const CAP_WINDOW = {
  from: capWindowSql('$7::timestamptz', 'c.window_days', 'c.offset_minutes').from,
  to: capWindowSql('$6::timestamptz', 'c.window_days', 'c.offset_minutes').to,
};

/** A visit `v` (of unit `u`) the annual cap counts at the officer's level. */
const COUNTED_AT_LEVEL = `u.level = (SELECT "unitLevel" FROM officer)
       AND v.purpose <> 'COMPLAINT_VERIFICATION' AND NOT ((SELECT cap_exempt FROM clock) ? v.purpose)`;

/**
 * visitsThatCanMatter (libs/domain) in SQL, in the cap window: `visits_near` has the visits in the
 * repeat window around the scan (a day more on each side, from the earlier clock $7 to the scan $6)
 * and the counted ones after its start; `counted_before` the latest `annualCapPerUnitLevel` counted
 * visits before it, read backwards on the firm's time index until it has them. A firm's year of
 * visits is not read. `check-in-round-trips.test.ts` holds this to visitsThatCanMatter.
 *
 * Read from visit_key (the visit's facts, copied as it is inserted), not from the monthly
 * partitions of visit: the prepared statement's generic plan would lock and set up every month.
 * The bounds are scalar subqueries, so that they are index conditions.
 */
const VISITS_AROUND_CTES = `
  visits_near AS (
    SELECT v.id, v.checked_in_at, v.purpose, v.reference, u.level
      FROM visit_key v JOIN unit u ON u.id = v.unit_id
     WHERE v.enterprise_id = $5 AND ${enteredVisitSql('v')}
       AND v.checked_in_at >= (SELECT near_from FROM span)
       AND v.checked_in_at < (SELECT "to" FROM span)
       AND (v.checked_in_at <= (SELECT near_to FROM span) OR (${COUNTED_AT_LEVEL}))),
  counted_before AS (
    SELECT v.id, v.checked_in_at, v.purpose, v.reference, u.level
      FROM visit_key v JOIN unit u ON u.id = v.unit_id
     WHERE v.enterprise_id = $5 AND ${enteredVisitSql('v')}
       AND v.checked_in_at >= (SELECT "from" FROM span)
       AND v.checked_in_at < (SELECT near_from FROM span)
       AND ${COUNTED_AT_LEVEL}
     ORDER BY v.checked_in_at DESC
     LIMIT (SELECT cap FROM clock)),
  visits_around AS (
    SELECT v.id,
           to_char(v.checked_in_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
             AS "checkedInAt",
           v.purpose, v.reference, v.level AS "unitLevel"
      FROM (SELECT * FROM visits_near UNION ALL SELECT * FROM counted_before) v)`;

const CONTEXT_CTES = `
WITH RECURSIVE
  officer AS (
    SELECT u.id, u.name, u.badge_number AS "badgeNumber", u.unit_id AS "unitId", u.active,
           un.name AS "unitName", un.level AS "unitLevel", u.role,
           u.credentials_version AS "credentialsVersion",
           u.must_change_password AS "mustChangePassword"
      FROM app_user u LEFT JOIN unit un ON un.id = u.unit_id
     WHERE u.id = $1),
  jurisdiction AS (
    SELECT "unitId" AS id FROM officer WHERE "unitId" IS NOT NULL
    UNION SELECT u.id FROM unit u JOIN jurisdiction j ON u.parent_id = j.id),
  co_officers AS (
    SELECT u.id, u.name, u.badge_number AS "badgeNumber", u.unit_id AS "unitId", u.active,
           un.name AS "unitName"
      FROM app_user u LEFT JOIN unit un ON un.id = u.unit_id
     WHERE u.id = ANY($2::uuid[]) AND u.role = 'officer'),
  code AS (
    SELECT c.enterprise_id AS "enterpriseId", c.revoked_at IS NOT NULL AS revoked
      FROM gate_code c WHERE c.gate_id = $3 AND c.version = $4),
  code_gate AS (
    SELECT g.id, g.name, g.lat, g.lng, g.radius_m AS "radiusM" FROM gate g WHERE g.id = $3),
  firm AS (
    SELECT e.id, e.name, e.credit_grade AS "creditGrade", e.unit_id AS "unitId",
           e.check_in_seq::text AS "checkInSeq"
      FROM enterprise e WHERE e.id = $5),
  policy AS (
    SELECT p.version, p.body FROM policy_version p
     ORDER BY p.created_at <= $7 DESC,
              CASE WHEN p.created_at <= $7 THEN -p.version ELSE p.version END
     LIMIT 1),
  clock AS (
    SELECT coalesce((p.body ->> 'utcOffsetMinutes')::int, $9) AS offset_minutes,
           coalesce((p.body ->> 'repeatVisitWindowDays')::float8, $10) AS window_days,
           coalesce(p.body -> 'capExemptPurposes', $12::jsonb) AS cap_exempt,
           greatest(coalesce((p.body ->> 'annualCapPerUnitLevel')::int, $15), 0) AS cap
      FROM policy p),
  span AS (
    SELECT (($6::timestamptz AT TIME ZONE 'UTC') + c.offset_minutes * interval '1 minute')::date
             AS day,
           ${CAP_WINDOW.from} AS "from", ${CAP_WINDOW.to} AS "to",
           $7::timestamptz - (c.window_days + 1) * interval '1 day' AS near_from,
           $6::timestamptz + (c.window_days + 1) * interval '1 day' AS near_to
      FROM clock c),${VISITS_AROUND_CTES},
  random_task AS (
    SELECT t.enterprise_id AS "enterpriseId", t.officer_ids AS "officerIds",
           to_char(d.period_start, 'YYYY-MM-DD') AS "periodStart",
           to_char(d.period_end, 'YYYY-MM-DD') AS "periodEnd"
      FROM draw_task t JOIN draw d ON d.id = t.draw_id
     WHERE t.reference = $8 AND d.status = 'REVEALED'
     LIMIT 1),
  recorded AS (
    SELECT k.id, k.officer_id AS "officerId" FROM visit_key k WHERE k.client_id = $11),
  limit_window AS (
    SELECT w.hits, w.window_start AS "windowStart" FROM rate_limit_window w
     WHERE w.key = $13 AND w.expires_at > $14::bigint)`;

const CONTEXT_SELECT = `
SELECT (SELECT to_jsonb(o) FROM officer o) AS officer,
       ARRAY(SELECT id::text FROM jurisdiction) AS jurisdiction,
       (SELECT coalesce(jsonb_agg(to_jsonb(c) ORDER BY c.name, c.id), '[]') FROM co_officers c)
         AS "coOfficers",
       (SELECT to_jsonb(c) FROM code c) AS code,
       (SELECT to_jsonb(g) FROM code_gate g) AS gate,
       (SELECT to_jsonb(f) FROM firm f) AS firm,
       coalesce((SELECT ${positiveListOnDaySql('f.id', 's.day')} FROM firm f, span s), false)
         AS listed,
       (SELECT to_jsonb(p) FROM policy p) AS policy,
       (SELECT coalesce(json_agg(v), '[]') FROM visits_around v) AS "visitsAround",
       (SELECT to_jsonb(t) FROM random_task t) AS "randomTask",
       (SELECT to_jsonb(r) FROM recorded r) AS recorded,
       (SELECT to_jsonb(l) FROM limit_window l) AS "limitWindow",
       (SELECT ${chainKeyNumberSql('o."unitId"::text')} % (SELECT count(*) FROM audit_chain_head)
          FROM officer o)::int AS chain`;

const CONTEXT: PreparedStatement = {
  name: 'check-in-context',
  text: CONTEXT_CTES + CONTEXT_SELECT,
};

/**
 * The check-in's writes, in one statement. `firm` moves the firm's check_in_seq on only if it is
 * still the one the context read ($36; null: no firm to judge against); only then is the caller's
 * call counted under the check-in limit (`hit`: in this statement's commit, not one of its own);
 * everything else is written FROM `head`, which is empty unless both held, so a stale check-in, or
 * one past the limit, writes nothing else. The head is locked after the firm, never before (the
 * locked retry takes the firm first too).
 */
const RECORD: PreparedStatement = {
  name: 'check-in-record',
  text: `WITH firm AS (
         UPDATE enterprise e SET check_in_seq = e.check_in_seq + 1
          WHERE e.id = $5 AND e.check_in_seq = $36::bigint
          RETURNING e.id),
       hit AS (
         ${countCallSql('$37', '$38', '$39', '($36::bigint IS NULL OR EXISTS (SELECT 1 FROM firm))')}),
       head AS (
         SELECT h.id, h.seq + 1 AS seq, h.hash AS prev_hash,
                ${entryHashSql('h', '$25', '$26')} AS hash
           FROM audit_chain_head h
          WHERE h.id = $24 AND (SELECT hits FROM hit) <= $40
            FOR UPDATE),
       new_visit AS (
         INSERT INTO visit (id, client_id, officer_id, unit_id, enterprise_id, gate_id, code_version,
                            purpose, reference, outcome, reasons, policy_version, lat, lng,
                            location_accuracy, client_time, received_at, checked_in_at)
         SELECT $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11::jsonb, $12, $13, $14, $15, $16, $17,
                $18
           FROM head),
       officers AS (
         INSERT INTO visit_officer (visit_id, officer_id, is_lead)
         SELECT $1, o.id, o.lead FROM unnest($19::uuid[], $20::boolean[]) AS o(id, lead), head),
       notified AS (
         INSERT INTO notification (user_id, kind, payload)
         SELECT m.user_id, $21, $22::jsonb FROM enterprise_member m, head
          WHERE m.enterprise_id = $23),
       entry AS (
         INSERT INTO audit_entry (chain, seq, at, actor_id, action, subject_type, subject_id, data,
                                  row_table, row_id, row_digest, prev_hash, hash)
         SELECT head.id, head.seq, $27, $28, $29, $30, $31, $32::jsonb, $33, $34, $35,
                head.prev_hash, head.hash
           FROM head),
       moved AS (
         UPDATE audit_chain_head a SET seq = head.seq, hash = head.hash
           FROM head WHERE a.id = head.id
         RETURNING a.id)
  SELECT ($36::bigint IS NULL OR EXISTS (SELECT 1 FROM firm)) AS current,
         (SELECT hits FROM hit) AS hits, (SELECT window_start FROM hit) AS "windowStart",
         EXISTS (SELECT 1 FROM moved) AS written`,
};

/**
 * The check-in's own statements. A check-in is two round trips and no transaction block: `gather`
 * (everything the rules read, nothing locked), then `record` (the firm's check_in_seq moved on if
 * unchanged, the chain's head locked and moved, the visit, its officers, the firm's notifications
 * and the audit entry hashed from the head, in one statement that commits alone). The rules and
 * the entry's content are computed in between, in libs and audit-hash; nothing is held while the
 * app works, and the head only while `record` runs and commits. A check-in that finds the firm
 * moved on is judged again inside a transaction, the firm locked first (CheckInsService). The
 * statements cross the visits, notifications and audit tables by design: that is what makes them
 * one round trip each.
 */
@Injectable()
export class CheckInRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Everything the rules read about a scan, in one statement, from one snapshot: the firm's
   * check_in_seq and its visits agree, whatever is being written meanwhile. Nothing is locked (a
   * lock taken by this statement would give the firm's row as it is after the wait, and its visits
   * as they were before it: CheckInsService locks the firm first, by a statement of its own).
   * Prepared: its planning took longer than its execution.
   */
  async gather(query: ContextQuery, tx?: Tx): Promise<CheckInContextRow> {
    const [row] = await runPrepared<CheckInContextRow[]>(sqlOf(this.dataSource, tx), CONTEXT, [
      query.officerId,
      query.coOfficerIds,
      query.signed?.gateId ?? null,
      query.signed?.version ?? null,
      query.signed?.enterpriseId ?? null,
      query.clientTime,
      query.judgedAt,
      query.reference,
      query.defaults.utcOffsetMinutes,
      query.defaults.repeatVisitWindowDays,
      query.clientId,
      JSON.stringify(query.defaults.capExemptPurposes),
      query.limit?.key ?? null,
      query.limit?.now ?? 0,
      query.defaults.annualCapPerUnitLevel,
    ]);
    return row;
  }

  /**
   * Writes the check-in in one statement, on its own (it commits alone) or in the caller's
   * transaction: moves the firm's check_in_seq on if it is still `firmSeq`, and only then locks the
   * chain's head FOR UPDATE (a concurrent writer of the chain waits until this commits), takes the
   * entry's seq and previous hash from it and hashes the entry there (entryHashSql, the same hash as
   * entryHash), writes the visit, its officers, the notifications and the entry, and moves the head.
   * 'stale': another check-in was recorded at the firm (or the firm changed) since the context was
   * read, and nothing was written: the check-in must be judged again. `limited`: the caller's call,
   * counted, is past the limit, and nothing else was written.
   */
  async record(
    write: CheckInWrite,
    tx?: Tx,
  ): Promise<'written' | 'stale' | { limited: { windowStart: number } }> {
    const { visit: v, entry: e, notification: n } = write;
    const [{ current, hits, windowStart, written }] = await runPrepared<
      { current: boolean; hits: number; windowStart: string; written: boolean }[]
    >(sqlOf(this.dataSource, tx), RECORD, [
      v.id,
      v.clientId,
      v.officerId,
      v.unitId,
      v.enterpriseId,
      v.gateId,
      v.codeVersion,
      v.purpose,
      v.reference,
      v.outcome,
      JSON.stringify(v.reasons),
      v.policyVersion,
      v.lat,
      v.lng,
      v.locationAccuracy,
      v.clientTime,
      v.receivedAt,
      v.checkedInAt,
      write.officers.map((o) => o.id),
      write.officers.map((o) => o.isLead),
      n?.kind ?? null,
      n ? JSON.stringify(n.payload) : null,
      n?.enterpriseId ?? null,
      e.chain,
      e.contentBeforeSeq,
      e.contentAfterSeq,
      e.at,
      e.actorId,
      e.action,
      e.subjectType,
      e.subjectId,
      JSON.stringify(e.data),
      e.rowTable,
      e.rowId,
      e.rowDigest,
      write.firmSeq,
      write.limit.key,
      write.limit.now,
      write.limit.windowMs,
      write.limit.perWindow,
    ]);
    if (!current) return 'stale';
    if (hits > write.limit.perWindow) return { limited: { windowStart: Number(windowStart) } };
    // No head row for the chain: nothing of the entry was written, so nothing may be.
    if (!written) throw new Error(`audit: no head row for chain ${e.chain}`);
    return 'written';
  }

  /** The visit recorded with this clientId, whoever recorded it. */
  async recordedWith(clientId: string): Promise<{ id: string; officerId: string } | null> {
    const [row]: { id: string; officerId: string }[] = await this.dataSource.query(
      'SELECT id, officer_id AS "officerId" FROM visit_key WHERE client_id = $1',
      [clientId],
    );
    return row ?? null;
  }
}
