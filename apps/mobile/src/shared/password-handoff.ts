/**
 * The password just typed at the login, handed to the 修改密码 screen in memory only (never in
 * storage or a URL), so a user who logged in with a one-time password need not type it again.
 * Taken once.
 */
let pending: string | undefined;

export const passwordHandoff = {
  set(password: string): void {
    pending = password;
  },
  take(): string | undefined {
    const value = pending;
    pending = undefined;
    return value;
  },
};

export const PASSWORD_PAGE = '/pages/password/index';
