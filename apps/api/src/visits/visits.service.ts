import { Injectable, type OnModuleInit } from '@nestjs/common';
import { PAGE_SIZE, type ParsedBody, type ParsedQuery } from '@qinqing/domain';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { AuditService } from '../audit/audit.service';
import { decodeCursor, encodeCursor } from '../common/cursor';
import { DomainException } from '../common/errors/domain.exception';
import { Env } from '../config/env';
import { Transactions, type Tx } from '../database/transactions';
import { JobScheduler } from '../jobs/job-scheduler';
import { ScopeService } from '../scope/scope.service';
import type { VisitView } from './visit-view';
import { VisitsRepository } from './visits.repository';

/** Visits left open longer than this are closed by the system and flagged as such. */
export const AUTO_CLOSE_AFTER_HOURS = 12;

export interface AuditTrailEntry {
  seq: string;
  at: string;
  actorId: string | null;
  action: string;
  data: Record<string, unknown>;
  hash: string;
}

@Injectable()
export class VisitsService implements OnModuleInit {
  constructor(
    private readonly visits: VisitsRepository,
    private readonly transactions: Transactions,
    private readonly scopes: ScopeService,
    private readonly audit: AuditService,
    private readonly jobs: JobScheduler,
    private readonly env: Env,
  ) {}

  /** The auto-close (every AUTO_CLOSE_INTERVAL_SECONDS, once across instances). */
  onModuleInit(): void {
    this.jobs.register({
      name: 'visit-auto-close',
      intervalMs: this.env.AUTO_CLOSE_INTERVAL_SECONDS * 1000,
      run: async (tx) => ({ closed: await this.closeStaleVisits(new Date(), tx) }),
    });
  }

  /** One visit in the caller's scope; outside it, 404 exactly as for an id that does not exist. */
  async get(caller: AuthenticatedUser, id: string): Promise<VisitView> {
    const scope = await this.scopes.forUser(caller);
    const visit = await this.visits.inScope(scope, id, false);
    const [view] = await this.visits.views([visit]);
    return view;
  }

  async list(
    caller: AuthenticatedUser,
    filters: ParsedQuery<'listVisits'>,
  ): Promise<{ items: VisitView[]; nextCursor: string | null }> {
    const scope = await this.scopes.forUser(caller);
    const limit = filters.limit ?? PAGE_SIZE.default;
    const cursor = filters.cursor ? decodeCursor(filters.cursor) : null;
    const rows = await this.visits.page(
      scope,
      filters,
      cursor ? { checkedInAt: new Date(cursor.t), id: cursor.id } : null,
      limit + 1,
    );
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    const nextCursor =
      rows.length > limit && last
        ? encodeCursor({ t: last.checkedInAt.toISOString(), id: last.id })
        : null;
    return { items: await this.visits.views(page), nextCursor };
  }

  /** The audit entries of a visit in the caller's scope (404 outside it). */
  async auditTrail(caller: AuthenticatedUser, id: string): Promise<AuditTrailEntry[]> {
    const scope = await this.scopes.forUser(caller);
    await this.visits.inScope(scope, id, false);
    const entries = await this.audit.entriesFor('visit', id);
    return entries.map((e) => ({
      seq: e.seq,
      at: e.at.toISOString(),
      actorId: e.actorId,
      action: e.action,
      data: e.data,
      hash: e.hash,
    }));
  }

  /** Check-out by an officer of the visit, once, with findings. */
  async checkOut(
    caller: AuthenticatedUser,
    id: string,
    dto: ParsedBody<'checkOut'>,
  ): Promise<VisitView> {
    const scope = await this.scopes.forUser(caller);
    const visit = await this.transactions.run(async (tx) => {
      const found = await this.visits.inScope(scope, id, true, tx);
      if (!(await this.visits.isOfficerOf(id, caller.id, tx))) {
        throw new DomainException('FORBIDDEN');
      }
      if (found.outcome === 'REFUSED') throw new DomainException('VISIT_REFUSED_NO_CHECK_OUT');
      if (found.checkedOutAt) throw new DomainException('VISIT_ALREADY_CHECKED_OUT');
      const fields = {
        checkedOutAt: new Date(),
        findings: dto.findings,
        notes: dto.notes ?? null,
        rectifyBy: dto.findings === 'RECTIFY_ORDERED' ? (dto.rectifyBy ?? null) : null,
      };
      await this.visits.checkOut(found, fields, tx);
      await this.audit.append(tx, {
        actorId: caller.id,
        action: 'CHECK_OUT',
        subjectType: 'visit',
        subjectId: id,
        data: { findings: fields.findings, notes: fields.notes, rectifyBy: fields.rectifyBy },
        row: { table: 'visit', id, partitionKey: found.partitionKey },
        chainKey: found.unitId,
      });
      return { ...found, ...fields };
    });
    const [view] = await this.visits.views([visit]);
    return view;
  }

  /**
   * Closes visits left open past AUTO_CLOSE_AFTER_HOURS; each closing is an audit entry. In the
   * given transaction, or its own.
   */
  async closeStaleVisits(now = new Date(), tx?: Tx): Promise<number> {
    if (!tx) return this.transactions.run((own) => this.closeStaleVisits(now, own));
    const cutoff = new Date(now.getTime() - AUTO_CLOSE_AFTER_HOURS * 3600_000);
    const stale = await this.visits.lockStaleOpen(cutoff, tx);
    for (const visit of stale) {
      const { id, unitId } = visit;
      await this.visits.autoClose(visit, AUTO_CLOSE_AFTER_HOURS, tx);
      await this.audit.append(tx, {
        actorId: null,
        action: 'VISIT_AUTO_CLOSED',
        subjectType: 'visit',
        subjectId: id,
        data: { afterHours: AUTO_CLOSE_AFTER_HOURS },
        row: { table: 'visit', id, partitionKey: visit.partitionKey },
        chainKey: unitId,
      });
    }
    return stale.length;
  }
}
