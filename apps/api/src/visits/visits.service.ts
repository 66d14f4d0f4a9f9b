import { Injectable, type OnModuleInit } from '@nestjs/common';
import { PAGE_SIZE, type ParsedBody, type ParsedQuery } from '@qinqing/domain';
import { DataSource, type EntityManager } from 'typeorm';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { AuditService } from '../audit/audit.service';
import { decodeCursor, encodeCursor } from '../common/cursor';
import { DomainException } from '../common/errors/domain.exception';
import { Env } from '../config/env';
import { JobScheduler } from '../jobs/job-scheduler';
import { ScopeService } from '../scope/scope.service';
import { applyVisitFilters } from './visit-filters';
import { applyVisitScope, findVisitInScope } from './visit-scope';
import { toVisitViews, type VisitView } from './visit-view';
import { Visit } from './visit.entity';
import { asTx } from '../database/transactions';

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
    private readonly dataSource: DataSource,
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
      run: async (manager) => ({ closed: await this.closeStaleVisits(new Date(), manager) }),
    });
  }

  /** One visit in the caller's scope; outside it, 404 exactly as for an id that does not exist. */
  async get(caller: AuthenticatedUser, id: string): Promise<VisitView> {
    const scope = await this.scopes.forUser(caller);
    const visit = await findVisitInScope(this.dataSource.manager, scope, id);
    const [view] = await toVisitViews(this.dataSource.manager, [visit]);
    return view;
  }

  async list(
    caller: AuthenticatedUser,
    filters: ParsedQuery<'listVisits'>,
  ): Promise<{ items: VisitView[]; nextCursor: string | null }> {
    const scope = await this.scopes.forUser(caller);
    const limit = filters.limit ?? PAGE_SIZE.default;
    const query = applyVisitScope(
      this.dataSource.getRepository(Visit).createQueryBuilder('v'),
      'v',
      scope,
    );
    applyVisitFilters(query, 'v', filters);
    if (filters.cursor) {
      const cursor = decodeCursor(filters.cursor);
      query.andWhere('(v.checked_in_at, v.id) < (:cursorTime, :cursorId)', {
        cursorTime: new Date(cursor.t),
        cursorId: cursor.id,
      });
    }
    const rows = await query
      .orderBy('v.checked_in_at', 'DESC')
      .addOrderBy('v.id', 'DESC')
      .limit(limit + 1)
      .getMany();
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    const nextCursor =
      rows.length > limit && last
        ? encodeCursor({ t: last.checkedInAt.toISOString(), id: last.id })
        : null;
    return { items: await toVisitViews(this.dataSource.manager, page), nextCursor };
  }

  /** The audit entries of a visit in the caller's scope (404 outside it). */
  async auditTrail(caller: AuthenticatedUser, id: string): Promise<AuditTrailEntry[]> {
    const scope = await this.scopes.forUser(caller);
    await findVisitInScope(this.dataSource.manager, scope, id);
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
    const visit = await this.dataSource.transaction(async (manager) => {
      const found = await findVisitInScope(manager, scope, id, true);
      const isOfficer = await manager.query(
        'SELECT 1 FROM visit_officer WHERE visit_id = $1 AND officer_id = $2',
        [id, caller.id],
      );
      if (isOfficer.length === 0) throw new DomainException('FORBIDDEN');
      if (found.outcome === 'REFUSED') throw new DomainException('VISIT_REFUSED_NO_CHECK_OUT');
      if (found.checkedOutAt) throw new DomainException('VISIT_ALREADY_CHECKED_OUT');
      found.checkedOutAt = new Date();
      found.findings = dto.findings;
      found.notes = dto.notes ?? null;
      found.rectifyBy = dto.findings === 'RECTIFY_ORDERED' ? (dto.rectifyBy ?? null) : null;
      await manager.save(found);
      await this.audit.append(asTx(manager), {
        actorId: caller.id,
        action: 'CHECK_OUT',
        subjectType: 'visit',
        subjectId: id,
        data: { findings: found.findings, notes: found.notes, rectifyBy: found.rectifyBy },
        row: { table: 'visit', id },
        chainKey: found.unitId,
      });
      return found;
    });
    const [view] = await toVisitViews(this.dataSource.manager, [visit]);
    return view;
  }

  /**
   * Closes visits left open past AUTO_CLOSE_AFTER_HOURS; each closing is an audit entry. In the
   * given transaction, or its own.
   */
  async closeStaleVisits(now = new Date(), manager?: EntityManager): Promise<number> {
    if (!manager) return this.dataSource.transaction((own) => this.closeStaleVisits(now, own));
    const cutoff = new Date(now.getTime() - AUTO_CLOSE_AFTER_HOURS * 3600_000);
    const stale: { id: string; unitId: string }[] = await manager.query(
      `SELECT id, unit_id AS "unitId" FROM visit WHERE checked_out_at IS NULL AND outcome <> 'REFUSED' AND checked_in_at < $1
       ORDER BY checked_in_at FOR NO KEY UPDATE SKIP LOCKED`,
      [cutoff],
    );
    for (const { id, unitId } of stale) {
      await manager.query(
        `UPDATE visit SET checked_out_at = checked_in_at + interval '${AUTO_CLOSE_AFTER_HOURS} hours',
                auto_closed = true WHERE id = $1`,
        [id],
      );
      await this.audit.append(asTx(manager), {
        actorId: null,
        action: 'VISIT_AUTO_CLOSED',
        subjectType: 'visit',
        subjectId: id,
        data: { afterHours: AUTO_CLOSE_AFTER_HOURS },
        row: { table: 'visit', id },
        chainKey: unitId,
      });
    }
    return stale.length;
  }
}
