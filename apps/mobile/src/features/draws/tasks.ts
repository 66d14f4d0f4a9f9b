import type { DrawTaskView, OfflineSnapshot } from '@qinqing/domain';

import { NetworkError, type ApiClient } from '../../services/api';

/**
 * An officer's drawn tasks (双随机): where they come from (the API, or the signed offline snapshot
 * without signal), which of them fit the firm just scanned, and what a chosen task fills in on the
 * check-in form. A RANDOM_INSPECTION check-in is refused unless its reference names a revealed
 * task of that firm, within its period, with every officer of the visit on the task.
 */

/** 'YYYY-MM-DD' → '10月1日' (no year: tasks are of the current period). */
export function shortDay(day: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  return match ? `${Number(match[2])}月${Number(match[3])}日` : day;
}

/** '2026-10-01'..'2026-12-31' → '2026-10-01 至 2026-12-31' */
export function periodText(start: string, end: string): string {
  return `${start} 至 ${end}`;
}

/** Where the task's period stands on `today` ('YYYY-MM-DD', China time). */
export type TaskTiming = 'NOT_STARTED' | 'OPEN' | 'ENDED';

export function taskTiming(
  task: Pick<DrawTaskView, 'periodStart' | 'periodEnd'>,
  today: string,
): TaskTiming {
  if (today < task.periodStart) return 'NOT_STARTED';
  if (today > task.periodEnd) return 'ENDED';
  return 'OPEN';
}

export const TASK_TIMING_LABELS: Record<TaskTiming, string> = {
  NOT_STARTED: '未到检查期限',
  OPEN: '检查期限内',
  ENDED: '检查期限已过',
};

/** Not done and open first, then not started, then done; by period end, then reference. */
export function sortTasks(tasks: readonly DrawTaskView[], today: string): DrawTaskView[] {
  const rank = (t: DrawTaskView) => {
    if (t.inspected) return 3;
    const timing = taskTiming(t, today);
    return timing === 'OPEN' ? 0 : timing === 'NOT_STARTED' ? 1 : 2;
  };
  return [...tasks].sort(
    (a, b) =>
      rank(a) - rank(b) ||
      a.periodEnd.localeCompare(b.periodEnd) ||
      a.reference.localeCompare(b.reference),
  );
}

/** The other officers of a task (the co-officers of the one who reads it), by name. */
export function coOfficerNames(task: DrawTaskView, meId: string): string {
  const others = task.officers.filter((o) => o.id !== meId);
  return others.length > 0 ? others.map((o) => o.name).join('、') : '无（仅本人）';
}

/** One task the check-in offers for the scanned firm, and whether it can be used today. */
export interface TaskOption {
  task: DrawTaskView;
  timing: TaskTiming;
  /** can be named as the reference today (in period); the server still has the last word */
  usable: boolean;
  /** why not, in Chinese ('' when usable) */
  note: string;
}

/**
 * The officer's tasks for the scanned firm, usable ones first. `firmId` undefined (the code could
 * not be verified on the phone) offers every task: the server decides which firm it was.
 */
export function taskOptionsForFirm(
  tasks: readonly DrawTaskView[],
  firmId: string | undefined,
  today: string,
): TaskOption[] {
  const mine = firmId === undefined ? tasks : tasks.filter((t) => t.enterpriseId === firmId);
  return sortTasks(mine, today).map((task) => {
    const timing = taskTiming(task, today);
    const usable = timing === 'OPEN';
    const note = usable
      ? task.inspected
        ? '已检查过；如再次检查可继续使用'
        : ''
      : timing === 'NOT_STARTED'
        ? `检查期限自 ${task.periodStart} 开始，届时方可使用`
        : `检查期限已于 ${task.periodEnd} 结束`;
    return { task, timing, usable, note };
  });
}

/** What the form says when no task fits the firm. */
export const NO_TASK_FOR_FIRM = '双随机抽查须凭抽中的任务；本企业没有您的抽查任务。';

/** The form after tapping a task: its reference, and its other officers when none were chosen. */
export function prefillFromTask(
  task: DrawTaskView,
  meId: string,
  current: { coOfficerIds: readonly string[] },
  selectableIds?: readonly string[],
): { reference: string; coOfficerIds: string[] } {
  const fromTask = task.officers
    .map((o) => o.id)
    .filter((id) => id !== meId && (!selectableIds || selectableIds.includes(id)));
  return {
    reference: task.reference,
    coOfficerIds: current.coOfficerIds.length > 0 ? [...current.coOfficerIds] : fromTask,
  };
}

/** The chosen task (by its reference, ignoring case and spaces), if the reference names one. */
export function taskByReference(
  tasks: readonly DrawTaskView[],
  reference: string,
): DrawTaskView | undefined {
  const wanted = reference.trim().toUpperCase();
  return wanted ? tasks.find((t) => t.reference.toUpperCase() === wanted) : undefined;
}

/** Co-officers of the visit who are not on the task (the server would refuse: NOT_ASSIGNED). */
export function coOfficersNotOnTask(task: DrawTaskView, coOfficerIds: readonly string[]): string[] {
  const assigned = new Set(task.officers.map((o) => o.id));
  return coOfficerIds.filter((id) => !assigned.has(id));
}

export type TaskSource = 'online' | 'offline';

/**
 * The officer's tasks: from the API, or, without signal, those of the stored offline snapshot
 * (`source: 'offline'`). Other API errors are thrown.
 */
export async function loadMyTasks(
  client: Pick<ApiClient, 'myTasks'>,
  snapshot: () => Pick<OfflineSnapshot, 'tasks'> | undefined,
): Promise<{ tasks: DrawTaskView[]; source: TaskSource }> {
  try {
    return { tasks: (await client.myTasks()).items, source: 'online' };
  } catch (error) {
    if (!(error instanceof NetworkError)) throw error;
    return { tasks: snapshot()?.tasks ?? [], source: 'offline' };
  }
}
