import Taro from '@tarojs/taro';

import { HOME_OF, session } from '../services/session';

/**
 * Back, as a person expects it: the previous screen when there is one; otherwise (a page opened
 * from a link or after a reload) `fallback`, or the user's home, or the landing page.
 */
export function goBack(fallback?: string): void {
  if (Taro.getCurrentPages().length > 1) {
    void Taro.navigateBack();
    return;
  }
  const user = session.user();
  void Taro.reLaunch({ url: fallback ?? (user ? HOME_OF[user.role] : '/pages/index/index') });
}

/** The user's home, starting afresh (no stale screens underneath). */
export function goHome(): void {
  const user = session.user();
  void Taro.reLaunch({ url: user ? HOME_OF[user.role] : '/pages/index/index' });
}
