import type { DrawTaskView } from '@qinqing/domain';
import { Text, View } from '@tarojs/components';

import { Choice } from '../../components/Choice';
import { chinaToday } from '../../services/china-time';
import {
  coOfficersNotOnTask,
  NO_TASK_FOR_FIRM,
  periodText,
  taskByReference,
  taskOptionsForFirm,
} from './tasks';

/**
 * At check-in, purpose 双随机抽查: the officer's tasks for the scanned firm to tap as the reference
 * (and co-officers), or why there is none; and a warning when a chosen co-officer is not on it.
 */
export function TaskOptions(props: {
  /** undefined while loading */
  tasks: DrawTaskView[] | undefined;
  offline: boolean;
  firmId: string | undefined;
  reference: string;
  coOfficerIds: string[];
  coOfficerName: (id: string) => string;
  onChoose: (task: DrawTaskView) => void;
}) {
  if (!props.tasks) {
    return <Text className="o-muted">正在读取您的抽查任务…</Text>;
  }
  const options = taskOptionsForFirm(props.tasks, props.firmId, chinaToday());
  const chosen = taskByReference(
    options.map((o) => o.task),
    props.reference,
  );
  const notOnTask = chosen ? coOfficersNotOnTask(chosen, props.coOfficerIds) : [];

  return (
    <View className="o-field" data-testid="checkin-tasks">
      {props.offline && (
        <Text className="o-muted">网络不可用：以下为离线数据中的任务，提交后由服务器核对。</Text>
      )}
      {options.length === 0 ? (
        <Text className="o-warn" data-testid="checkin-no-task">
          {NO_TASK_FOR_FIRM}
        </Text>
      ) : (
        <>
          <Text className="o-label">点选本企业的抽查任务：</Text>
          {options.map(({ task, usable, note }) => {
            const isChosen = chosen?.id === task.id;
            return (
              <Choice
                key={task.id}
                kind="radio"
                checked={isChosen}
                className={`o-option${isChosen ? ' o-option--chosen' : ''}${usable ? '' : ' o-option--unusable'}`}
                data={{
                  'data-testid': 'task-option',
                  'data-reference': task.reference,
                  'data-chosen': isChosen ? 'true' : 'false',
                }}
                onSelect={() => props.onChoose(task)}
              >
                <Text className="o-reference">
                  {isChosen ? '✓ ' : ''}
                  {task.reference}
                </Text>
                <Text className="o-muted">
                  {task.enterpriseName} · {periodText(task.periodStart, task.periodEnd)}
                </Text>
                <Text className="o-muted">
                  指派人员：{task.officers.map((o) => o.name).join('、') || '无'}
                </Text>
                {note && <Text className="o-option__note">{note}</Text>}
              </Choice>
            );
          })}
        </>
      )}
      {props.reference.trim() && !chosen && options.length > 0 && (
        <Text className="o-warn" data-testid="checkin-task-unknown">
          所填编号不是本企业的抽查任务，提交后将被拒绝。
        </Text>
      )}
      {notOnTask.length > 0 && (
        <Text className="o-warn" data-testid="checkin-task-officers">
          {notOnTask.map(props.coOfficerName).join('、')}{' '}
          不是该抽查任务指派的人员，同行将被拒绝；请取消勾选。
        </Text>
      )}
    </View>
  );
}
