import { View } from '@tarojs/components';
import type { ReactNode } from 'react';

/**
 * A tick box with its label that the browser knows as a checkbox (role, state, tab stop, Space /
 * Enter). NutUI's Checkbox writes `aria-role` and a second tab stop on H5, which screen readers
 * cannot use (axe: aria-valid-attr), so the box is drawn here in the theme's colours.
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
      <View className={`pl-choice__box${props.checked ? ' pl-choice__box--on' : ''}`}>
        {props.checked ? '✓' : ''}
      </View>
      <View className="pl-choice__label">{props.children}</View>
    </View>
  );
}
