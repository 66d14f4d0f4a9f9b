import {
  ROUTES,
  routeUrl,
  MISCONDUCT_CATEGORY_LABELS,
  OVERSIGHT_NOTE_MAX,
  REPORT_NEXT_STATUS,
  REPORT_STATUS_LABELS,
  type ReportOutcome,
  type ReportStatus,
  type ReportStatusRequest,
  type ReportView,
} from '@qinqing/domain';

export interface NextStep {
  status: ReportStatus;
  /** the button's words, e.g. 转为调查中 */
  action: string;
  /** concluding needs an outcome (属实 / 部分属实 / 不属实) */
  needsOutcome: boolean;
}

/** What may happen next to a report (null once concluded). */
export function nextStep(report: Pick<ReportView, 'status'>): NextStep | null {
  const next = REPORT_NEXT_STATUS[report.status];
  if (!next) return null;
  return {
    status: next,
    action: next === 'CONCLUDED' ? '办结举报' : `转为${REPORT_STATUS_LABELS[next]}`,
    needsOutcome: next === 'CONCLUDED',
  };
}

/** The request of the next step, or what is missing. */
export function advanceRequest(
  report: Pick<ReportView, 'status'>,
  note: string,
  outcome: ReportOutcome | undefined,
): { ok: true; body: ReportStatusRequest } | { ok: false; error: string } {
  const step = nextStep(report);
  if (!step) return { ok: false, error: '该举报已办结，不能再推进。' };
  const trimmed = note.trim();
  if (!trimmed) {
    return { ok: false, error: step.needsOutcome ? '请填写办结意见。' : '请填写处理说明。' };
  }
  if (trimmed.length > OVERSIGHT_NOTE_MAX) {
    return { ok: false, error: `说明不能超过 ${OVERSIGHT_NOTE_MAX} 字。` };
  }
  if (step.needsOutcome && !outcome) return { ok: false, error: '请选择调查结论。' };
  return {
    ok: true,
    body: {
      status: step.status,
      note: trimmed,
      ...(step.needsOutcome && outcome ? { outcome } : {}),
    },
  };
}

export function categoryLabel(category: string): string {
  return MISCONDUCT_CATEGORY_LABELS[category] ?? '未列明的类别';
}

/** Where a report's photo is served (needs the supervisor's token). */
export function reportPhotoPath(reportId: string, index: number): string {
  return routeUrl(ROUTES.reportPhoto, { id: reportId, index: String(index) });
}

/** The list's filters: every status, or one. */
export const REPORT_FILTERS: { status: ReportStatus | undefined; label: string }[] = [
  { status: undefined, label: '全部' },
  { status: 'RECEIVED', label: REPORT_STATUS_LABELS.RECEIVED },
  { status: 'INVESTIGATING', label: REPORT_STATUS_LABELS.INVESTIGATING },
  { status: 'CONCLUDED', label: REPORT_STATUS_LABELS.CONCLUDED },
];
