import { Tag } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import { useState } from 'react';

import { Button } from '../../shared/ui/Button';
import { EmptyText, Pending } from '../../shared/ui/Pending';
import {
  activeCodeText,
  revokedText,
  versionText,
  type GateItem,
  type PosterFormat,
} from './gates';
import { useGateHistory, type GateMessage } from './useGates';

/** One gate: its firm, the code in force, issue / poster actions, and the version record. */
export function GateCard(props: {
  gate: GateItem;
  busy: string;
  message: GateMessage | undefined;
  onIssue: () => void;
  onDownload: (format: PosterFormat) => void;
}) {
  const { gate, busy } = props;
  const [open, setOpen] = useState(false);
  const history = useGateHistory(gate.gateId, open, gate.activeVersion);
  const hasCode = gate.activeVersion !== null;
  const anyBusy = busy !== '';
  const message = props.message?.gateId === gate.gateId ? props.message : undefined;

  return (
    <View className="gt-card" data-testid="gate-card" data-gate-id={gate.gateId}>
      <View className="gt-card__head">
        <View className="gt-card__firm" role="heading" aria-level={2}>
          {gate.enterpriseName}
        </View>
        <Text className="gt-card__gate">
          门岗：{gate.gateName}
          {gate.district ? ` · ${gate.district}` : ''}
        </Text>
      </View>
      <View className="gt-card__code" data-testid="gate-active">
        <Tag type={hasCode ? 'success' : 'warning'} plain>
          {hasCode ? '使用中' : '无码'}
        </Tag>
        <Text className="gt-card__code-text">{activeCodeText(gate)}</Text>
      </View>
      <View className="gt-card__actions">
        <Button
          type="primary"
          fill={hasCode ? 'outline' : 'solid'}
          className="gt-btn"
          data-testid="gate-issue"
          loading={busy === `${gate.gateId}:issue`}
          disabled={anyBusy}
          onClick={props.onIssue}
        >
          {hasCode ? '重新生成打卡码' : '生成打卡码'}
        </Button>
        {hasCode && (
          <>
            <Button
              className="gt-btn"
              data-testid="gate-poster-pdf"
              loading={busy === `${gate.gateId}:pdf`}
              disabled={anyBusy}
              onClick={() => props.onDownload('pdf')}
            >
              下载海报 PDF（A4）
            </Button>
            <Button
              className="gt-btn"
              data-testid="gate-poster-png"
              loading={busy === `${gate.gateId}:png`}
              disabled={anyBusy}
              onClick={() => props.onDownload('png')}
            >
              下载海报图片 PNG
            </Button>
          </>
        )}
      </View>
      {!hasCode && <Text className="gt-card__hint">生成打卡码后即可下载海报。</Text>}
      {message && (
        <View
          className={`gt-message ${message.ok ? 'gt-message--ok' : 'gt-message--error'}`}
          role={message.ok ? 'status' : 'alert'}
          data-testid="gate-message"
        >
          {message.text}
        </View>
      )}
      <Button
        fill="none"
        className="gt-history-toggle"
        data-testid="gate-history-toggle"
        aria-expanded={open}
        onClick={() => setOpen(!open)}
      >
        {open ? '收起版本记录 ▴' : '查看版本记录 ▾'}
      </Button>
      {open && (
        <View className="gt-history" data-testid="gate-history">
          <Pending
            loading={history.loading && !history.data}
            error={history.error}
            onRetry={history.reload}
          />
          {history.data?.items.length === 0 && <EmptyText>还没有生成过打卡码。</EmptyText>}
          {history.data?.items.map((item) => {
            const line = versionText(item);
            return (
              <View className="gt-version" key={item.version} data-testid="gate-version">
                <View className="gt-version__title">
                  <Text className="gt-version__name">{line.title}</Text>
                  <Tag type={line.active ? 'success' : 'default'} plain>
                    {revokedText(item)}
                  </Tag>
                </View>
                <Text className="gt-version__detail">{line.detail}</Text>
              </View>
            );
          })}
        </View>
      )}
    </View>
  );
}
