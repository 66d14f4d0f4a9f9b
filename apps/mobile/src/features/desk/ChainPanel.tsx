import type { ChainCheckStatus } from '@qinqing/domain';
import { Text, View } from '@tarojs/components';

import { Button } from '../../shared/ui/Button';
import { Card } from '../../shared/ui/Page';
import {
  brokenChains,
  verificationCoverage,
  verificationProblems,
} from '../audit-checkpoints/text';
import { chinaDateTime } from '../firm/gate';
import { Message } from './fields';

import './desk-page.css';

/**
 * 审计链: the alarm when a check failed (a broken chain, rows that differ from their audit
 * entries, signed checkpoints the chain no longer holds), the latest check, and 立即校验, which
 * compares the checkpoints this phone kept too.
 */
export function ChainPanel(props: {
  chain: ChainCheckStatus | null;
  busy: boolean;
  error: string;
  /** how many signed checkpoints this phone keeps */
  kept: number;
  onRun: () => void;
}) {
  const { chain } = props;
  const failure = chain?.alert ? (chain.lastFailure ?? chain.latest) : null;
  const latest = chain?.latest ?? null;
  const broken = Boolean(latest && !latest.ok);
  const problems = failure ? verificationProblems(failure) : [];
  const [firstBroken] = latest ? brokenChains(latest) : [];
  return (
    <Card testId="desk-chain">
      {failure && (
        <View className="dp-alert" data-testid="desk-chain-alert" role="alert">
          <Text className="dp-alert__title">审计链校验失败</Text>
          <Text className="dp-alert__text">
            {chinaDateTime(failure.checkedAt)} 校验发现：
            {problems.length > 0 ? problems.join('') : '审计链不完整。'}
            审计记录或业务数据可能被篡改。请立即上报并保全数据库。
          </Text>
        </View>
      )}
      <View className="dp-chain">
        <View className="dp-chain__texts">
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
                  : firstBroken
                    ? `最近校验 ${chinaDateTime(latest.checkedAt)}：审计链（${firstBroken.chain} 号分链）在第 ${firstBroken.seq} 条断裂`
                    : `最近校验 ${chinaDateTime(latest.checkedAt)}：发现篡改迹象`}
          </Text>
          {latest && (
            <Text className="dp-chain__note" data-testid="desk-chain-coverage">
              {verificationCoverage(latest)}；本机保存检查点 {props.kept} 个。
            </Text>
          )}
        </View>
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
