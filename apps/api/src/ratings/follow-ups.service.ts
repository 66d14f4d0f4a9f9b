import { Injectable } from '@nestjs/common';
import type { FollowUpCaseView } from '@qinqing/domain';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { AuditService } from '../audit/audit.service';
import { DomainException } from '../common/errors/domain.exception';
import { Transactions, type Tx } from '../database/transactions';
import type { AccessScope } from '../scope/access-scope';
import { ScopeService } from '../scope/scope.service';
import type { FollowUpCase } from './follow-up-case.entity';
import { FollowUpsRepository, type FollowUpCaseRow } from './follow-ups.repository';
import { officersOf } from './rating-views';
import { VisitsRepository } from '../visits/visits.repository';
import type { ParsedBody, ParsedQuery } from '@qinqing/domain';

/** 回访核实: the cases 差 ratings open, worked by the supervisors of the visit's unit. */
@Injectable()
export class FollowUpsService {
  constructor(
    private readonly followUps: FollowUpsRepository,
    private readonly visits: VisitsRepository,
    private readonly transactions: Transactions,
    private readonly scopes: ScopeService,
    private readonly audit: AuditService,
  ) {}

  /** Overdue cases first, then open by due time, then closed, newest first. */
  async list(
    caller: AuthenticatedUser,
    query: ParsedQuery<'listFollowUps'>,
  ): Promise<FollowUpCaseView[]> {
    const scope = await this.scopes.forUser(caller);
    const rows = await this.followUps.listInScope(scope, query);
    return this.views(rows);
  }

  async get(caller: AuthenticatedUser, id: string): Promise<FollowUpCaseView> {
    const scope = await this.scopes.forUser(caller);
    return this.view(scope, id);
  }

  /** Records a contact with the firm (a call, a visit); a closed case takes no more. */
  async addContact(
    caller: AuthenticatedUser,
    id: string,
    dto: ParsedBody<'recordFollowUpContact'>,
  ): Promise<FollowUpCaseView> {
    const scope = await this.scopes.forUser(caller);
    return this.transactions.run(async (tx) => {
      const found = await this.lockOpen(scope, id, tx);
      const contact = await this.followUps.insertContact(
        { caseId: found.id, at: new Date(), method: dto.method, note: dto.note, byId: caller.id },
        tx,
      );
      await this.audit.append(tx, {
        actorId: caller.id,
        action: 'FOLLOW_UP_CONTACT',
        subjectType: 'follow_up',
        subjectId: id,
        data: { contactId: contact.id, method: dto.method, note: dto.note },
        row: { table: 'follow_up_case', id },
        chainKey: found.unitId,
      });
      return this.view(scope, id, tx);
    });
  }

  /** Closes a case with its finding and resolution; at least one contact must be on record. */
  async close(
    caller: AuthenticatedUser,
    id: string,
    dto: ParsedBody<'closeFollowUp'>,
  ): Promise<FollowUpCaseView> {
    const scope = await this.scopes.forUser(caller);
    return this.transactions.run(async (tx) => {
      const found = await this.lockOpen(scope, id, tx);
      const contacted = await this.followUps.hasContact(id, tx);
      if (!contacted) throw new DomainException('FOLLOW_UP_NO_CONTACT');
      found.status = 'CLOSED';
      found.finding = dto.finding;
      found.resolution = dto.resolution;
      found.closedAt = new Date();
      found.closedBy = caller.id;
      await this.followUps.saveClosing(found, tx);
      await this.audit.append(tx, {
        actorId: caller.id,
        action: 'FOLLOW_UP_CLOSED',
        subjectType: 'follow_up',
        subjectId: id,
        data: { finding: dto.finding, resolution: dto.resolution },
        row: { table: 'follow_up_case', id },
        chainKey: found.unitId,
      });
      return this.view(scope, id, tx);
    });
  }

  /** Locks an open case in the scope for the rest of `tx`. */
  private async lockOpen(scope: AccessScope, id: string, tx: Tx): Promise<FollowUpCase> {
    const found = await this.followUps.lockInScope(scope, id, tx);
    if (!found) throw new DomainException('NOT_FOUND');
    if (found.status !== 'OPEN') throw new DomainException('FOLLOW_UP_CLOSED');
    return found;
  }

  private async view(scope: AccessScope, id: string, tx?: Tx): Promise<FollowUpCaseView> {
    const row = await this.followUps.viewRowInScope(scope, id, tx);
    if (!row) throw new DomainException('NOT_FOUND');
    const [view] = await this.views([row], tx);
    return view;
  }

  private async views(rows: FollowUpCaseRow[], tx?: Tx): Promise<FollowUpCaseView[]> {
    if (rows.length === 0) return [];
    const contacts = await this.followUps.contactsOf(
      rows.map((r) => r.id),
      tx,
    );
    const officers = await this.visits.officersOf(
      rows.map((r) => r.visitId),
      tx,
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
      officers: officersOf(officers, row.visitId),
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
