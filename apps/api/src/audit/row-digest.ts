import { AUDITED_TABLES, canonicalJson, type AuditedTable } from '@qinqing/domain';
import { createHash } from 'node:crypto';
import { visitInMonthSql } from '../visits/visit-sql';

export { AUDITED_TABLES, type AuditedTable };

/**
 * A timestamp as text in UTC with microseconds, whatever the session's TimeZone: the digest of a
 * row must not depend on who reads it.
 */
const utc = (column: string) =>
  `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/**
 * What a row's digest covers, per table: every column (timestamps as UTC text, binary data as its
 * SHA-256), and the rows that belong to it and are written with it: a visit's officers, a report's
 * workflow events and photos, a follow-up case's contacts. Every change of these is written by
 * the API together with an audit entry naming the row, so the latest entry's digest always equals
 * the row's digest after the change; a change behind the API's back does not.
 *
 * Changing a list below changes every digest: old entries would no longer match their rows. Add a
 * column only together with a migration that records a new baseline.
 */
const COLUMNS: Record<AuditedTable, string> = {
  visit: `t.id, t.client_id, t.officer_id, t.unit_id, t.enterprise_id, t.gate_id, t.code_version,
    t.purpose, t.reference, t.outcome, t.reasons, t.policy_version, t.lat, t.lng,
    t.location_accuracy, ${utc('t.client_time')} AS client_time,
    ${utc('t.received_at')} AS received_at, ${utc('t.checked_in_at')} AS checked_in_at,
    ${utc('t.checked_out_at')} AS checked_out_at, t.findings, t.notes,
    to_char(t.rectify_by, 'YYYY-MM-DD') AS rectify_by, t.auto_closed,
    (SELECT coalesce(jsonb_agg(jsonb_build_array(o.officer_id, o.is_lead) ORDER BY o.officer_id), '[]')
       FROM visit_officer o WHERE o.visit_id = t.id) AS officers`,
  rating: `t.id, t.visit_id, t.enterprise_id, t.unit_id, t.overall, t.items, t.comment,
    encode(pg_catalog.sha256(t.signature), 'hex') AS signature, t.signature_sha256, t.signer_id,
    ${utc('t.submitted_at')} AS submitted_at`,
  misconduct_report: `t.id, t.enterprise_id, t.reporter_id, t.visit_id, t.officer_id, t.unit_id,
    t.categories, t.description, t.status, t.outcome, t.conclusion,
    ${utc('t.created_at')} AS created_at, ${utc('t.updated_at')} AS updated_at,
    (SELECT coalesce(jsonb_agg(jsonb_build_array(e.id, e.status, e.note, ${utc('e.at')}, e.by_id)
              ORDER BY e.at, e.id), '[]')
       FROM report_event e WHERE e.report_id = t.id) AS events,
    (SELECT coalesce(jsonb_agg(jsonb_build_array(p.index, p.content_type,
              encode(pg_catalog.sha256(p.data), 'hex')) ORDER BY p.index), '[]')
       FROM report_photo p WHERE p.report_id = t.id) AS photos`,
  follow_up_case: `t.id, t.rating_id, t.visit_id, t.enterprise_id, t.unit_id, t.status,
    ${utc('t.opened_at')} AS opened_at, ${utc('t.due_at')} AS due_at, t.finding, t.resolution,
    ${utc('t.closed_at')} AS closed_at, t.closed_by,
    (SELECT coalesce(jsonb_agg(jsonb_build_array(c.id, ${utc('c.at')}, c.method, c.note, c.by_id)
              ORDER BY c.at, c.id), '[]')
       FROM follow_up_contact c WHERE c.case_id = t.id) AS contacts`,
};

/** The digest of a row as read by rowsWithDigests: SHA-256 of the canonical JSON of its state. */
export function rowDigest(table: AuditedTable, row: Record<string, unknown>): string {
  return createHash('sha256').update(canonicalJson({ table, row })).digest('hex');
}

export interface RowState {
  id: string;
  /** the digest of the row as it is now */
  digest: string;
  /** the digest in the row's latest audit entry, null when no entry names the row */
  audited: string | null;
}

const AUDITED = '__audited_digest';
const LATEST_AUDITED_DIGEST = `(SELECT a.row_digest FROM audit_entry a
   WHERE a.row_table = $1 AND a.row_id = t.id ORDER BY a.id DESC LIMIT 1)`;

/**
 * Which rows rowsWithDigests reads: by id (visits with the partition key of them all, when known:
 * then read from that month alone), or the next `limit` rows after `after` in id order.
 */
export type RowSelection =
  { ids: string[]; partitionKey?: string } | { after: string | null; limit: number };

/** A statement's text and its parameters (run by audit.repository.ts). */
export interface SqlStatement {
  sql: string;
  params: unknown[];
}

/**
 * The one statement (one snapshot) reading rows of a table with their digest columns and the
 * digest in their latest audit entry (the last written, whatever its chain). `audited: false`
 * skips the entries: for the migration that first digested rows, which ran before entries had an
 * id.
 */
export function rowsWithDigestsSql(
  table: AuditedTable,
  select: RowSelection,
  { audited = true }: { audited?: boolean } = {},
): SqlStatement {
  const params: unknown[] = [table];
  let where: string;
  let tail = 'ORDER BY t.id';
  if ('ids' in select) {
    params.push(select.ids);
    where = 't.id = ANY($2::uuid[])';
    if (select.partitionKey !== undefined && table === 'visit') {
      params.push(select.partitionKey);
      where += ` AND ${visitInMonthSql('t', '$3')}`;
    }
  } else {
    params.push(select.after ?? '00000000-0000-0000-0000-000000000000', select.limit);
    where = select.after === null ? 't.id >= $2::uuid' : 't.id > $2::uuid';
    tail += ' LIMIT $3';
  }
  return {
    sql: `SELECT ${COLUMNS[table]},
            ${audited ? LATEST_AUDITED_DIGEST : 'NULLIF($1::text, $1::text)'} AS ${AUDITED}
       FROM "${table}" t WHERE ${where} ${tail}`,
    params,
  };
}

/** The rows read by rowsWithDigestsSql as digests (the row's now, its latest entry's). */
export function toRowStates(table: AuditedTable, rows: Record<string, unknown>[]): RowState[] {
  return rows.map((raw) => {
    const { [AUDITED]: audited, ...row } = raw;
    return {
      id: row.id as string,
      digest: rowDigest(table, row),
      audited: typeof audited === 'string' ? audited : null,
    };
  });
}

/** Ids named by audit entries of a table whose row no longer exists (deleted behind the back). */
export function vanishedRowsSql(table: AuditedTable): SqlStatement {
  return {
    sql: `SELECT DISTINCT a.row_id AS id FROM audit_entry a
      WHERE a.row_table = $1 AND NOT EXISTS (SELECT 1 FROM "${table}" t WHERE t.id = a.row_id)
      ORDER BY a.row_id`,
    params: [table],
  };
}

/** A timestamp as the digest columns render it (utc above): microseconds, from a Date's ms. */
const utcText = (at: Date) => at.toISOString().replace(/Z$/, '000Z');

/** A visit as a check-in writes it (nothing after the check-in yet). */
export interface NewVisit {
  id: string;
  clientId: string;
  officerId: string;
  unitId: string;
  enterpriseId: string | null;
  gateId: string | null;
  codeVersion: number | null;
  purpose: string;
  reference: string | null;
  outcome: string;
  reasons: unknown;
  policyVersion: number;
  lat: number | null;
  lng: number | null;
  locationAccuracy: number | null;
  clientTime: Date;
  receivedAt: Date;
  checkedInAt: Date;
}

/**
 * The digest of a visit as the check-in writes it, computed from the values written, without
 * reading the row back: what `rowsWithDigests` reads for `visit` (COLUMNS.visit) for a visit
 * not yet checked out. It must stay in step with COLUMNS.visit: `check-in-round-trips.test.ts`
 * compares the two on visits of every shape.
 */
export function newVisitDigest(
  visit: NewVisit & { officers: { id: string; isLead: boolean }[] },
): string {
  const uuid = (id: string | null) => (id === null ? null : id.toLowerCase());
  return rowDigest('visit', {
    id: uuid(visit.id),
    client_id: uuid(visit.clientId),
    officer_id: uuid(visit.officerId),
    unit_id: uuid(visit.unitId),
    enterprise_id: uuid(visit.enterpriseId),
    gate_id: uuid(visit.gateId),
    code_version: visit.codeVersion,
    purpose: visit.purpose,
    reference: visit.reference,
    outcome: visit.outcome,
    // as jsonb gives it back
    reasons: JSON.parse(JSON.stringify(visit.reasons)) as unknown,
    policy_version: visit.policyVersion,
    lat: visit.lat,
    lng: visit.lng,
    location_accuracy: visit.locationAccuracy,
    client_time: utcText(visit.clientTime),
    received_at: utcText(visit.receivedAt),
    checked_in_at: utcText(visit.checkedInAt),
    checked_out_at: null,
    findings: null,
    notes: null,
    rectify_by: null,
    auto_closed: false,
    officers: visit.officers
      .map((o) => [uuid(o.id)!, o.isLead] as const)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
  });
}
