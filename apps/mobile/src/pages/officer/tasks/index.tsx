import { Text, View } from '@tarojs/components';
import { useDidShow } from '@tarojs/taro';
import { useRef, useState } from 'react';

import { TaskCard } from '../../../features/draws/TaskCard';
import { loadMyTasks, sortTasks } from '../../../features/draws/tasks';
import {
  loadSnapshot,
  snapshotAgeText,
  snapshotInfo,
} from '../../../features/offline-snapshot/snapshot';
import { scanToCheckIn } from '../../../features/officer-home/useOfficerHome';
import { api } from '../../../services/api';
import { chinaToday } from '../../../services/china-time';
import { useRequest } from '../../../shared/request';
import { useSession } from '../../../shared/session';
import { Button } from '../../../shared/ui/Button';
import { Card, Page } from '../../../shared/ui/Page';
import { EmptyText, Pending } from '../../../shared/ui/Pending';

import '../../../components/officer.css';

/** 我的抽查任务: the officer's drawn tasks (双随机), online or from the offline snapshot. */
export default function OfficerTasksPage() {
  const me = useSession('officer');
  const tasks = useRequest(() => loadMyTasks(api, () => loadSnapshot()), [me?.id], {
    enabled: Boolean(me),
  });
  const [scanError, setScanError] = useState('');
  const shown = useRef(false);
  useDidShow(() => {
    if (shown.current && me) tasks.reload();
    shown.current = true;
  });
  const today = chinaToday();
  if (!me) return <Page title="我的抽查任务">{null}</Page>;
  const sorted = tasks.data ? sortTasks(tasks.data.tasks, today) : undefined;

  return (
    <Page title="我的抽查任务" testId="officer-tasks">
      <Card>
        <Text className="o-muted">
          双随机抽查须凭抽中的任务入企：到达企业后扫码，事由选“双随机抽查”，再选择本企业的任务编号。同行人员须为任务指派的执法人员。
        </Text>
      </Card>
      {tasks.data?.source === 'offline' && (
        <Text className="o-warn" data-testid="tasks-offline">
          网络不可用，以下为手机离线数据中的任务。{snapshotAgeText(snapshotInfo()?.issuedAt)}
        </Text>
      )}
      <Pending loading={tasks.loading && !tasks.data} error={tasks.error} onRetry={tasks.reload} />
      {sorted?.length === 0 && <EmptyText>目前没有您的抽查任务。</EmptyText>}
      {sorted?.map((task) => (
        <TaskCard key={task.id} task={task} meId={me.id} today={today}>
          {!task.inspected && (
            <Text className="o-line o-hint">去检查：到达后扫码入企，事由选“双随机抽查”</Text>
          )}
        </TaskCard>
      ))}

      {scanError && <Text className="o-error">{scanError}</Text>}
      <View className="o-actions">
        <Button
          block
          type="primary"
          className="o-action"
          data-testid="tasks-scan"
          onClick={() => void scanToCheckIn().then(setScanError)}
        >
          去检查：扫码入企
        </Button>
      </View>
    </Page>
  );
}
