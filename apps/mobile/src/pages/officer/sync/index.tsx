import { CHECK_IN_OUTCOME_LABELS, PURPOSE_INFO, type DecisionReason } from '@qinqing/domain';
import { Button, Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { useCallback, useEffect, useState } from 'react';

import {
  refreshSnapshot,
  snapshotAgeText,
  snapshotInfo,
} from '../../../features/offline-snapshot/snapshot';
import { chinaDateTime } from '../../../services/china-time';
import { officerQueue, startOfflineSupport } from '../../../features/sync-queue/officer-queue';
import type {
  FlushReport,
  OfflineVerdict,
  QueuedCheckIn,
  SyncResult,
} from '../../../features/sync-queue/sync-queue';
import { NetworkError } from '../../../services/api';
import { session } from '../../../services/session';

import '../../../components/officer.css';
import './index.css';

function verdictText(offline: OfflineVerdict): string {
  if (offline.judged && offline.outcome) return CHECK_IN_OUTCOME_LABELS[offline.outcome];
  return offline.unjudgedReason === 'FIRM_NOT_IN_SNAPSHOT'
    ? '未预判（非本单位辖区企业）'
    : '未预判（手机上没有离线数据）';
}

function reasonsText(reasons: DecisionReason[]): string {
  return reasons.map((r) => r.message).join(' ');
}

function tone(outcome: string | null): string {
  if (outcome === 'ALLOWED') return 'allowed';
  if (outcome === 'FLAGGED') return 'flagged';
  if (outcome === 'REFUSED') return 'refused';
  return 'none';
}

function purposeLabel(purpose: string): string {
  return PURPOSE_INFO[purpose as keyof typeof PURPOSE_INFO]?.label ?? purpose;
}

interface Shown {
  pending: QueuedCheckIn[];
  results: SyncResult[];
  progress: { done: number; total: number } | null;
  lastReport: FlushReport | null;
  snapshotIssuedAt: string | undefined;
}

/** 离线打卡同步: what waits on the phone, the sync's progress, and the server's final decisions. */
export default function OfficerSyncPage() {
  const [me] = useState(() => {
    const user = session.user();
    if (user?.role === 'officer') return user;
    void Taro.redirectTo({
      url: `/pages/login/index?redirect=${encodeURIComponent('/pages/officer/sync/index')}`,
    });
    return undefined;
  });
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
  const [message, setMessage] = useState<{ text: string; tone: 'ok' | 'warn' } | null>(null);
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
          : e instanceof Error
            ? e.message
            : '离线数据更新失败，请稍后再试。',
      );
    } finally {
      setSnapshotBusy(false);
      setState(read());
    }
  }

  if (!me || !queue) return <View className="o-page" />;

  const attention = state.pending.filter((i) => i.needsAttention);
  const waiting = state.pending.filter((i) => !i.needsAttention);
  const { progress, lastReport } = state;

  return (
    <View className="o-page sync">
      <Text className="o-title">离线打卡同步</Text>

      <View className="o-card">
        <Text className="sync__snapshot" data-testid="sync-snapshot-age">
          {snapshotAgeText(state.snapshotIssuedAt)}
        </Text>
        {snapshotMessage && (
          <Text className="o-muted sync__block" data-testid="sync-snapshot-message">
            {snapshotMessage}
          </Text>
        )}
        <Button
          className="o-btn o-btn--secondary o-btn--small sync__top-gap"
          data-testid="sync-refresh-snapshot"
          onClick={() => void updateSnapshot()}
        >
          更新离线数据
        </Button>
      </View>

      <View className="o-card">
        <Text className="sync__count" data-testid="sync-pending-count">
          待同步 {state.pending.length} 条
        </Text>
        <Text className="o-muted sync__block">
          离线打卡保存在手机上，恢复信号后自动上传（同一编号只登记一次），以服务器的判定为准。
        </Text>
        {progress && (
          <Text className="sync__progress" data-testid="sync-progress">
            正在同步 {progress.done} / {progress.total}
          </Text>
        )}
        {!progress && lastReport && lastReport.total > 0 && (
          <Text className="sync__progress" data-testid="sync-progress">
            已同步 {lastReport.sent} / {lastReport.total}
          </Text>
        )}
        {message && (
          <Text
            className={message.tone === 'ok' ? 'sync__ok' : 'o-warn sync__top-gap'}
            data-testid="sync-message"
          >
            {message.text}
          </Text>
        )}
        <Button
          className="o-btn sync__top-gap"
          data-testid="sync-now"
          onClick={() => void syncNow()}
        >
          立即同步
        </Button>
      </View>

      {attention.length > 0 && (
        <View className="o-card" data-testid="sync-attention-list">
          <Text className="o-section">需要处理（{attention.length}）</Text>
          {attention.map((item) => (
            <View key={item.request.clientId} className="sync__item" data-testid="sync-attention">
              <Text className="sync__firm">
                {item.offline.enterpriseName ?? '企业待服务器确认'}
              </Text>
              <Text className="o-muted sync__block">
                {purposeLabel(item.request.purpose)} · {chinaDateTime(item.request.clientTime)}
              </Text>
              <Text className="o-error sync__top-gap">
                服务器未接受：{item.needsAttention?.message}
              </Text>
              <Text className="o-muted sync__block">
                这条打卡仍保存在手机上，不会丢失。请截图本页并联系本单位管理员核对；问题解决后点“重新提交”。
              </Text>
              <Button
                className="o-btn o-btn--secondary o-btn--small sync__top-gap"
                data-testid="sync-retry"
                onClick={() => {
                  queue.retry(item.request.clientId);
                  void syncNow();
                }}
              >
                重新提交
              </Button>
            </View>
          ))}
        </View>
      )}

      <View className="o-card" data-testid="sync-queue">
        <Text className="o-section">待上传</Text>
        {waiting.length === 0 && <Text className="o-muted">没有待上传的离线打卡。</Text>}
        {waiting.map((item) => (
          <View key={item.request.clientId} className="sync__item" data-testid="sync-queue-item">
            <Text className="sync__firm">{item.offline.enterpriseName ?? '企业待服务器确认'}</Text>
            <Text className="o-muted sync__block">
              {purposeLabel(item.request.purpose)} · {chinaDateTime(item.request.clientTime)}
            </Text>
            <Text className={`sync__verdict sync__verdict--${tone(item.offline.outcome)}`}>
              离线预判：{verdictText(item.offline)}
            </Text>
            {item.attempts > 0 && (
              <Text className="o-muted sync__block">
                已尝试上传 {item.attempts} 次，恢复信号后将自动重试。
              </Text>
            )}
          </View>
        ))}
      </View>

      <View className="o-card" data-testid="sync-results">
        <Text className="o-section">服务器判定</Text>
        {state.results.length === 0 && <Text className="o-muted">还没有同步过的离线打卡。</Text>}
        {state.results.map((r) => (
          <View
            key={r.clientId}
            className={`sync__item ${r.differs ? 'sync__item--differs' : ''}`}
            data-testid="sync-result"
            data-differs={r.differs ? 'true' : 'false'}
            data-outcome={r.server.outcome}
          >
            <Text className="sync__firm">
              {r.server.enterpriseName ?? r.offline.enterpriseName ?? '企业'}
            </Text>
            <Text className="o-muted sync__block">
              {purposeLabel(r.purpose)} · {chinaDateTime(r.clientTime)}
            </Text>
            <Text
              className={`sync__verdict sync__verdict--${tone(r.server.outcome)}`}
              data-testid="sync-result-outcome"
            >
              服务器判定：{CHECK_IN_OUTCOME_LABELS[r.server.outcome]}
            </Text>
            <Text className="o-muted sync__block">离线预判：{verdictText(r.offline)}</Text>
            {r.differs && (
              <Text className="sync__differs" data-testid="sync-result-differs">
                服务器判定与离线预判不同
                {r.server.outcome === 'REFUSED'
                  ? '：本次不予入企，如已进入现场请立即停止检查并离开，联系本单位负责人。'
                  : '：以服务器判定为准。'}
              </Text>
            )}
            {r.server.reasons.length > 0 && (
              <Text className="o-muted sync__block">{reasonsText(r.server.reasons)}</Text>
            )}
          </View>
        ))}
      </View>

      <Button
        className="o-btn o-btn--secondary"
        data-testid="sync-home"
        onClick={() => void Taro.redirectTo({ url: '/pages/officer/home/index' })}
      >
        返回首页
      </Button>
    </View>
  );
}
