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
import { AuditService } from '../audit/audit.service';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { DomainException } from '../common/errors/domain.exception';
import { Transactions, type Tx } from '../database/transactions';
import { EnterprisesRepository } from '../enterprises/enterprises.repository';
import { OfficersRepository } from '../officers/officers.repository';
import type { AccessScope } from '../scope/access-scope';
import { ScopeService } from '../scope/scope.service';
import { VisitsRepository } from '../visits/visits.repository';
import type { MisconductReport } from './misconduct-report.entity';
import { parseReportPhotos } from './report-photos';
import { toReportViews } from './report-view';
import { ReportsRepository } from './reports.repository';

export interface PhotoContent {
  contentType: string;
  data: Buffer;
}

/** 监督举报: firms file reports; supervisors of the answerable unit take them to a conclusion. */
@Injectable()
export class ReportsService {
  constructor(
    private readonly reports: ReportsRepository,
    private readonly visits: VisitsRepository,
    private readonly officers: OfficersRepository,
    private readonly firms: EnterprisesRepository,
    private readonly transactions: Transactions,
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
    const report = await this.transactions.run(async (tx) => {
      const unitId = await this.answerableUnit(tx, dto.enterpriseId, visitId, officerId);
      const now = new Date();
      const saved = await this.reports.insert(
        {
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
        },
        tx,
      );
      await this.reports.insertPhotos(saved.id, photos, tx);
      await this.reports.insertEvent(
        { reportId: saved.id, status: 'RECEIVED', note: '', at: now, byId: caller.id },
        tx,
      );
      // The free text stays out of the log: its hash (and the photos') proves it unchanged.
      await this.audit.append(tx, {
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
        chainKey: saved.unitId,
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
    return this.views(await this.reports.listInScope(scope, filters.status));
  }

  /** One report in the caller's scope; outside it, 404 exactly as for an id that does not exist. */
  async get(caller: AuthenticatedUser, id: string): Promise<ReportView> {
    const scope = await this.scopeFor(caller);
    return this.view(await this.findInScope(scope, id));
  }

  /** A photo of a report in the caller's scope (404 for a missing index, as for a missing report). */
  async photo(caller: AuthenticatedUser, id: string, index: number): Promise<PhotoContent> {
    const scope = await this.scopeFor(caller);
    await this.findInScope(scope, id);
    const photo =
      Number.isInteger(index) && index >= 0 && index < REPORT_PHOTOS_MAX
        ? await this.reports.photo(id, index)
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
    const report = await this.transactions.run(async (tx) => {
      const found = await this.findInScope(scope, id, tx);
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
      await this.reports.saveProgress(found, tx);
      await this.reports.insertEvent(
        { reportId: id, status: dto.status, note: dto.note, at: now, byId: caller.id },
        tx,
      );
      await this.audit.append(tx, {
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
        chainKey: found.unitId,
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
    tx: Tx,
    enterpriseId: string,
    visitId: string | null,
    officerId: string | null,
  ): Promise<string> {
    let visitUnit: string | null = null;
    if (visitId) {
      visitUnit = await this.visits.unitOfFirmVisit(visitId, enterpriseId, tx);
      if (!visitUnit) throw new DomainException('NOT_FOUND');
    }
    let officerUnit: string | null = null;
    if (officerId) {
      const onTheVisit = !visitId || (await this.visits.isOfficerOf(visitId, officerId, tx));
      const officer = onTheVisit ? await this.officers.unitOf(officerId, tx) : null;
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
      officerUnit = officer.unitId;
    }
    const known = visitUnit ?? officerUnit;
    if (known) return known;
    const firmUnit = await this.firms.unitOf(enterpriseId, tx);
    if (!firmUnit) throw new DomainException('NOT_FOUND');
    return firmUnit;
  }

  /** One report in the scope; locked when read in a transaction (`tx`) that will change it. */
  private async findInScope(scope: AccessScope, id: string, tx?: Tx): Promise<MisconductReport> {
    const report = await this.reports.findInScope(scope, id, { lock: tx !== undefined }, tx);
    if (!report) throw new DomainException('NOT_FOUND');
    return report;
  }

  private async view(report: MisconductReport): Promise<ReportView> {
    const [view] = await this.views([report]);
    return view;
  }

  private async views(reports: MisconductReport[]): Promise<ReportView[]> {
    if (reports.length === 0) return [];
    return toReportViews(reports, await this.reports.related(reports));
  }
}

function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
