import { REPORT_STATUSES, type ReportView } from '@qinqing/domain';
import type { EntityManager } from 'typeorm';
import type { MisconductReport } from './misconduct-report.entity';

interface EventRow {
  report_id: string;
  status: ReportView['status'];
  note: string;
  at: Date;
  by_id: string;
}

/** The views of reports, with names, photo counts and history, in a fixed number of queries. */
export async function toReportViews(
  manager: EntityManager,
  reports: MisconductReport[],
): Promise<ReportView[]> {
  if (reports.length === 0) return [];
  const reportIds = reports.map((r) => r.id);
  const events: EventRow[] = await manager.query(
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
      manager.query(`SELECT id, name FROM enterprise WHERE id = ANY($1)`, [
        unique(reports.map((r) => r.enterpriseId)),
      ]),
    ),
    byId<{ id: string; name: string; badge_number: string | null }>(
      manager.query(`SELECT id, name, badge_number FROM app_user WHERE id = ANY($1)`, [userIds]),
    ),
    byId<{ id: string; name: string }>(
      manager.query(`SELECT id, name FROM unit WHERE id = ANY($1)`, [
        unique(reports.map((r) => r.unitId)),
      ]),
    ),
    manager
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
  const person = (id: string) => ({ id, name: users.get(id)?.name ?? '' });
  return reports.map((report) => ({
    id: report.id,
    enterpriseId: report.enterpriseId,
    enterpriseName: firms.get(report.enterpriseId)?.name ?? null,
    reporter: person(report.reporterId),
    visitId: report.visitId,
    officer: report.officerId
      ? {
          ...person(report.officerId),
          badgeNumber: users.get(report.officerId)?.badge_number ?? null,
        }
      : null,
    unitId: report.unitId,
    unitName: units.get(report.unitId)?.name ?? null,
    categories: report.categories,
    description: report.description,
    photoCount: photoCounts.get(report.id) ?? 0,
    status: report.status,
    outcome: report.outcome,
    conclusion: report.conclusion,
    createdAt: report.createdAt.toISOString(),
    updatedAt: report.updatedAt.toISOString(),
    history: events
      .filter((e) => e.report_id === report.id)
      .sort(byTimeThenWorkflowOrder)
      .map((e) => ({
        status: e.status,
        at: new Date(e.at).toISOString(),
        note: e.note,
        by: person(e.by_id),
      })),
  }));
}

/** Steps taken within one millisecond still read in workflow order. */
function byTimeThenWorkflowOrder(a: EventRow, b: EventRow): number {
  return (
    new Date(a.at).getTime() - new Date(b.at).getTime() ||
    REPORT_STATUSES.indexOf(a.status) - REPORT_STATUSES.indexOf(b.status)
  );
}

async function byId<T extends { id: string }>(rows: Promise<T[]>): Promise<Map<string, T>> {
  return new Map((await rows).map((row) => [row.id, row]));
}

function unique(ids: string[]): string[] {
  return [...new Set(ids)];
}
