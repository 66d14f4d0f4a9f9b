import { View } from '@tarojs/components';
import type { ReactNode } from 'react';

const IS_H5 = process.env.TARO_ENV === 'h5';

/**
 * A large tappable choice (a purpose, a co-officer, a finding, a task): announced as a radio,
 * checkbox or button with its state, reachable by keyboard (Enter / Space) in the browser.
 */
export function Choice(props: {
  kind: 'radio' | 'checkbox' | 'button';
  checked?: boolean;
  onSelect: () => void;
  className?: string;
  children: ReactNode;
  /** data-* attributes (test ids and states) */
  data?: Record<string, string>;
  label?: string;
  labelledBy?: string;
}) {
  const a11y: Record<string, unknown> = {
    role: props.kind,
    'aria-checked': props.kind === 'button' ? undefined : Boolean(props.checked),
    'aria-label': props.label,
    'aria-labelledby': props.labelledBy,
  };
  if (IS_H5) {
    a11y.tabIndex = 0;
    a11y.onKeyDown = (e: { key: string; preventDefault: () => void }) => {
      if (e.key !== 'Enter' && e.key !== ' ') return;
      e.preventDefault();
      props.onSelect();
    };
  }
  return (
    <View
      className={props.className}
      onClick={props.onSelect}
      {...(props.data ?? {})}
      {...(a11y as Record<string, never>)}
    >
      {props.children}
    </View>
  );
}
