import { ROUTES, routeUrl } from '@qinqing/domain';

import { chinaDateOf } from './period';

/** What the desk exports: the visit log and the ratings, each as XLSX or CSV. */
export type ExportKind = 'visits' | 'ratings';
export type ExportFormat = 'xlsx' | 'csv';

export const EXPORT_KIND_LABELS: Record<ExportKind, string> = {
  visits: '执法打卡记录',
  ratings: '好差评',
};

export const EXPORT_BUTTONS: { kind: ExportKind; format: ExportFormat; label: string }[] = [
  { kind: 'visits', format: 'xlsx', label: '导出打卡记录（XLSX）' },
  { kind: 'visits', format: 'csv', label: '导出打卡记录（CSV）' },
  { kind: 'ratings', format: 'xlsx', label: '导出评价（XLSX）' },
  { kind: 'ratings', format: 'csv', label: '导出评价（CSV）' },
];

export const EXPORT_MIME: Record<ExportFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv',
};

export interface ExportRange {
  from: string;
  to: string;
  unitId?: string;
}

/** GET /api/v1/exports/{visits|ratings}.{xlsx|csv}?from&to[&unitId] */
export function exportPath(kind: ExportKind, format: ExportFormat, range: ExportRange): string {
  const route = {
    visits: { xlsx: ROUTES.exportVisitsXlsx, csv: ROUTES.exportVisitsCsv },
    ratings: { xlsx: ROUTES.exportRatingsXlsx, csv: ROUTES.exportRatingsCsv },
  }[kind][format];
  return routeUrl(route, {}, { from: range.from, to: range.to, unitId: range.unitId });
}

/** '执法打卡记录_2026-04-20至2026-05-12.xlsx' (dates in China time). */
export function exportFileName(kind: ExportKind, format: ExportFormat, range: ExportRange): string {
  return `${EXPORT_KIND_LABELS[kind]}_${chinaDateOf(range.from)}至${chinaDateOf(range.to)}.${format}`;
}
