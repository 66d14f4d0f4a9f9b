import { REPORT_STATUSES, type ReportView } from '@qinqing/domain';
import type { MisconductReport } from './misconduct-report.entity';

export interface ReportEventRow {
  report_id: string;
  status: ReportView['status'];
  note: string;
  at: Date;
  by_id: string;
}

/** What a report's view shows beside its own columns (ReportsRepository.related reads it). */
export interface ReportRelated {
  events: ReportEventRow[];
  firms: Map<string, { id: string; name: string }>;
  users: Map<string, { id: string; name: string; badge_number: string | null }>;
  units: Map<string, { id: string; name: string }>;
  photoCounts: Map<string, number>;
}

/** The views of reports, with names, photo counts and history. */
export function toReportViews(
  reports: MisconductReport[],
  { events, firms, users, units, photoCounts }: ReportRelated,
): ReportView[] {
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
function byTimeThenWorkflowOrder(a: ReportEventRow, b: ReportEventRow): number {
  return (
    new Date(a.at).getTime() - new Date(b.at).getTime() ||
    REPORT_STATUSES.indexOf(a.status) - REPORT_STATUSES.indexOf(b.status)
  );
}
