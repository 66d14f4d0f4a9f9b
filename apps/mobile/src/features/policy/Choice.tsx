import { Checkbox } from '@nutui/nutui-react-taro';
import { View } from '@tarojs/components';
import type { ReactNode } from 'react';

/**
 * A tick box with its label, as NutUI draws it, that the browser also knows as a checkbox (role,
 * state, tab stop, Space / Enter): NutUI's own element carries none of these on H5.
 */
export function Choice(props: {
  checked: boolean;
  onChange: () => void;
  children: ReactNode;
  disabled?: boolean;
  testId?: string;
}) {
  const toggle = () => {
    if (!props.disabled) props.onChange();
  };
  const a11y = {
    role: 'checkbox',
    'aria-checked': props.checked,
    'aria-disabled': props.disabled || undefined,
    tabIndex: props.disabled ? -1 : 0,
    onKeyDown: (event: { key: string; preventDefault: () => void }) => {
      if (event.key !== ' ' && event.key !== 'Enter') return;
      event.preventDefault();
      toggle();
    },
  };
  return (
    <View
      className={`pl-choice${props.disabled ? ' pl-choice--disabled' : ''}`}
      data-testid={props.testId}
      onClick={toggle}
      {...(a11y as Record<string, unknown>)}
    >
      <Checkbox checked={props.checked} disabled={props.disabled} className="pl-choice__box" />
      <View className="pl-choice__label">{props.children}</View>
    </View>
  );
}
