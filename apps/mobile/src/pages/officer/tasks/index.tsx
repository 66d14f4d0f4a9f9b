import type { DrawTaskView } from '@qinqing/domain';
import { Button, Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { useCallback, useState } from 'react';

import { requireOfficer } from '../../../components/guard';
import { TaskCard } from '../../../features/draws/TaskCard';
import { loadMyTasks, sortTasks, type TaskSource } from '../../../features/draws/tasks';
import { errorText } from '../../../features/desk/errors';
import {
  loadSnapshot,
  snapshotAgeText,
  snapshotInfo,
} from '../../../features/offline-snapshot/snapshot';
import { scanGateCode, ScanError } from '../../../features/scan/scan';
import { chinaToday } from '../../../services/china-time';
import { api } from '../../../services/api';

import '../../../components/officer.css';
import '../../../features/draws/draws.css';

/** 我的抽查任务: the officer's drawn tasks (双随机), online or from the offline snapshot. */
export default function OfficerTasksPage() {
  const [me] = useState(() => requireOfficer('/pages/officer/tasks/index'));
  const [tasks, setTasks] = useState<DrawTaskView[] | undefined>();
  const [source, setSource] = useState<TaskSource>('online');
  const [error, setError] = useState('');
  const [scanError, setScanError] = useState('');
  const today = chinaToday();

  const load = useCallback(() => {
    if (!me) return;
    setError('');
    loadMyTasks(api, () => loadSnapshot())
      .then((answer) => {
        setTasks(answer.tasks);
        setSource(answer.source);
      })
      .catch((e) => setError(errorText(e)));
  }, [me]);

  useDidShow(load);

  async function goInspect(): Promise<void> {
    setScanError('');
    try {
      const code = await scanGateCode();
      await Taro.navigateTo({
        url: `/pages/officer/check-in/index?code=${encodeURIComponent(code)}`,
      });
    } catch (e) {
      if (e instanceof ScanError && e.reason === 'CANCELLED') return;
      setScanError(e instanceof Error ? e.message : '扫码失败，请重试。');
    }
  }

  if (!me) return <View className="o-page" />;
  const sorted = tasks ? sortTasks(tasks, today) : undefined;

  return (
    <View className="o-page" data-testid="officer-tasks">
      <Text className="o-title">我的抽查任务</Text>
      <View className="o-card">
        <Text className="o-muted">
          双随机抽查须凭抽中的任务入企：到达企业后扫码，事由选“双随机抽查”，再选择本企业的任务编号。同行人员须为任务指派的执法人员。
        </Text>
      </View>

      {source === 'offline' && (
        <Text className="o-warn" data-testid="tasks-offline">
          网络不可用，以下为手机离线数据中的任务。{snapshotAgeText(snapshotInfo()?.issuedAt)}
        </Text>
      )}
      {error && (
        <View className="o-error">
          <Text>{error}</Text>
        </View>
      )}

      {sorted === undefined && !error && <Text className="o-muted">正在读取…</Text>}
      {sorted?.length === 0 && (
        <View className="o-card">
          <Text className="o-muted">目前没有您的抽查任务。</Text>
        </View>
      )}
      {sorted?.map((task) => (
        <TaskCard key={task.id} task={task} meId={me.id} today={today}>
          {!task.inspected && (
            <Text className="dr-task__hint">去检查：到达后扫码入企，事由选“双随机抽查”</Text>
          )}
        </TaskCard>
      ))}

      {scanError && <Text className="o-error">{scanError}</Text>}
      <Button className="o-btn" data-testid="tasks-scan" onClick={() => void goInspect()}>
        去检查：扫码入企
      </Button>
      <Button
        className="o-btn o-btn--secondary"
        onClick={() => void Taro.redirectTo({ url: '/pages/officer/home/index' })}
      >
        返回首页
      </Button>
    </View>
  );
}
