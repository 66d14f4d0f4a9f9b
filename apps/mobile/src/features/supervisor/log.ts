import { chinaMidnight } from '../../services/china-time';
import { brokenChains, verificationProblems } from '../audit-checkpoints/text';
import {
  CHECK_IN_OUTCOME_LABELS,
  type ChainVerification,
  type OfficerView,
  type VisitFilters,
  type VisitView,
} from '@qinqing/domain';

/** The filters a supervisor sets (the date range as a preset; the API gets from/to). */
export type LogFilters = Omit<VisitFilters, 'from' | 'to' | 'cursor' | 'limit'> & {
  range?: DateRangePreset;
};

export type DateRangePreset = 'ALL' | 'TODAY' | 'LAST_7_DAYS' | 'LAST_30_DAYS';

export const DATE_RANGE_LABELS: Record<DateRangePreset, string> = {
  ALL: '全部时间',
  TODAY: '今天',
  LAST_7_DAYS: '近7天',
  LAST_30_DAYS: '近30天',
};

export const LOG_PAGE_SIZE = 20;

/** from/to (ISO) of a preset; days start at midnight China time. */
export function dateRange(
  preset: DateRangePreset | undefined,
  now: Date,
): Pick<VisitFilters, 'from' | 'to'> {
  if (!preset || preset === 'ALL') return {};
  const days = preset === 'TODAY' ? 0 : preset === 'LAST_7_DAYS' ? 6 : 29;
  return { from: chinaMidnight(now, days) };
}

/** One block of the log: its own query (and its own 加载更多). */
export interface LogSection {
  key: 'REFUSED' | 'FLAGGED' | 'ALL';
  title: string;
  filters: VisitFilters;
}

/**
 * The log's sections, refusals and flags first: with no outcome chosen, 不予入企, then 已记录异常,
 * then every record; a chosen outcome gives that one section.
 */
export function logSections(filters: LogFilters, now: Date): LogSection[] {
  const { range, outcome, ...rest } = filters;
  const base: VisitFilters = { ...rest, ...dateRange(range, now), limit: LOG_PAGE_SIZE };
  for (const key of Object.keys(base) as (keyof VisitFilters)[]) {
    if (base[key] === undefined || base[key] === '') delete base[key];
  }
  if (outcome) {
    return [
      {
        key: outcome === 'ALLOWED' ? 'ALL' : outcome,
        title: CHECK_IN_OUTCOME_LABELS[outcome],
        filters: { ...base, outcome },
      },
    ];
  }
  return [
    { key: 'REFUSED', title: '不予入企', filters: { ...base, outcome: 'REFUSED' } },
    { key: 'FLAGGED', title: '已记录异常', filters: { ...base, outcome: 'FLAGGED' } },
    { key: 'ALL', title: '全部记录', filters: base },
  ];
}

/** Appends a further keyset page, dropping any record already shown. */
export function appendPage(shown: VisitView[], page: VisitView[]): VisitView[] {
  const ids = new Set(shown.map((v) => v.id));
  return [...shown, ...page.filter((v) => !ids.has(v.id))];
}

/**
 * "审计链完整：N 条记录", "审计链（k 号分链）在第 N 条断裂", or what else the verification found (rows that
 * differ from their audit entries, signed checkpoints the chain no longer holds).
 */
export function chainVerdictText(result: ChainVerification): string {
  if (result.ok) return `审计链完整：${result.entries} 条记录`;
  const [broken] = brokenChains(result);
  if (broken) return `审计链（${broken.chain} 号分链）在第 ${broken.seq} 条断裂`;
  return verificationProblems(result).join('') || '审计链校验失败';
}

/** The words of an audit action (the vocabulary is the domain's). */
export { AUDIT_ACTION_LABELS, auditActionLabel } from '@qinqing/domain';

/** The units of a list of officers (for the unit filter), each once, in the order met. */
export function unitsOf(officers: readonly OfficerView[]): { value: string; label: string }[] {
  const byId = new Map<string, string>();
  for (const o of officers) if (o.unitId && o.unitName) byId.set(o.unitId, o.unitName);
  return [...byId].map(([value, label]) => ({ value, label }));
}
