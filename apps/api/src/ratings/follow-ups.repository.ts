import { Injectable } from '@nestjs/common';
import type { FollowUpCaseView, FollowUpStatus, RatingLevel } from '@qinqing/domain';
import { DataSource } from 'typeorm';
import { sqlOf, type Tx } from '../database/transactions';
import type { AccessScope } from '../scope/access-scope';
import { scopeCondition } from '../scope/scope-sql';
import { FollowUpCase, FollowUpContact } from './follow-up-case.entity';

/** A case as its views show it, with its rating's levels and the names it shows. */
export interface FollowUpCaseRow {
  id: string;
  ratingId: string;
  visitId: string;
  enterpriseId: string;
  enterpriseName: string | null;
  unitId: string;
  unitName: string | null;
  overall: RatingLevel;
  items: RatingLevel[];
  comment: string;
  status: FollowUpCaseView['status'];
  openedAt: Date;
  dueAt: Date;
  finding: FollowUpCaseView['finding'];
  resolution: string | null;
  closedAt: Date | null;
  closedById: string | null;
  closedByName: string | null;
}

/** A contact with the firm on record, with the name of who made it. */
export interface FollowUpContactRow {
  caseId: string;
  at: Date;
  method: FollowUpCaseView['contacts'][number]['method'];
  note: string;
  byId: string;
  byName: string;
}

/** A new contact's fields (its id is generated). */
export type NewFollowUpContact = Omit<FollowUpContact, 'id' | 'followUpCase' | 'by'>;

/** The columns of a case's views, with the rating and the names (joined for display). */
const SELECT_CASES = `
  SELECT f.id, f.rating_id AS "ratingId", f.visit_id AS "visitId", f.enterprise_id AS "enterpriseId",
         e.name AS "enterpriseName", f.unit_id AS "unitId", un.name AS "unitName", r.overall, r.items,
         r.comment, f.status, f.opened_at AS "openedAt", f.due_at AS "dueAt", f.finding, f.resolution,
         f.closed_at AS "closedAt", f.closed_by AS "closedById", cu.name AS "closedByName"
    FROM follow_up_case f
    JOIN rating r ON r.id = f.rating_id
    LEFT JOIN enterprise e ON e.id = f.enterprise_id
    LEFT JOIN unit un ON un.id = f.unit_id
    LEFT JOIN app_user cu ON cu.id = f.closed_by`;

/** An open case past its due time (case alias `f`). */
const OVERDUE_SQL = `f.status = 'OPEN' AND f.due_at < now()`;

/** 回访核实: follow_up_case (opened by RatingsRepository with its rating) and follow_up_contact. */
@Injectable()
export class FollowUpsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * The cases in the scope (a status, overdue or not, if given): overdue and open first by due
   * time, then closed, newest first; at most 500.
   */
  listInScope(
    scope: AccessScope,
    filters: { status?: FollowUpStatus; overdue?: boolean },
    tx?: Tx,
  ): Promise<FollowUpCaseRow[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    const scoped = scopeCondition(scope, 'f', params);
    if (scoped) where.push(scoped);
    if (filters.status) {
      params.push(filters.status);
      where.push(`f.status = $${params.length}`);
    }
    if (filters.overdue !== undefined) {
      where.push(filters.overdue ? OVERDUE_SQL : `NOT (${OVERDUE_SQL})`);
    }
    return sqlOf(this.dataSource, tx).query(
      `${SELECT_CASES} ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY (f.status = 'OPEN') DESC, CASE WHEN f.status = 'OPEN' THEN f.due_at END ASC,
                f.opened_at DESC
       LIMIT 500`,
      params,
    );
  }

  /** One case in the scope, as its view shows it; null outside it. */
  async viewRowInScope(scope: AccessScope, id: string, tx?: Tx): Promise<FollowUpCaseRow | null> {
    const params: unknown[] = [id];
    const scoped = scopeCondition(scope, 'f', params);
    const rows: FollowUpCaseRow[] = await sqlOf(this.dataSource, tx).query(
      `${SELECT_CASES} WHERE f.id = $1 ${scoped ? `AND ${scoped}` : ''}`,
      params,
    );
    return rows[0] ?? null;
  }

  /** Locks a case in the scope (FOR NO KEY UPDATE) for the rest of `tx`; null outside it. */
  async lockInScope(scope: AccessScope, id: string, tx: Tx): Promise<FollowUpCase | null> {
    const sql = sqlOf(this.dataSource, tx);
    const params: unknown[] = [id];
    const scoped = scopeCondition(scope, 'f', params);
    const rows: { id: string }[] = await sql.query(
      `SELECT f.id FROM follow_up_case f WHERE f.id = $1 ${scoped ? `AND ${scoped}` : ''} FOR NO KEY UPDATE`,
      params,
    );
    if (rows.length === 0) return null;
    return sql.getRepository(FollowUpCase).findOneByOrFail({ id });
  }

  /** Writes a case's closing (status, finding, resolution, closed_at, closed_by). */
  async saveClosing(followUp: FollowUpCase, tx: Tx): Promise<void> {
    await sqlOf(this.dataSource, tx).save(followUp);
  }

  async insertContact(contact: NewFollowUpContact, tx: Tx): Promise<FollowUpContact> {
    return sqlOf(this.dataSource, tx).getRepository(FollowUpContact).save(contact);
  }

  hasContact(caseId: string, tx?: Tx): Promise<boolean> {
    return sqlOf(this.dataSource, tx).getRepository(FollowUpContact).existsBy({ caseId });
  }

  /** The contacts of the cases, oldest first, with who made each. */
  contactsOf(caseIds: string[], tx?: Tx): Promise<FollowUpContactRow[]> {
    return sqlOf(this.dataSource, tx).query(
      `SELECT c.case_id AS "caseId", c.at, c.method, c.note, c.by_id AS "byId", u.name AS "byName"
         FROM follow_up_contact c JOIN app_user u ON u.id = c.by_id
        WHERE c.case_id = ANY($1) ORDER BY c.at`,
      [caseIds],
    );
  }
}
