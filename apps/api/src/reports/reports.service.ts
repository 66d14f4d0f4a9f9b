import { Injectable } from '@nestjs/common';
import {
  REPORT_NEXT_STATUS,
  REPORT_PHOTOS_MAX,
  type ParsedBody,
  type ParsedQuery,
  type ReportStatus,
  type ReportView,
} from '@qinqing/domain';
import { createHash } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { DomainException } from '../common/errors/domain.exception';
import type { AccessScope } from '../scope/access-scope';
import { ScopeService } from '../scope/scope.service';
import { MisconductReport, ReportEvent, ReportPhoto } from './misconduct-report.entity';
import { parseReportPhotos } from './report-photos';
import { applyUnitOrFirmScope } from '../scope/scope-sql';
import { toReportViews } from './report-view';
import { asTx } from '../database/transactions';

export interface PhotoContent {
  contentType: string;
  data: Buffer;
}

/** 监督举报: firms file reports; supervisors of the answerable unit take them to a conclusion. */
@Injectable()
export class ReportsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly scopes: ScopeService,
    private readonly audit: AuditService,
  ) {}

  /** A firm's user files a report about a visit and/or an officer; received at once. */
  async create(caller: AuthenticatedUser, dto: ParsedBody<'createReport'>): Promise<ReportView> {
    const photos = parseReportPhotos(dto.photos ?? []);
    const scope = await this.scopeFor(caller);
    if (scope.kind !== 'enterprises' || !scope.enterpriseIds.includes(dto.enterpriseId)) {
      throw new DomainException('NOT_FOUND');
    }
    const visitId = dto.visitId ?? null;
    const officerId = dto.officerId ?? null;
    const report = await this.dataSource.transaction(async (manager) => {
      const unitId = await this.answerableUnit(manager, dto.enterpriseId, visitId, officerId);
      const now = new Date();
      const saved = await manager.save(
        manager.create(MisconductReport, {
          enterpriseId: dto.enterpriseId,
          reporterId: caller.id,
          visitId,
          officerId,
          unitId,
          categories: dto.categories,
          description: dto.description,
          status: 'RECEIVED',
          outcome: null,
          conclusion: null,
          createdAt: now,
          updatedAt: now,
        }),
      );
      if (photos.length > 0) {
        await manager.insert(
          ReportPhoto,
          photos.map((photo, index) => ({
            reportId: saved.id,
            index,
            contentType: photo.contentType,
            data: photo.data,
          })),
        );
      }
      await manager.insert(ReportEvent, {
        reportId: saved.id,
        status: 'RECEIVED',
        note: '',
        at: now,
        byId: caller.id,
      });
      // The free text stays out of the log: its hash (and the photos') proves it unchanged.
      await this.audit.append(asTx(manager), {
        actorId: caller.id,
        action: 'REPORT_RECEIVED',
        subjectType: 'report',
        subjectId: saved.id,
        data: {
          enterpriseId: dto.enterpriseId,
          visitId,
          officerId,
          categories: dto.categories,
          photoCount: photos.length,
          descriptionSha256: sha256(dto.description),
          photoSha256: photos.map((photo) => photo.sha256),
        },
        row: { table: 'misconduct_report', id: saved.id },
      });
      return saved;
    });
    return this.view(report);
  }

  async list(
    caller: AuthenticatedUser,
    filters: ParsedQuery<'listReports'>,
  ): Promise<ReportView[]> {
    const scope = await this.scopeFor(caller);
    const query = applyUnitOrFirmScope(
      this.dataSource.getRepository(MisconductReport).createQueryBuilder('r'),
      'r',
      scope,
    );
    if (filters.status) query.andWhere('r.status = :status', { status: filters.status });
    const reports = await query
      .orderBy('r.created_at', 'DESC')
      .addOrderBy('r.id', 'DESC')
      .getMany();
    return toReportViews(this.dataSource.manager, reports);
  }

  /** One report in the caller's scope; outside it, 404 exactly as for an id that does not exist. */
  async get(caller: AuthenticatedUser, id: string): Promise<ReportView> {
    const scope = await this.scopeFor(caller);
    return this.view(await this.findInScope(this.dataSource.manager, scope, id));
  }

  /** A photo of a report in the caller's scope (404 for a missing index, as for a missing report). */
  async photo(caller: AuthenticatedUser, id: string, index: number): Promise<PhotoContent> {
    const scope = await this.scopeFor(caller);
    await this.findInScope(this.dataSource.manager, scope, id);
    const photo =
      Number.isInteger(index) && index >= 0 && index < REPORT_PHOTOS_MAX
        ? await this.dataSource.getRepository(ReportPhoto).findOneBy({ reportId: id, index })
        : null;
    if (!photo) throw new DomainException('NOT_FOUND');
    return { contentType: photo.contentType, data: photo.data };
  }

  /**
   * The next step of the workflow (RECEIVED → INVESTIGATING → CONCLUDED). The row is locked, so of
   * two concurrent steps from one status only the first applies; the other finds the new status.
   */
  async advance(
    caller: AuthenticatedUser,
    id: string,
    dto: ParsedBody<'advanceReport'>,
  ): Promise<ReportView> {
    if (dto.status !== 'CONCLUDED' && dto.outcome !== undefined) {
      throw new DomainException('VALIDATION_FAILED', {
        errors: [{ field: 'outcome', message: '只有办结时才填写核查结论' }],
      });
    }
    const scope = await this.scopeFor(caller);
    const report = await this.dataSource.transaction(async (manager) => {
      const found = await this.findInScope(manager, scope, id, true);
      const from: ReportStatus = found.status;
      if (REPORT_NEXT_STATUS[from] !== dto.status) {
        throw new DomainException('REPORT_STATUS_INVALID', {
          status: from,
          nextStatus: REPORT_NEXT_STATUS[from],
        });
      }
      const now = new Date();
      found.status = dto.status;
      found.updatedAt = now;
      if (dto.status === 'CONCLUDED') {
        found.outcome = dto.outcome ?? null;
        found.conclusion = dto.note;
      }
      await manager.save(found);
      await manager.insert(ReportEvent, {
        reportId: id,
        status: dto.status,
        note: dto.note,
        at: now,
        byId: caller.id,
      });
      await this.audit.append(asTx(manager), {
        actorId: caller.id,
        action: `REPORT_${dto.status}`,
        subjectType: 'report',
        subjectId: id,
        data: {
          from,
          to: dto.status,
          outcome: found.outcome,
          noteSha256: sha256(dto.note),
        },
        row: { table: 'misconduct_report', id },
      });
      return found;
    });
    return this.view(report);
  }

  /** Officers never reach a report, whatever the route says: the reported officer is one of them. */
  private scopeFor(caller: AuthenticatedUser): Promise<AccessScope> {
    if (caller.role === 'officer') throw new DomainException('FORBIDDEN');
    return this.scopes.forUser(caller);
  }

  /**
   * Checks the visit and officer named against the firm and returns the unit answerable for the
   * report: the visit's, else the officer's, else the firm's.
   */
  private async answerableUnit(
    manager: EntityManager,
    enterpriseId: string,
    visitId: string | null,
    officerId: string | null,
  ): Promise<string> {
    let visitUnit: string | null = null;
    if (visitId) {
      const [visit]: { unit_id: string }[] = await manager.query(
        `SELECT unit_id FROM visit WHERE id = $1 AND enterprise_id = $2`,
        [visitId, enterpriseId],
      );
      if (!visit) throw new DomainException('NOT_FOUND');
      visitUnit = visit.unit_id;
    }
    let officerUnit: string | null = null;
    if (officerId) {
      const [officer]: { unit_id: string | null }[] = visitId
        ? await manager.query(
            `SELECT u.unit_id FROM visit_officer vo JOIN app_user u ON u.id = vo.officer_id
             WHERE vo.visit_id = $1 AND vo.officer_id = $2`,
            [visitId, officerId],
          )
        : await manager.query(`SELECT unit_id FROM app_user WHERE id = $1 AND role = 'officer'`, [
            officerId,
          ]);
      if (!officer) {
        throw new DomainException('VALIDATION_FAILED', {
          errors: [
            {
              field: 'officerId',
              message: visitId ? '所选执法人员不是该次检查的执法人员' : '找不到所选执法人员',
            },
          ],
        });
      }
      officerUnit = officer.unit_id;
    }
    const known = visitUnit ?? officerUnit;
    if (known) return known;
    const [firm]: { unit_id: string }[] = await manager.query(
      `SELECT unit_id FROM enterprise WHERE id = $1`,
      [enterpriseId],
    );
    if (!firm) throw new DomainException('NOT_FOUND');
    return firm.unit_id;
  }

  private async findInScope(
    manager: EntityManager,
    scope: AccessScope,
    id: string,
    lock = false,
  ): Promise<MisconductReport> {
    const query = applyUnitOrFirmScope(
      manager.getRepository(MisconductReport).createQueryBuilder('r'),
      'r',
      scope,
    ).andWhere('r.id = :id', { id });
    if (lock) query.setLock('for_no_key_update');
    const report = await query.getOne();
    if (!report) throw new DomainException('NOT_FOUND');
    return report;
  }

  private async view(report: MisconductReport): Promise<ReportView> {
    const [view] = await toReportViews(this.dataSource.manager, [report]);
    return view;
  }
}

function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
