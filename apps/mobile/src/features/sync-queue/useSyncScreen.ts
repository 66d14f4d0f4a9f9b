import type { SessionUser } from '@qinqing/domain';
import { useDidShow } from '@tarojs/taro';
import { useCallback, useEffect, useState } from 'react';

import { NetworkError } from '../../services/api';
import { errorText } from '../../shared/errors';
import { refreshSnapshot, snapshotInfo } from '../offline-snapshot/snapshot';
import { officerQueue, startOfflineSupport } from './officer-queue';
import type { FlushReport, QueuedCheckIn, SyncResult } from './sync-queue';

interface Shown {
  pending: QueuedCheckIn[];
  results: SyncResult[];
  progress: { done: number; total: number } | null;
  lastReport: FlushReport | null;
  snapshotIssuedAt: string | undefined;
}

export type SyncMessage = { text: string; tone: 'ok' | 'warn' } | null;

/**
 * 离线打卡同步 as a screen sees it: the queue, the sync's progress and the server's decisions,
 * kept current as the queue changes; 立即同步, 重新提交 and 更新离线数据.
 */
export function useSyncScreen(me: SessionUser | undefined) {
  const queue = me ? officerQueue(me.id) : undefined;
  const read = useCallback(
    (): Shown => ({
      pending: queue?.pending() ?? [],
      results: queue?.results() ?? [],
      progress: queue?.progress() ?? null,
      lastReport: queue?.lastReport() ?? null,
      snapshotIssuedAt: snapshotInfo({ officerId: me?.id })?.issuedAt,
    }),
    [queue, me],
  );
  const [state, setState] = useState<Shown>(read);
  const [message, setMessage] = useState<SyncMessage>(null);
  const [syncing, setSyncing] = useState(false);
  const [snapshotBusy, setSnapshotBusy] = useState(false);
  const [snapshotMessage, setSnapshotMessage] = useState('');

  useEffect(() => {
    if (!queue) return undefined;
    startOfflineSupport();
    return queue.onChange(() => setState(read()));
  }, [queue, read]);
  useDidShow(() => setState(read()));

  async function syncNow(): Promise<void> {
    if (!queue) return;
    setMessage(null);
    if (queue.pending().length === 0) {
      setMessage({ text: '没有待同步的离线打卡。', tone: 'ok' });
      return;
    }
    setSyncing(true);
    try {
      const report = await queue.flush(undefined, { force: true });
      if (report.message) setMessage({ text: report.message, tone: 'warn' });
      else if (report.remaining === 0)
        setMessage({ text: `同步完成：${report.sent} 条已由服务器登记。`, tone: 'ok' });
      else
        setMessage({
          text: `已同步 ${report.sent} 条；还有 ${report.remaining} 条需要处理，见下方说明。`,
          tone: 'warn',
        });
    } catch {
      setMessage({
        text: '同步中断（手机存储写入失败）：离线打卡仍保存在手机上，请稍后再点“立即同步”，不会重复登记。',
        tone: 'warn',
      });
    } finally {
      setSyncing(false);
    }
    setState(read());
  }

  async function updateSnapshot(): Promise<void> {
    if (snapshotBusy) return;
    setSnapshotBusy(true);
    setSnapshotMessage('正在更新离线数据…');
    try {
      await refreshSnapshot();
      setSnapshotMessage('离线数据已更新。');
    } catch (e) {
      setSnapshotMessage(
        e instanceof NetworkError
          ? '网络不可用，离线数据未更新：将继续使用手机上已有的数据，有信号时再试。'
          : errorText(e),
      );
    } finally {
      setSnapshotBusy(false);
      setState(read());
    }
  }

  function retry(clientId: string): void {
    queue?.retry(clientId);
    void syncNow();
  }

  return {
    ready: Boolean(queue),
    ...state,
    attention: state.pending.filter((i) => i.needsAttention),
    waiting: state.pending.filter((i) => !i.needsAttention),
    message,
    syncing,
    syncNow,
    retry,
    snapshotBusy,
    snapshotMessage,
    updateSnapshot,
  };
}
