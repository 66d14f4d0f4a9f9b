import type { ReportStatus, ReportView } from '@qinqing/domain';

/** What the firm can expect next, for a report that is not concluded. */
export function reportProgressLine(status: ReportStatus): string {
  if (status === 'RECEIVED') return '监督部门已受理，将安排调查核实。';
  if (status === 'INVESTIGATING') return '监督部门正在调查核实，办结后将在此显示结果。';
  return '';
}

/** Newest first. */
export function newestFirst(reports: readonly ReportView[]): ReportView[] {
  return [...reports].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}
