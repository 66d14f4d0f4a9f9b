import type { SessionUser } from '@qinqing/domain';
import Taro, { useDidShow } from '@tarojs/taro';
import { useEffect, useRef, useState } from 'react';

import { isOpenVisit } from '../../components/VisitRow';
import { api, NetworkError } from '../../services/api';
import { chinaMidnight } from '../../services/china-time';
import { errorText } from '../../shared/errors';
import { useRequest } from '../../shared/request';
import { prefetchPages } from '../../shared/prefetch';
import { preloadScanner, scanGateCode, ScanError } from '../scan/scan';
import { startOfflineSupport } from '../sync-queue/officer-queue';

/** Opens the scanner; then the check-in screen for the code read. Resolves with a failure text. */
export async function scanToCheckIn(): Promise<string> {
  try {
    const code = await scanGateCode();
    await Taro.navigateTo({
      url: `/pages/officer/check-in/index?code=${encodeURIComponent(code)}`,
    });
    return '';
  } catch (e) {
    if (e instanceof ScanError && e.reason === 'CANCELLED') return '';
    return errorText(e);
  }
}

/** The officer's home: today's visits, those still to check out, and 扫码入企. */
export function useOfficerHome(me: SessionUser | undefined) {
  const visits = useRequest(
    async () => {
      // One request (a weak signal pays per round trip): the last two days hold today's visits
      // and any still to be checked out.
      const recent = await api.listVisits({
        query: {
          officerId: me?.id,
          from: chinaMidnight(new Date(), 2),
          limit: 50,
        },
      });
      const midnight = Date.parse(chinaMidnight());
      return {
        today: recent.items.filter((v) => new Date(v.checkedInAt).getTime() >= midnight),
        open: recent.items.filter(isOpenVisit),
      };
    },
    [me?.id],
    {
      enabled: Boolean(me),
    },
  );
  const [scanError, setScanError] = useState('');

  // Back on this screen (after a check-in or a check-out): read again.
  const shown = useRef(false);
  useDidShow(() => {
    if (shown.current && me) visits.reload();
    shown.current = true;
  });
  // Keep the offline snapshot fresh and send what was queued without signal, from the start.
  useEffect(() => {
    if (me) startOfflineSupport();
  }, [me]);
  // Once the home has what it shows: the scanner's and the check-in and decision screens' code,
  // so the first scan waits for none of it (before the service worker holds it all).
  const homeLoaded = visits.data !== undefined || visits.error !== '';
  useEffect(() => {
    if (!homeLoaded) return;
    preloadScanner();
    prefetchPages(['/pages/officer/check-in/index', '/pages/officer/decision/index']);
  }, [homeLoaded]);

  return {
    today: visits.data?.today,
    open: visits.data?.open ?? [],
    loading: visits.loading,
    error: visits.error,
    reload: visits.reload,
    scanError,
    scan: async () => {
      setScanError('');
      setScanError(await scanToCheckIn());
    },
  };
}

/** A failure to read the visits, with what still works without signal. */
export function homeErrorText(error: string): string {
  return error === new NetworkError().message
    ? '网络不可用，今日记录暂不能显示；扫码入企仍可使用（离线时自动保存）。'
    : error;
}
