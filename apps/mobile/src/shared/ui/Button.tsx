import { Button as NutButton, type ButtonProps } from '@nutui/nutui-react-taro';

const IS_H5 = process.env.TARO_ENV === 'h5';

type Props = Partial<ButtonProps> & {
  'data-testid'?: string;
  'aria-label'?: string;
  /** the text for screen readers when the visible label is not enough */
  label?: string;
};

/**
 * NutUI's button, announced and reachable as a button in the browser: Taro renders buttons on
 * H5 as a custom element that neither screen readers nor the keyboard know, so it gets the
 * button role, a tab stop, Enter / Space, and its disabled state. In the mini-program it is
 * NutUI's button unchanged.
 */
export function Button({ label, ...props }: Props) {
  if (!IS_H5) return <NutButton {...props} />;
  const inactive = Boolean(props.disabled || props.loading);
  const a11y = {
    role: 'button',
    tabIndex: inactive ? -1 : 0,
    'aria-disabled': inactive ? 'true' : undefined,
    'aria-label': label ?? props['aria-label'],
    onKeyDown: (event: KeyboardEvent) => {
      if (inactive || (event.key !== 'Enter' && event.key !== ' ')) return;
      event.preventDefault();
      props.onClick?.(event as unknown as Parameters<NonNullable<ButtonProps['onClick']>>[0]);
    },
  };
  return <NutButton {...props} {...(a11y as Record<string, unknown>)} />;
}
