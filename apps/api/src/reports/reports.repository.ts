import { Injectable } from '@nestjs/common';
import type { ReportStatus } from '@qinqing/domain';
import { DataSource } from 'typeorm';
import { sqlOf, type Tx } from '../database/transactions';
import type { AccessScope } from '../scope/access-scope';
import { applyUnitOrFirmScope } from '../scope/scope-sql';
import { MisconductReport, ReportEvent, ReportPhoto } from './misconduct-report.entity';
import type { ReportRelated } from './report-view';

/** A new report's fields (its id is generated). */
export type NewReport = Omit<
  MisconductReport,
  'id' | 'enterprise' | 'reporter' | 'visit' | 'officer' | 'unit'
>;

/** One step of a report's history. */
export interface NewReportEvent {
  reportId: string;
  status: ReportStatus;
  note: string;
  at: Date;
  byId: string;
}

/** The 监督举报 aggregate: misconduct_report, its report_event history and report_photo files. */
@Injectable()
export class ReportsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insert(report: NewReport, tx: Tx): Promise<MisconductReport> {
    const sql = sqlOf(this.dataSource, tx);
    return sql.save(sql.create(MisconductReport, report));
  }

  async insertPhotos(
    reportId: string,
    photos: readonly { contentType: string; data: Buffer }[],
    tx: Tx,
  ): Promise<void> {
    if (photos.length === 0) return;
    await sqlOf(this.dataSource, tx).insert(
      ReportPhoto,
      photos.map((photo, index) => ({
        reportId,
        index,
        contentType: photo.contentType,
        data: photo.data,
      })),
    );
  }

  async insertEvent(event: NewReportEvent, tx: Tx): Promise<void> {
    await sqlOf(this.dataSource, tx).insert(ReportEvent, event);
  }

  /** Writes a report's workflow fields (status, outcome, conclusion, updated_at). */
  async saveProgress(report: MisconductReport, tx: Tx): Promise<void> {
    await sqlOf(this.dataSource, tx).save(report);
  }

  /** The reports in the scope (a status, if given), newest first. */
  listInScope(scope: AccessScope, status?: ReportStatus, tx?: Tx): Promise<MisconductReport[]> {
    const query = applyUnitOrFirmScope(
      sqlOf(this.dataSource, tx).getRepository(MisconductReport).createQueryBuilder('r'),
      'r',
      scope,
    );
    if (status) query.andWhere('r.status = :status', { status });
    return query.orderBy('r.created_at', 'DESC').addOrderBy('r.id', 'DESC').getMany();
  }

  /** One report in the scope, optionally locked (FOR NO KEY UPDATE); null outside it. */
  findInScope(
    scope: AccessScope,
    id: string,
    options: { lock?: boolean } = {},
    tx?: Tx,
  ): Promise<MisconductReport | null> {
    const query = applyUnitOrFirmScope(
      sqlOf(this.dataSource, tx).getRepository(MisconductReport).createQueryBuilder('r'),
      'r',
      scope,
    ).andWhere('r.id = :id', { id });
    if (options.lock) query.setLock('for_no_key_update');
    return query.getOne();
  }

  photo(reportId: string, index: number, tx?: Tx): Promise<ReportPhoto | null> {
    return sqlOf(this.dataSource, tx).getRepository(ReportPhoto).findOneBy({ reportId, index });
  }

  /**
   * What the views of reports show beside their own columns, in a fixed number of queries: the
   * history, photo counts, and the names of firms, people and units (read here for display).
   */
  async related(reports: MisconductReport[], tx?: Tx): Promise<ReportRelated> {
    const sql = sqlOf(this.dataSource, tx);
    const reportIds = reports.map((r) => r.id);
    const events: ReportRelated['events'] = await sql.query(
      `SELECT report_id, status, note, at, by_id FROM report_event WHERE report_id = ANY($1)`,
      [reportIds],
    );
    const userIds = unique([
      ...reports.map((r) => r.reporterId),
      ...reports.flatMap((r) => (r.officerId ? [r.officerId] : [])),
      ...events.map((e) => e.by_id),
    ]);
    const [firms, users, units, photoCounts] = await Promise.all([
      byId<{ id: string; name: string }>(
        sql.query(`SELECT id, name FROM enterprise WHERE id = ANY($1)`, [
          unique(reports.map((r) => r.enterpriseId)),
        ]),
      ),
      byId<{ id: string; name: string; badge_number: string | null }>(
        sql.query(`SELECT id, name, badge_number FROM app_user WHERE id = ANY($1)`, [userIds]),
      ),
      byId<{ id: string; name: string }>(
        sql.query(`SELECT id, name FROM unit WHERE id = ANY($1)`, [
          unique(reports.map((r) => r.unitId)),
        ]),
      ),
      sql
        .query(
          `SELECT report_id, count(*)::int AS n FROM report_photo WHERE report_id = ANY($1)
           GROUP BY report_id`,
          [reportIds],
        )
        .then(
          (rows: { report_id: string; n: number }[]) =>
            new Map(rows.map((row) => [row.report_id, row.n])),
        ),
    ]);
    return { events, firms, users, units, photoCounts };
  }
}

async function byId<T extends { id: string }>(rows: Promise<T[]>): Promise<Map<string, T>> {
  return new Map((await rows).map((row) => [row.id, row]));
}

function unique(ids: string[]): string[] {
  return [...new Set(ids)];
}
