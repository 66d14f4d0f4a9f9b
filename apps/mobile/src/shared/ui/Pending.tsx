import { Loading } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';

import { Button } from './Button';

import './ui.css';

/**
 * What a screen shows until its data is there: 正在读取 with a spinner, or the failure in words
 * with 重试. Renders nothing once there is data and no error.
 */
export function Pending(props: {
  loading: boolean;
  error: string;
  onRetry: () => void;
  testId?: string;
}) {
  if (props.error) {
    return (
      <View className="qq-pending qq-pending--error" role="alert">
        <Text className="qq-error" data-testid={props.testId}>
          {props.error}
        </Text>
        <Button type="primary" className="qq-pending__retry" onClick={props.onRetry}>
          重试
        </Button>
      </View>
    );
  }
  if (props.loading) {
    return (
      <View className="qq-pending" role="status">
        <Loading direction="horizontal">正在读取…</Loading>
      </View>
    );
  }
  return null;
}

/** A list's empty state: one sentence saying there is nothing (and why, where it helps). */
export function EmptyText(props: { children: string; testId?: string }) {
  return (
    <View className="qq-empty" data-testid={props.testId}>
      <Text>{props.children}</Text>
    </View>
  );
}
