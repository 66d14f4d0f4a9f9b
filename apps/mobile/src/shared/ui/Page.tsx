import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useState, type ReactNode } from 'react';

import { goBack } from '../navigation';
import { Button } from './Button';
import { PrivacyDialog } from './PrivacyDialog';
import { notice } from '../session';

import './ui.css';

const IS_H5 = process.env.TARO_ENV === 'h5';

/**
 * A screen's frame: its title, a way back (on H5; the mini-program has its own navigation bar),
 * a one-time notice from the screen before, and the content.
 * `back={false}` for a role's home; `backTo` when there may be no screen to go back to.
 */
export function Page(props: {
  title: string;
  children: ReactNode;
  back?: boolean;
  backTo?: string;
  /** a wider layout on a desktop (the supervisor's desk and lists) */
  wide?: boolean;
  testId?: string;
  /** extra actions at the right of the title bar */
  actions?: ReactNode;
}) {
  const [message] = useState(() => notice.take());
  const back = props.back ?? true;
  useEffect(() => {
    if (!IS_H5) void Taro.setNavigationBarTitle({ title: props.title });
    else document.title = `${props.title} · 亲清执法打卡`;
  }, [props.title]);

  return (
    <View className={`qq-page${props.wide ? ' qq-page--wide' : ''}`} data-testid={props.testId}>
      {IS_H5 && (
        <View className="qq-bar" role="banner">
          {back && (
            <Button
              className="qq-bar__back"
              fill="none"
              data-testid="page-back"
              onClick={() => goBack(props.backTo)}
            >
              ‹ 返回
            </Button>
          )}
          <View className="qq-bar__title" role="heading" aria-level={1}>
            {props.title}
          </View>
          {props.actions && <View className="qq-bar__actions">{props.actions}</View>}
        </View>
      )}
      {message && (
        <View className="qq-notice" role="status" data-testid="page-notice">
          <Text>{message}</Text>
        </View>
      )}
      <View className="qq-page__body">{props.children}</View>
      {!IS_H5 && <PrivacyDialog />}
    </View>
  );
}

/** A white card with an optional heading. */
export function Card(props: { title?: string; children: ReactNode; testId?: string }) {
  return (
    <View className="qq-card" data-testid={props.testId}>
      {props.title && (
        <View className="qq-card__title" role="heading" aria-level={2}>
          {props.title}
        </View>
      )}
      {props.children}
    </View>
  );
}
