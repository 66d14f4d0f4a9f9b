import { Injectable } from '@nestjs/common';
import type { FollowUpCaseView, RatingLevel } from '@qinqing/domain';
import { DataSource, type EntityManager } from 'typeorm';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { AuditService } from '../audit/audit.service';
import { DomainException } from '../common/errors/domain.exception';
import type { AccessScope } from '../scope/access-scope';
import { scopeCondition } from '../scope/scope-sql';
import { ScopeService } from '../scope/scope.service';
import { FollowUpCase, FollowUpContact } from './follow-up-case.entity';
import type { ParsedBody, ParsedQuery } from '@qinqing/domain';
import { asTx } from '../database/transactions';

interface CaseRow {
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

/** 回访核实: the cases 差 ratings open, worked by the supervisors of the visit's unit. */
@Injectable()
export class FollowUpsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly scopes: ScopeService,
    private readonly audit: AuditService,
  ) {}

  /** Overdue cases first, then open by due time, then closed, newest first. */
  async list(
    caller: AuthenticatedUser,
    query: ParsedQuery<'listFollowUps'>,
  ): Promise<FollowUpCaseView[]> {
    const scope = await this.scopes.forUser(caller);
    const where: string[] = [];
    const params: unknown[] = [];
    const scoped = scopeCondition(scope, 'f', params);
    if (scoped) where.push(scoped);
    if (query.status) {
      params.push(query.status);
      where.push(`f.status = $${params.length}`);
    }
    if (query.overdue !== undefined) {
      where.push(
        query.overdue
          ? `f.status = 'OPEN' AND f.due_at < now()`
          : `NOT (f.status = 'OPEN' AND f.due_at < now())`,
      );
    }
    const rows: CaseRow[] = await this.dataSource.query(
      `${SELECT_CASES} ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY (f.status = 'OPEN') DESC, CASE WHEN f.status = 'OPEN' THEN f.due_at END ASC,
                f.opened_at DESC
       LIMIT 500`,
      params,
    );
    return this.views(this.dataSource.manager, rows);
  }

  async get(caller: AuthenticatedUser, id: string): Promise<FollowUpCaseView> {
    const scope = await this.scopes.forUser(caller);
    return this.view(this.dataSource.manager, scope, id);
  }

  /** Records a contact with the firm (a call, a visit); a closed case takes no more. */
  async addContact(
    caller: AuthenticatedUser,
    id: string,
    dto: ParsedBody<'recordFollowUpContact'>,
  ): Promise<FollowUpCaseView> {
    const scope = await this.scopes.forUser(caller);
    return this.dataSource.transaction(async (manager) => {
      const found = await this.lockOpen(manager, scope, id);
      const contact = await manager.getRepository(FollowUpContact).save({
        caseId: found.id,
        at: new Date(),
        method: dto.method,
        note: dto.note,
        byId: caller.id,
      });
      await this.audit.append(asTx(manager), {
        actorId: caller.id,
        action: 'FOLLOW_UP_CONTACT',
        subjectType: 'follow_up',
        subjectId: id,
        data: { contactId: contact.id, method: dto.method, note: dto.note },
        row: { table: 'follow_up_case', id },
      });
      return this.view(manager, scope, id);
    });
  }

  /** Closes a case with its finding and resolution; at least one contact must be on record. */
  async close(
    caller: AuthenticatedUser,
    id: string,
    dto: ParsedBody<'closeFollowUp'>,
  ): Promise<FollowUpCaseView> {
    const scope = await this.scopes.forUser(caller);
    return this.dataSource.transaction(async (manager) => {
      const found = await this.lockOpen(manager, scope, id);
      const contacted = await manager.getRepository(FollowUpContact).existsBy({ caseId: id });
      if (!contacted) throw new DomainException('FOLLOW_UP_NO_CONTACT');
      found.status = 'CLOSED';
      found.finding = dto.finding;
      found.resolution = dto.resolution;
      found.closedAt = new Date();
      found.closedBy = caller.id;
      await manager.save(found);
      await this.audit.append(asTx(manager), {
        actorId: caller.id,
        action: 'FOLLOW_UP_CLOSED',
        subjectType: 'follow_up',
        subjectId: id,
        data: { finding: dto.finding, resolution: dto.resolution },
        row: { table: 'follow_up_case', id },
      });
      return this.view(manager, scope, id);
    });
  }

  private async lockOpen(
    manager: EntityManager,
    scope: AccessScope,
    id: string,
  ): Promise<FollowUpCase> {
    const params: unknown[] = [id];
    const scoped = scopeCondition(scope, 'f', params);
    const rows: { id: string }[] = await manager.query(
      `SELECT f.id FROM follow_up_case f WHERE f.id = $1 ${scoped ? `AND ${scoped}` : ''} FOR NO KEY UPDATE`,
      params,
    );
    if (rows.length === 0) throw new DomainException('NOT_FOUND');
    const found = await manager.getRepository(FollowUpCase).findOneByOrFail({ id });
    if (found.status !== 'OPEN') throw new DomainException('FOLLOW_UP_CLOSED');
    return found;
  }

  private async view(
    manager: EntityManager,
    scope: AccessScope,
    id: string,
  ): Promise<FollowUpCaseView> {
    const params: unknown[] = [id];
    const scoped = scopeCondition(scope, 'f', params);
    const rows: CaseRow[] = await manager.query(
      `${SELECT_CASES} WHERE f.id = $1 ${scoped ? `AND ${scoped}` : ''}`,
      params,
    );
    if (rows.length === 0) throw new DomainException('NOT_FOUND');
    const [view] = await this.views(manager, rows);
    return view;
  }

  private async views(manager: EntityManager, rows: CaseRow[]): Promise<FollowUpCaseView[]> {
    if (rows.length === 0) return [];
    const ids = rows.map((r) => r.id);
    const contacts: {
      caseId: string;
      at: Date;
      method: FollowUpCaseView['contacts'][number]['method'];
      note: string;
      byId: string;
      byName: string;
    }[] = await manager.query(
      `SELECT c.case_id AS "caseId", c.at, c.method, c.note, c.by_id AS "byId", u.name AS "byName"
         FROM follow_up_contact c JOIN app_user u ON u.id = c.by_id
        WHERE c.case_id = ANY($1) ORDER BY c.at`,
      [ids],
    );
    const officers: { visitId: string; id: string; name: string; badgeNumber: string | null }[] =
      await manager.query(
        `SELECT vo.visit_id AS "visitId", u.id, u.name, u.badge_number AS "badgeNumber"
           FROM visit_officer vo JOIN app_user u ON u.id = vo.officer_id
          WHERE vo.visit_id = ANY($1) ORDER BY vo.is_lead DESC, u.name`,
        [rows.map((r) => r.visitId)],
      );
    const now = Date.now();
    return rows.map((row) => ({
      id: row.id,
      ratingId: row.ratingId,
      visitId: row.visitId,
      enterpriseId: row.enterpriseId,
      enterpriseName: row.enterpriseName,
      unitId: row.unitId,
      unitName: row.unitName,
      officers: officers
        .filter((o) => o.visitId === row.visitId)
        .map(({ visitId: _visitId, ...officer }) => officer),
      overall: row.overall,
      poorItems: row.items.flatMap((level, i) => (level === 'POOR' ? [i] : [])),
      comment: row.comment,
      status: row.status,
      openedAt: row.openedAt.toISOString(),
      dueAt: row.dueAt.toISOString(),
      overdue: row.status === 'OPEN' && row.dueAt.getTime() < now,
      contacts: contacts
        .filter((c) => c.caseId === row.id)
        .map((c) => ({
          at: c.at.toISOString(),
          method: c.method,
          note: c.note,
          by: { id: c.byId, name: c.byName },
        })),
      finding: row.finding,
      resolution: row.resolution,
      closedAt: row.closedAt?.toISOString() ?? null,
      closedBy:
        row.closedById && row.closedByName ? { id: row.closedById, name: row.closedByName } : null,
    }));
  }
}
