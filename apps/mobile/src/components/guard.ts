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

/** Midnight today in China time (UTC+8), as an ISO instant. */
export function chinaMidnight(now: Date = new Date(), daysBack = 0): string {
  const shifted = new Date(now.getTime() + 8 * 3600_000);
  const midnightUtc = Date.UTC(
    shifted.getUTCFullYear(),
    shifted.getUTCMonth(),
    shifted.getUTCDate() - daysBack,
  );
  return new Date(midnightUtc - 8 * 3600_000).toISOString();
}
