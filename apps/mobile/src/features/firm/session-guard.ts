import type { Role, SessionUser } from '@qinqing/domain';
import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';

import { session } from '../../services/session';

/** Sends the user to the login, and back to `here` afterwards. */
export function redirectToLogin(here: string): void {
  void Taro.redirectTo({ url: `/pages/login/index?redirect=${encodeURIComponent(here)}` });
}

/**
 * The signed-in user if they hold one of the roles; otherwise undefined, and the page goes to the
 * login (which brings them back here).
 */
export function useRoleGuard(roles: Role[], here: string): SessionUser | undefined {
  const [user] = useState(() => {
    const current = session.user();
    return current && roles.includes(current.role) ? current : undefined;
  });
  useEffect(() => {
    if (!user) redirectToLogin(here);
  }, [user, here]);
  return user;
}
