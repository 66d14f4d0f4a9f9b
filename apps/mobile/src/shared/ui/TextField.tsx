import { Input } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';

import './text-field.css';

/** A labelled one-line text input, with the API's (or the form's) error for it underneath. */
export function TextField(props: {
  label: string;
  testId: string;
  value: string;
  error?: string;
  onChange: (value: string) => void;
  onConfirm?: () => void;
}) {
  return (
    <View className="qq-text-field">
      <Text className="qq-text-field__label" id={`${props.testId}-label`}>
        {props.label}
      </Text>
      <Input
        className="qq-text-field__input"
        data-testid={props.testId}
        aria-labelledby={`${props.testId}-label`}
        value={props.value}
        placeholder={`请输入${props.label.replace(/（.*）/, '')}`}
        onChange={props.onChange}
        onConfirm={props.onConfirm}
      />
      {props.error && <Text className="qq-text-field__error">{props.error}</Text>}
    </View>
  );
}
