import { Text, View } from '@tarojs/components';

import { AttentionItem, QueuedItem, ResultItem } from '../../../components/SyncItems';
import { snapshotAgeText } from '../../../features/offline-snapshot/snapshot';
import { useSyncScreen } from '../../../features/sync-queue/useSyncScreen';
import { useSession } from '../../../shared/session';
import { Button } from '../../../shared/ui/Button';
import { Card, Page } from '../../../shared/ui/Page';
import { EmptyText } from '../../../shared/ui/Pending';

import '../../../components/officer.css';
import './index.css';

/** 离线打卡同步: what waits on the phone, the sync's progress, and the server's final decisions. */
export default function OfficerSyncPage() {
  const me = useSession('officer');
  const s = useSyncScreen(me);
  if (!me || !s.ready) return <Page title="离线打卡同步">{null}</Page>;
  const { progress, lastReport, message } = s;

  return (
    <Page title="离线打卡同步">
      <Card title="离线数据">
        <Text className="sync__snapshot" data-testid="sync-snapshot-age">
          {snapshotAgeText(s.snapshotIssuedAt)}
        </Text>
        {s.snapshotMessage && (
          <Text className="o-muted" data-testid="sync-snapshot-message">
            {s.snapshotMessage}
          </Text>
        )}
        <Button
          type="primary"
          fill="outline"
          className="o-action--small"
          data-testid="sync-refresh-snapshot"
          loading={s.snapshotBusy}
          onClick={() => void s.updateSnapshot()}
        >
          更新离线数据
        </Button>
      </Card>

      <Card>
        <Text className="sync__count" data-testid="sync-pending-count">
          待同步 {s.pending.length} 条
        </Text>
        <Text className="o-muted">
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
          <View
            className={message.tone === 'ok' ? 'o-ok sync__gap' : 'o-warn sync__gap'}
            data-testid="sync-message"
            role="status"
          >
            {message.text}
          </View>
        )}
        <Button
          block
          type="primary"
          className="o-action sync__gap"
          data-testid="sync-now"
          loading={s.syncing}
          onClick={() => void s.syncNow()}
        >
          立即同步
        </Button>
      </Card>

      {s.attention.length > 0 && (
        <Card title={`需要处理（${s.attention.length}）`} testId="sync-attention-list">
          {s.attention.map((item) => (
            <AttentionItem
              key={item.request.clientId}
              item={item}
              onRetry={() => s.retry(item.request.clientId)}
            />
          ))}
        </Card>
      )}

      <Card title="待上传" testId="sync-queue">
        {s.waiting.length === 0 && <EmptyText>没有待上传的离线打卡。</EmptyText>}
        {s.waiting.map((item) => (
          <QueuedItem key={item.request.clientId} item={item} />
        ))}
      </Card>

      <Card title="服务器判定" testId="sync-results">
        {s.results.length === 0 && <EmptyText>还没有同步过的离线打卡。</EmptyText>}
        <View>
          {s.results.map((r) => (
            <ResultItem key={r.clientId} r={r} />
          ))}
        </View>
      </Card>
    </Page>
  );
}
