import type { DrawTaskView } from '@qinqing/domain';
import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { ReactNode } from 'react';

import { coOfficerNames, periodText, TASK_TIMING_LABELS, taskTiming } from './tasks';

async function copyReference(reference: string): Promise<void> {
  try {
    await Taro.setClipboardData({ data: reference });
  } catch {
    // Nothing to do: the reference stays on screen, selectable.
  }
}

/** One of the officer's tasks: the firm, its reference (large, copyable), who goes and when. */
export function TaskCard(props: {
  task: DrawTaskView;
  meId: string;
  today: string;
  children?: ReactNode;
}) {
  const { task } = props;
  const timing = taskTiming(task, props.today);
  return (
    <View
      className={`o-card dr-task${task.inspected ? ' dr-task--done' : ''}`}
      data-testid="task-row"
      data-inspected={task.inspected ? 'true' : 'false'}
    >
      <Text className="dr-task__firm">{task.enterpriseName}</Text>
      <Text className="dr-reference" data-testid="task-reference" userSelect>
        {task.reference}
      </Text>
      <Button
        className="dr-copy"
        data-testid="task-copy"
        onClick={() => void copyReference(task.reference)}
      >
        复制任务编号
      </Button>
      <Text className="dr-task__line">同行人员：{coOfficerNames(task, props.meId)}</Text>
      <Text className="dr-task__line">
        检查期限：{periodText(task.periodStart, task.periodEnd)}（{TASK_TIMING_LABELS[timing]}）
      </Text>
      <View className="dr-task__line">
        <Text className={`o-chip ${task.inspected ? 'o-chip--green' : 'o-chip--amber'}`}>
          {task.inspected ? '已检查' : '未检查'}
        </Text>
        {task.short && <Text className="o-chip o-chip--red">人员不足（回避）</Text>}
      </View>
      {props.children}
    </View>
  );
}
