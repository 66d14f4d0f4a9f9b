import type {
  EnterpriseView,
  NotificationView,
  RatingStatusView,
  VisitView,
} from '@qinqing/domain';
import Taro, { useDidHide, useDidShow } from '@tarojs/taro';
import { useCallback, useEffect, useRef, useState } from 'react';

import { api, ApiError, NetworkError } from '../../services/api';
import { session } from '../../services/session';
import { errorText } from '../../shared/errors';
import { currentUrl } from '../../shared/session';
import { keepFinalStatuses, visitsNeedingStatus } from '../rating/rating-status';
import { FIRM_POLL_MS, newGateNotifications, nowAtGate, type GateEntry } from './gate';

export interface FirmHome {
  firms: EnterpriseView[];
  visits: VisitView[];
  /** the officers at the gate now, newest first */
  atGate: GateEntry[];
  /** OFFICER_AT_GATE notifications that arrived while the screen was open */
  fresh: NotificationView[];
  ratingStatuses: Map<string, RatingStatusView>;
  /** the last poll's failure in words ('' when it went through) */
  error: string;
  /** the first answer is in (until then: 正在读取) */
  loaded: boolean;
  now: Date;
  reload: () => void;
}

/** Why the last poll failed, for a screen that keeps showing the last list and tries again. */
function pollError(e: unknown): string {
  if (e instanceof NetworkError)
    return '网络不可用，显示的是上次获取的记录；恢复信号后会自动刷新。';
  return `${errorText(e)}（稍后自动重试）`;
}

/**
 * 门口是谁, the view-model: the firm's visits and gate notifications polled every 15 s while the
 * screen is shown, the 好差评 state of checked-out visits, and new arrivals since it opened.
 */
export function useFirmHome(enabled: boolean): FirmHome {
  const [firms, setFirms] = useState<EnterpriseView[]>([]);
  const [visits, setVisits] = useState<VisitView[]>([]);
  const [notifications, setNotifications] = useState<NotificationView[]>([]);
  const [fresh, setFresh] = useState<NotificationView[]>([]);
  const [error, setError] = useState('');
  const [loaded, setLoaded] = useState(false);
  const [now, setNow] = useState(() => new Date());
  const [ratingStatuses, setRatingStatuses] = useState<Map<string, RatingStatusView>>(
    () => new Map(),
  );
  const ratingCache = useRef<Map<string, RatingStatusView>>(new Map());
  const seen = useRef<Set<string> | null>(null);
  const timer = useRef<ReturnType<typeof setInterval> | null>(null);

  /** Asks the rating state of the checked-out visits not known yet (failures: asked next time). */
  const refreshRatings = useCallback(async (list: VisitView[]) => {
    const ids = visitsNeedingStatus(list, ratingCache.current);
    if (ids.length === 0) return;
    const results = await Promise.allSettled(ids.map((id) => api.ratingStatus({ params: { id } })));
    const next = new Map(ratingCache.current);
    results.forEach((r) => {
      if (r.status === 'fulfilled') next.set(r.value.visitId, r.value);
    });
    ratingCache.current = next;
    setRatingStatuses(next);
  }, []);

  const refresh = useCallback(async () => {
    try {
      const [page, notes, mine] = await Promise.all([
        api.listVisits({ query: { limit: 20 } }),
        api.listNotifications().then((r) => r.items),
        firms.length > 0 ? Promise.resolve(firms) : api.listEnterprises().then((r) => r.items),
      ]);
      setVisits(page.items);
      setNotifications(notes);
      if (mine !== firms) setFirms(mine);
      void refreshRatings(page.items);
      if (seen.current) {
        const added = newGateNotifications(notes, seen.current);
        if (added.length > 0) setFresh((prev) => [...added, ...prev]);
      }
      seen.current = new Set(notes.map((n) => n.id));
      setNow(new Date());
      setError('');
    } catch (e) {
      if (e instanceof ApiError && e.statusCode === 401) {
        session.clear();
        void Taro.redirectTo({
          url: `/pages/login/index?redirect=${encodeURIComponent(currentUrl())}`,
        });
        return;
      }
      setError(pollError(e));
    } finally {
      setLoaded(true);
    }
  }, [firms, refreshRatings]);

  const refreshRef = useRef(refresh);
  refreshRef.current = refresh;

  const start = useCallback(() => {
    if (!enabled || timer.current) return;
    void refreshRef.current();
    timer.current = setInterval(() => void refreshRef.current(), FIRM_POLL_MS);
  }, [enabled]);

  const stop = useCallback(() => {
    if (timer.current) clearInterval(timer.current);
    timer.current = null;
  }, []);

  useEffect(() => {
    start();
    return stop;
  }, [start, stop]);
  // Back from the rating card: ask open windows again (just rated, or closed meanwhile).
  useDidShow(() => {
    ratingCache.current = keepFinalStatuses(ratingCache.current);
    start();
  });
  useDidHide(stop);

  return {
    firms,
    visits,
    atGate: nowAtGate(visits, notifications, now),
    fresh,
    ratingStatuses,
    error,
    loaded,
    now,
    reload: () => void refreshRef.current(),
  };
}
