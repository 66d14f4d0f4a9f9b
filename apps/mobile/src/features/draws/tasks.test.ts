import type { DrawTaskView } from '@qinqing/domain';

import { ApiError, NetworkError } from '../../services/api';
import {
  coOfficerNames,
  coOfficersNotOnTask,
  loadMyTasks,
  prefillFromTask,
  sortTasks,
  taskByReference,
  taskOptionsForFirm,
  taskTiming,
} from './tasks';

const FIRM_A = 'firm-a';
const FIRM_B = 'firm-b';

function task(reference: string, over: Partial<DrawTaskView> = {}): DrawTaskView {
  return {
    id: `t-${reference}`,
    drawId: 'd1',
    drawNumber: 'SJ-2026-001',
    reference,
    enterpriseId: FIRM_A,
    enterpriseName: '郑州思念食品有限公司',
    officers: [
      { id: 'o1', name: '张建国', badgeNumber: 'A1' },
      { id: 'o2', name: '李明华', badgeNumber: 'A2' },
    ],
    periodStart: '2026-10-01',
    periodEnd: '2026-12-31',
    short: false,
    visitId: null,
    inspected: false,
    ...over,
  };
}

describe('task timing and order', () => {
  it('is open on the first and the last day of the period, not before or after', () => {
    const t = task('SJ-2026-001-01');
    expect(taskTiming(t, '2026-09-30')).toBe('NOT_STARTED');
    expect(taskTiming(t, '2026-10-01')).toBe('OPEN');
    expect(taskTiming(t, '2026-12-31')).toBe('OPEN');
    expect(taskTiming(t, '2027-01-01')).toBe('ENDED');
  });

  it('lists open undone tasks first, then not started, then done', () => {
    const done = task('SJ-2026-001-01', { inspected: true, visitId: 'v1' });
    const later = task('SJ-2026-002-01', { periodStart: '2026-12-01' });
    const open = task('SJ-2026-001-02');
    expect(sortTasks([done, later, open], '2026-11-22').map((t) => t.reference)).toEqual([
      'SJ-2026-001-02',
      'SJ-2026-002-01',
      'SJ-2026-001-01',
    ]);
  });

  it('names the co-officers without the reader', () => {
    expect(coOfficerNames(task('x'), 'o1')).toBe('李明华');
    expect(
      coOfficerNames(task('x', { officers: [{ id: 'o1', name: '张', badgeNumber: null }] }), 'o1'),
    ).toBe('无（仅本人）');
  });
});

describe('tasks offered at check-in', () => {
  const tasks = [
    task('SJ-2026-001-01'),
    task('SJ-2026-001-02', { enterpriseId: FIRM_B, enterpriseName: '瑞泰' }),
    task('SJ-2026-003-04', { periodStart: '2026-12-01' }),
  ];

  it('offers only the scanned firm’s tasks, usable (in period) first', () => {
    const options = taskOptionsForFirm(tasks, FIRM_A, '2026-11-22');
    expect(options.map((o) => [o.task.reference, o.usable])).toEqual([
      ['SJ-2026-001-01', true],
      ['SJ-2026-003-04', false],
    ]);
    expect(options[1].note).toContain('2026-12-01');
  });

  it('offers nothing for a firm without a task of this officer', () => {
    expect(taskOptionsForFirm(tasks, 'firm-c', '2026-11-22')).toEqual([]);
  });

  it('offers every task when the firm is not known on the phone', () => {
    expect(taskOptionsForFirm(tasks, undefined, '2026-11-22')).toHaveLength(3);
  });

  it('fills the reference and, when none were chosen, the task’s other officers', () => {
    expect(prefillFromTask(tasks[0], 'o1', { coOfficerIds: [] })).toEqual({
      reference: 'SJ-2026-001-01',
      coOfficerIds: ['o2'],
    });
    expect(prefillFromTask(tasks[0], 'o1', { coOfficerIds: ['o9'] })).toEqual({
      reference: 'SJ-2026-001-01',
      coOfficerIds: ['o9'],
    });
    // a task officer the form cannot offer (inactive, not listed) is not chosen
    expect(prefillFromTask(tasks[0], 'o1', { coOfficerIds: [] }, ['o3']).coOfficerIds).toEqual([]);
  });

  it('finds the task a typed reference names and the co-officers not on it', () => {
    expect(taskByReference(tasks, ' sj-2026-001-02 ')?.enterpriseId).toBe(FIRM_B);
    expect(taskByReference(tasks, 'SJ-2026-009-01')).toBeUndefined();
    expect(taskByReference(tasks, '')).toBeUndefined();
    expect(coOfficersNotOnTask(tasks[0], ['o2', 'o7'])).toEqual(['o7']);
  });
});

describe('loading the officer’s tasks', () => {
  const snapshotTasks = [task('SJ-2026-001-05')];

  it('uses the API when it answers', async () => {
    const online = [task('SJ-2026-001-01')];
    const result = await loadMyTasks({ myTasks: async () => ({ items: online }) }, () => ({
      tasks: snapshotTasks,
    }));
    expect(result).toEqual({ tasks: online, source: 'online' });
  });

  it('without signal uses the stored snapshot’s tasks (none when there is no snapshot)', async () => {
    const offline = {
      myTasks: async (): Promise<{ items: DrawTaskView[] }> => {
        throw new NetworkError();
      },
    };
    expect(await loadMyTasks(offline, () => ({ tasks: snapshotTasks }))).toEqual({
      tasks: snapshotTasks,
      source: 'offline',
    });
    expect(await loadMyTasks(offline, () => undefined)).toEqual({ tasks: [], source: 'offline' });
  });

  it('passes other errors on', async () => {
    const failing = {
      myTasks: async (): Promise<{ items: DrawTaskView[] }> => {
        throw new ApiError(403, 'FORBIDDEN', '无权访问', {});
      },
    };
    await expect(loadMyTasks(failing, () => ({ tasks: snapshotTasks }))).rejects.toBeInstanceOf(
      ApiError,
    );
  });
});
