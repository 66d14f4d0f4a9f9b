import type { Role, SessionUser } from '@qinqing/domain';
import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';

import { HOME_OF, session } from '../services/session';
import { taroStore } from '../services/storage';
import { PASSWORD_PAGE } from './password-handoff';

/** Who each role-bound part of the app is for (the first folder under `pages/`). */
const ROLES_OF_SECTION: Record<string, Role[]> = {
  officer: ['officer'],
  firm: ['enterprise'],
  supervisor: ['supervisor', 'admin'],
  admin: ['admin'],
};

const ROLE_LABEL: Record<Role, string> = {
  officer: '执法人员',
  enterprise: '企业管理人员',
  supervisor: '监督人员',
  admin: '系统管理员',
};

/** The roles a page path is for; undefined for pages anyone may open (landing, login, public). */
export function rolesOfPath(url: string): Role[] | undefined {
  const match = /\/pages\/([a-z-]+)\//.exec(url);
  return match ? ROLES_OF_SECTION[match[1]] : undefined;
}

/** The page being shown, with its query, as a URL to come back to. */
export function currentUrl(): string {
  const router = Taro.getCurrentInstance().router;
  if (!router) return '/pages/index/index';
  const path = router.path.split('?')[0];
  const query = Object.entries(router.params)
    .filter(([key, value]) => key !== 'stamp' && key !== '$taroTimestamp' && value !== undefined)
    .map(([key, value]) => `${key}=${encodeURIComponent(String(value))}`)
    .join('&');
  return query ? `${path}?${query}` : path;
}

const NOTICE_KEY = 'qinqing.notice';

/** A message for the next screen (e.g. why the user was sent elsewhere), shown once. */
export const notice = {
  set(text: string): void {
    taroStore.set(NOTICE_KEY, text);
  },
  take(): string | undefined {
    const text = taroStore.get<string>(NOTICE_KEY);
    if (text) taroStore.remove(NOTICE_KEY);
    return text;
  },
};

/**
 * Where a user goes after logging in: back to the page that asked, when that page is for their
 * role; otherwise their own home, with a word about why (e.g. a firm manager who opened a gate's
 * code, which is for officers).
 */
export function landingAfterLogin(user: SessionUser, redirect: string | undefined): string {
  if (!redirect) return HOME_OF[user.role];
  const roles = rolesOfPath(redirect);
  if (!roles || roles.includes(user.role)) return redirect;
  notice.set(
    `您打开的页面供${roles.map((r) => ROLE_LABEL[r]).join('、')}使用，` +
      `当前账号是${ROLE_LABEL[user.role]}，已为您打开首页。`,
  );
  return HOME_OF[user.role];
}

/**
 * The signed-in user when they hold one of `roles`; otherwise undefined while the page sends them
 * to the login, which brings them back here (or, for another role's account, to its home).
 */
export function useSession(roles: Role | readonly Role[]): SessionUser | undefined {
  const allowed = typeof roles === 'string' ? [roles] : roles;
  const [user] = useState(() => {
    const current = session.user();
    return current && allowed.includes(current.role) ? current : undefined;
  });
  useEffect(() => {
    if (user?.mustChangePassword) {
      // signed in with a one-time password: the API opens nothing else until it is changed
      void Taro.reLaunch({ url: `${PASSWORD_PAGE}?redirect=${encodeURIComponent(currentUrl())}` });
      return;
    }
    if (user) return;
    const current = session.user();
    if (current) {
      notice.set(`该页面供${allowed.map((r) => ROLE_LABEL[r]).join('、')}使用，已为您打开首页。`);
      void Taro.reLaunch({ url: HOME_OF[current.role] });
      return;
    }
    void Taro.redirectTo({
      url: `/pages/login/index?redirect=${encodeURIComponent(currentUrl())}`,
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [user]);
  return user;
}
