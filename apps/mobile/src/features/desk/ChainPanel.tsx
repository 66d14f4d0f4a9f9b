import type { ChainCheckStatus } from '@qinqing/domain';
import { Text, View } from '@tarojs/components';

import { Button } from '../../shared/ui/Button';
import { Card } from '../../shared/ui/Page';
import { chinaDateTime } from '../firm/gate';
import { Message } from './fields';

import './desk-page.css';

/** 审计链: the alarm when a check failed, the latest check, and 立即校验. */
export function ChainPanel(props: {
  chain: ChainCheckStatus | null;
  busy: boolean;
  error: string;
  onRun: () => void;
}) {
  const { chain } = props;
  const failure = chain?.alert ? (chain.lastFailure ?? chain.latest) : null;
  const latest = chain?.latest ?? null;
  const broken = Boolean(latest && !latest.ok);
  return (
    <Card testId="desk-chain">
      {failure && (
        <View className="dp-alert" data-testid="desk-chain-alert" role="alert">
          <Text className="dp-alert__title">审计链校验失败</Text>
          <Text className="dp-alert__text">
            {chinaDateTime(failure.checkedAt)} 校验发现审计链在第 {failure.firstBrokenSeq ?? '?'}{' '}
            条记录处断裂，审计记录可能被篡改。请立即上报并保全数据库。
          </Text>
        </View>
      )}
      <View className="dp-chain">
        <Text
          data-testid="desk-chain-status"
          className={`dp-chain__text ${broken ? 'dp-chain__text--broken' : latest ? 'dp-chain__text--ok' : ''}`}
        >
          {!chain
            ? '正在读取审计链校验结果…'
            : !latest
              ? '审计链尚未校验'
              : latest.ok
                ? `最近校验 ${chinaDateTime(latest.checkedAt)}：审计链完整（${latest.entries} 条记录）`
                : `最近校验 ${chinaDateTime(latest.checkedAt)}：在第 ${latest.firstBrokenSeq ?? '?'} 条断裂`}
        </Text>
        <Button
          type="primary"
          className="dp-chain__run"
          data-testid="desk-chain-run"
          loading={props.busy}
          disabled={props.busy}
          onClick={props.onRun}
        >
          立即校验
        </Button>
      </View>
      <Message text={props.error} testId="desk-chain-error" />
    </Card>
  );
}
