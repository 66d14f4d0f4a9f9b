import type { SessionUser } from '@qinqing/domain';
import Taro from '@tarojs/taro';

import { session } from '../services/session';

/**
 * The logged-in officer, or undefined after sending the user to the login screen (which brings
 * them back to `returnTo` afterwards).
 */
export function requireOfficer(returnTo: string): SessionUser | undefined {
  const user = session.user();
  if (user && user.role === 'officer') return user;
  void Taro.redirectTo({
    url: `/pages/login/index?redirect=${encodeURIComponent(returnTo)}`,
  });
  return undefined;
}

export { chinaMidnight } from '../services/china-time';
