import type { DrawTaskView } from '@qinqing/domain';
import { Tag } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { ReactNode } from 'react';

import { Button } from '../../shared/ui/Button';

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
      className="qq-card o-task"
      data-testid="task-row"
      data-inspected={task.inspected ? 'true' : 'false'}
    >
      <Text className="o-section">{task.enterpriseName}</Text>
      <Text className="o-reference" data-testid="task-reference" userSelect>
        {task.reference}
      </Text>
      <Button
        type="primary"
        fill="outline"
        className="o-action--small"
        data-testid="task-copy"
        onClick={() => void copyReference(task.reference)}
      >
        复制任务编号
      </Button>
      <Text className="o-line">同行人员：{coOfficerNames(task, props.meId)}</Text>
      <Text className="o-line">
        检查期限：{periodText(task.periodStart, task.periodEnd)}（{TASK_TIMING_LABELS[timing]}）
      </Text>
      <View className="o-tags">
        <Tag type={task.inspected ? 'success' : 'warning'}>
          {task.inspected ? '已检查' : '未检查'}
        </Tag>
        {task.short && <Tag type="danger">人员不足（回避）</Tag>}
      </View>
      {props.children}
    </View>
  );
}
