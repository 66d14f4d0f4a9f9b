import type { AuditCheckpoint } from '@qinqing/domain';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';

import { errorText } from '../../shared/errors';
import { Button } from '../../shared/ui/Button';
import { Card } from '../../shared/ui/Page';
import { fetchAndKeepCheckpoint, latestKeptCheckpoint } from './checkpoints';
import { checkpointLine } from './text';

import './checkpoints.css';

/**
 * The latest signed checkpoint of the audit log, fetched once and kept on this phone; undefined
 * until one verified (then the one kept before, if any). `error` says why none could be fetched.
 */
export function useKeptCheckpoint(): { checkpoint: AuditCheckpoint | undefined; error: string } {
  const [checkpoint, setCheckpoint] = useState<AuditCheckpoint | undefined>(() =>
    latestKeptCheckpoint(),
  );
  const [error, setError] = useState('');
  useEffect(() => {
    let live = true;
    fetchAndKeepCheckpoint()
      .then((result) => {
        if (!live) return;
        if (result.status === 'REJECTED') setError('服务器返回的检查点签名无法验证，未保存。');
        else setCheckpoint(result.checkpoint);
      })
      .catch((e: unknown) => live && setError(errorText(e)));
    return () => {
      live = false;
    };
  }, []);
  return { checkpoint, error };
}

/**
 * 审计日志检查点: what anyone can keep to hold the bureau's audit log to its past (the firm's home,
 * the public draw page). Copying gives the signed checkpoint as JSON.
 */
export function CheckpointCard(props: { intro: string }) {
  const { checkpoint, error } = useKeptCheckpoint();
  return (
    <Card title="审计日志检查点" testId="audit-checkpoint">
      <Text className="ack__intro">{props.intro}</Text>
      {checkpoint ? (
        <View className="ack__row">
          <Text className="ack__line" data-testid="audit-checkpoint-line">
            {checkpointLine(checkpoint)}
          </Text>
          <Button
            className="ack__copy"
            fill="outline"
            data-testid="audit-checkpoint-copy"
            onClick={() => void Taro.setClipboardData({ data: JSON.stringify(checkpoint) })}
          >
            复制检查点
          </Button>
        </View>
      ) : (
        <Text className="ack__line">{error ? `暂未取得检查点：${error}` : '正在获取检查点…'}</Text>
      )}
    </Card>
  );
}
