import { CHECK_IN_OUTCOME_LABELS, PURPOSE_INFO, type Purpose } from '@qinqing/domain';
import { Text, View } from '@tarojs/components';

import type { OfflineVerdict, QueuedCheckIn, SyncResult } from '../features/sync-queue/sync-queue';
import { chinaDateTime } from '../services/china-time';
import { Button } from '../shared/ui/Button';
import { reasonInWords } from './VisitRow';

function verdictText(offline: OfflineVerdict): string {
  if (offline.judged && offline.outcome) return CHECK_IN_OUTCOME_LABELS[offline.outcome];
  return offline.unjudgedReason === 'FIRM_NOT_IN_SNAPSHOT'
    ? '未预判（非本单位辖区企业）'
    : '未预判（手机上没有离线数据）';
}

function tone(outcome: string | null): string {
  if (outcome === 'ALLOWED') return 'allowed';
  if (outcome === 'FLAGGED') return 'flagged';
  if (outcome === 'REFUSED') return 'refused';
  return 'none';
}

function purposeLabel(purpose: string): string {
  return PURPOSE_INFO[purpose as Purpose]?.label ?? '未知事由';
}

/** A queued check-in the server did not accept: its message, and 重新提交. */
export function AttentionItem(props: { item: QueuedCheckIn; onRetry: () => void }) {
  const { item } = props;
  return (
    <View className="sync__item" data-testid="sync-attention">
      <Text className="sync__firm">{item.offline.enterpriseName ?? '企业待服务器确认'}</Text>
      <Text className="o-muted">
        {purposeLabel(item.request.purpose)} · {chinaDateTime(item.request.clientTime)}
      </Text>
      <Text className="o-error sync__gap">服务器未接受：{item.needsAttention?.message}</Text>
      <Text className="o-muted">
        这条打卡仍保存在手机上，不会丢失。请截图本页并联系本单位管理员核对；问题解决后点“重新提交”。
      </Text>
      <Button
        type="primary"
        fill="outline"
        className="o-action--small"
        data-testid="sync-retry"
        onClick={props.onRetry}
      >
        重新提交
      </Button>
    </View>
  );
}

/** A check-in waiting on the phone, with the phone's 离线预判. */
export function QueuedItem({ item }: { item: QueuedCheckIn }) {
  return (
    <View className="sync__item" data-testid="sync-queue-item">
      <Text className="sync__firm">{item.offline.enterpriseName ?? '企业待服务器确认'}</Text>
      <Text className="o-muted">
        {purposeLabel(item.request.purpose)} · {chinaDateTime(item.request.clientTime)}
      </Text>
      <Text className={`sync__verdict sync__verdict--${tone(item.offline.outcome)}`}>
        离线预判：{verdictText(item.offline)}
      </Text>
      {item.attempts > 0 && (
        <Text className="o-muted">已尝试上传 {item.attempts} 次，恢复信号后将自动重试。</Text>
      )}
    </View>
  );
}

/** The server's decision on a synced check-in, and whether it differs from the phone's. */
export function ResultItem({ r }: { r: SyncResult }) {
  return (
    <View
      className={`sync__item ${r.differs ? 'sync__item--differs' : ''}`}
      data-testid="sync-result"
      data-differs={r.differs ? 'true' : 'false'}
      data-outcome={r.server.outcome}
    >
      <Text className="sync__firm">
        {r.server.enterpriseName ?? r.offline.enterpriseName ?? '非本单位辖区企业'}
      </Text>
      <Text className="o-muted">
        {purposeLabel(r.purpose)} · {chinaDateTime(r.clientTime)}
      </Text>
      <Text
        className={`sync__verdict sync__verdict--${tone(r.server.outcome)}`}
        data-testid="sync-result-outcome"
      >
        服务器判定：{CHECK_IN_OUTCOME_LABELS[r.server.outcome]}
      </Text>
      <Text className="o-muted">离线预判：{verdictText(r.offline)}</Text>
      {r.differs && (
        <Text className="sync__differs" data-testid="sync-result-differs">
          服务器判定与离线预判不同
          {r.server.outcome === 'REFUSED'
            ? '：本次不予入企，如已进入现场请立即停止检查并离开，联系本单位负责人。'
            : '：以服务器判定为准。'}
        </Text>
      )}
      {r.server.reasons.length > 0 && (
        <Text className="o-muted">{r.server.reasons.map(reasonInWords).join(' ')}</Text>
      )}
    </View>
  );
}
