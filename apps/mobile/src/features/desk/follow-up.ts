import {
  OVERSIGHT_NOTE_MAX,
  RATING_ITEMS,
  type FollowUpCaseView,
  type FollowUpCloseRequest,
  type FollowUpContactMethod,
  type FollowUpContactRequest,
  type FollowUpFilters,
  type FollowUpFinding,
} from '@qinqing/domain';

const DAY_MS = 86_400_000;

/** The list's filters: 待核实, 已逾期 (open and past due), 已办结. */
export type FollowUpView = 'OPEN' | 'OVERDUE' | 'CLOSED';

export const FOLLOW_UP_VIEWS: { key: FollowUpView; label: string; filters: FollowUpFilters }[] = [
  { key: 'OPEN', label: '待核实', filters: { status: 'OPEN' } },
  { key: 'OVERDUE', label: '已逾期', filters: { status: 'OPEN', overdue: 'true' } },
  { key: 'CLOSED', label: '已办结', filters: { status: 'CLOSED' } },
];

export function followUpFilters(view: FollowUpView): FollowUpFilters {
  return FOLLOW_UP_VIEWS.find((v) => v.key === view)?.filters ?? {};
}

/** Whole days past the due time, counting a started day (0 when not yet due). */
export function overdueDays(dueAt: string, now: Date): number {
  const late = now.getTime() - Date.parse(dueAt);
  return Number.isNaN(late) || late <= 0 ? 0 : Math.ceil(late / DAY_MS);
}

/** '逾期 3 天' / '剩余 2 天' / '今日到期' / '已办结' */
export function dueText(c: Pick<FollowUpCaseView, 'status' | 'dueAt'>, now: Date): string {
  if (c.status === 'CLOSED') return '已办结';
  const late = overdueDays(c.dueAt, now);
  if (late > 0) return `逾期 ${late} 天`;
  const left = Math.floor((Date.parse(c.dueAt) - now.getTime()) / DAY_MS);
  return left <= 0 ? '今日到期' : `剩余 ${left} 天`;
}

/** The card items the firm marked 差, by name. */
export function poorItemNames(c: Pick<FollowUpCaseView, 'poorItems'>): string[] {
  return c.poorItems
    .filter((i) => i >= 0 && i < RATING_ITEMS.length)
    .map((i) => RATING_ITEMS[i] as string);
}

/** A case may be closed once it is open and someone has contacted the firm. */
export function canClose(c: Pick<FollowUpCaseView, 'status' | 'contacts'>): boolean {
  return c.status === 'OPEN' && c.contacts.length > 0;
}

type Checked<T> = { ok: true; body: T } | { ok: false; error: string };

function checkedText(text: string, what: string): string | undefined {
  const trimmed = text.trim();
  if (!trimmed) return `请填写${what}。`;
  if (trimmed.length > OVERSIGHT_NOTE_MAX) return `${what}不能超过 ${OVERSIGHT_NOTE_MAX} 字。`;
  return undefined;
}

export function contactRequest(
  method: FollowUpContactMethod | undefined,
  note: string,
): Checked<FollowUpContactRequest> {
  if (!method) return { ok: false, error: '请选择回访方式。' };
  const error = checkedText(note, '回访情况');
  return error ? { ok: false, error } : { ok: true, body: { method, note: note.trim() } };
}

export function closeRequest(
  finding: FollowUpFinding | undefined,
  resolution: string,
): Checked<FollowUpCloseRequest> {
  if (!finding) return { ok: false, error: '请选择核实结论。' };
  const error = checkedText(resolution, '处理结果');
  return error
    ? { ok: false, error }
    : { ok: true, body: { finding, resolution: resolution.trim() } };
}
