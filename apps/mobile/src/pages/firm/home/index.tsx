import {
  CREDIT_GRADE_LABELS,
  HOTLINES,
  PURPOSE_INFO,
  SIX_PROHIBITIONS,
  type EnterpriseView,
  type NotificationView,
  type RatingStatusView,
  type VisitView,
} from '@qinqing/domain';
import { Button, Text, View } from '@tarojs/components';
import Taro, { useDidHide, useDidShow } from '@tarojs/taro';
import { useCallback, useEffect, useRef, useState } from 'react';

import {
  FIRM_POLL_MS,
  chinaDateTime,
  firmOutcomeLabel,
  gateBannerText,
  newGateNotifications,
  nowAtGate,
  visitProgress,
} from '../../../features/firm/gate';
import { redirectToLogin, useRoleGuard } from '../../../features/firm/session-guard';
import {
  keepFinalStatuses,
  rateUrl,
  ratingBadge,
  visitsNeedingStatus,
  type RatingBadge,
} from '../../../features/rating/rating-status';
import { api, ApiError, NetworkError } from '../../../services/api';
import { session } from '../../../services/session';

import './index.css';

const HERE = '/pages/firm/home/index';

function call(phoneNumber: string): void {
  Taro.makePhoneCall({ phoneNumber }).catch(() => undefined);
}

function firmStatusLine(firm: EnterpriseView): string {
  return [
    firm.onPositiveList ? '正面清单企业（无事不扰）' : '未列入正面清单',
    `信用：${CREDIT_GRADE_LABELS[firm.creditGrade]}`,
  ].join(' · ');
}

function reportUrl(visitId: string): string {
  return `/pages/firm/report/index?visitId=${encodeURIComponent(visitId)}`;
}

/** 好差评 state of a checked-out visit: 去评价 / 已评价 / 评价已截止. */
function VisitRating({ visitId, badge }: { visitId: string; badge: RatingBadge }) {
  if (badge.kind === 'NONE') return null;
  return (
    <View className="fvisit__rating" data-testid="visit-rating">
      {badge.kind === 'OPEN' ? (
        <Button
          className="fvisit__rate"
          data-testid="visit-rate"
          onClick={() => void Taro.navigateTo({ url: rateUrl(visitId) })}
        >
          {badge.label}
        </Button>
      ) : (
        <Text
          className={`fvisit__rated fvisit__rated--${badge.kind.toLowerCase()}`}
          data-testid={badge.kind === 'RATED' ? 'visit-rated' : 'visit-rating-closed'}
        >
          {badge.label}
        </Text>
      )}
    </View>
  );
}

function VisitCard({ visit, rating }: { visit: VisitView; rating: RatingBadge }) {
  const refused = visit.decision.outcome === 'REFUSED';
  return (
    <View
      className={`fvisit fvisit--${visit.decision.outcome.toLowerCase()}`}
      data-testid="firm-visit"
    >
      <View className="fvisit__head">
        <Text className="fvisit__outcome">{firmOutcomeLabel(visit.decision.outcome)}</Text>
        <Text className="fvisit__time">{chinaDateTime(visit.checkedInAt)}</Text>
      </View>
      {visit.officers.map((o) => (
        <Text className="fvisit__officer" key={o.id}>
          {o.name}
          {o.badgeNumber ? `（${o.badgeNumber}）` : ''}
          {o.isLead ? ' · 主办' : ''}
        </Text>
      ))}
      <Text className="fvisit__line">{visit.officers[0]?.unitName ?? ''}</Text>
      <Text className="fvisit__line">
        事由：{PURPOSE_INFO[visit.purpose].label}
        {visit.reference ? `（${visit.reference}）` : ''}
      </Text>
      {refused ? (
        <View className="fvisit__reasons">
          {visit.decision.reasons.map((r) => (
            <Text className="fvisit__reason" key={r.code}>
              {r.message}
            </Text>
          ))}
        </View>
      ) : (
        <Text className="fvisit__line">
          入企 {chinaDateTime(visit.checkedInAt)}
          {visit.checkedOutAt ? ` · 离开 ${chinaDateTime(visit.checkedOutAt)}` : ''}
        </Text>
      )}
      <Text className="fvisit__progress">
        {refused ? '未入企' : `检查结果：${visitProgress(visit)}`}
      </Text>
      {!refused && visit.decision.outcome === 'FLAGGED' && (
        <View className="fvisit__reasons">
          {visit.decision.reasons.map((r) => (
            <Text className="fvisit__flag" key={r.code}>
              {r.message}
            </Text>
          ))}
        </View>
      )}
      <View className="fvisit__actions">
        <VisitRating visitId={visit.id} badge={rating} />
        <Button
          className="fvisit__report"
          data-testid="visit-report"
          onClick={() => void Taro.navigateTo({ url: reportUrl(visit.id) })}
        >
          举报
        </Button>
      </View>
    </View>
  );
}

/** 门口是谁: who is at my firm's gate now, and every visit to it. */
export default function FirmHomePage() {
  const user = useRoleGuard(['enterprise'], HERE);
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
    const results = await Promise.allSettled(ids.map((id) => api.ratingStatus(id)));
    const next = new Map(ratingCache.current);
    results.forEach((r) => {
      if (r.status === 'fulfilled') next.set(r.value.visitId, r.value);
    });
    ratingCache.current = next;
    setRatingStatuses(next);
  }, []);

  const refresh = useCallback(async () => {
    try {
      const [page, notes] = await Promise.all([
        api.visits({ limit: 20 }),
        api.notifications().catch(() => [] as NotificationView[]),
      ]);
      setVisits(page.items);
      setNotifications(notes);
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
        redirectToLogin(HERE);
        return;
      }
      setError(
        e instanceof NetworkError
          ? '网络不可用，显示的是上次获取的记录；恢复信号后会自动刷新。'
          : e instanceof ApiError
            ? `${e.message}（稍后自动重试）`
            : '获取记录失败，稍后自动重试。',
      );
    } finally {
      setLoaded(true);
    }
  }, [refreshRatings]);

  const start = useCallback(() => {
    if (!user || timer.current) return;
    void refresh();
    timer.current = setInterval(() => void refresh(), FIRM_POLL_MS);
  }, [user, refresh]);

  const stop = useCallback(() => {
    if (timer.current) clearInterval(timer.current);
    timer.current = null;
  }, []);

  useEffect(() => {
    if (!user) return undefined;
    api
      .enterprises()
      .then(setFirms)
      .catch(() => undefined);
    start();
    return stop;
  }, [user, start, stop]);
  // Back from the rating card: ask open windows again (just rated, or closed meanwhile).
  useDidShow(() => {
    ratingCache.current = keepFinalStatuses(ratingCache.current);
    start();
  });
  useDidHide(stop);

  if (!user) return <View className="firm" />;

  const atGate = nowAtGate(visits, notifications, now);
  const firmNames = firms.map((f) => f.name).join('、');

  return (
    <View className="firm" data-testid="firm-home">
      <View className="firm__header">
        <Text className="firm__name" data-testid="firm-name">
          {firmNames || user.name}
        </Text>
        {firms.length === 1 && <Text className="firm__status">{firmStatusLine(firms[0])}</Text>}
        {firms.length > 1 && <Text className="firm__status">共{firms.length}家企业</Text>}
      </View>

      <View
        className={`gate ${atGate.length ? 'gate--busy' : 'gate--quiet'}`}
        data-testid="gate-now"
      >
        <Text className="gate__title">现在门口</Text>
        {atGate.length === 0 && (
          <Text className="gate__empty">{loaded ? '目前没有执法人员在企业内' : '正在获取…'}</Text>
        )}
        {atGate.map((entry) => (
          <Text className="gate__entry" key={entry.visitId} data-testid="gate-entry">
            {gateBannerText(entry)}
          </Text>
        ))}
        {fresh.length > 0 && (
          <Text className="gate__fresh" data-testid="gate-fresh">
            新到访提醒 {fresh.length} 条（刚刚更新）
          </Text>
        )}
      </View>

      {error && (
        <Text className="firm__error" data-testid="firm-error">
          {error}
        </Text>
      )}

      <View className="firm__actions">
        <Button
          className="firm__action firm__action--primary"
          data-testid="goto-verify-badge"
          onClick={() => void Taro.navigateTo({ url: '/pages/firm/verify-badge/index' })}
        >
          核验执法证
        </Button>
        <Button
          className="firm__action"
          data-testid="goto-status"
          onClick={() => void Taro.navigateTo({ url: '/pages/firm/status/index' })}
        >
          企业状态
        </Button>
      </View>
      <View className="firm__actions firm__actions--second">
        <Button
          className="firm__action firm__action--report"
          data-testid="goto-report"
          onClick={() => void Taro.navigateTo({ url: '/pages/firm/report/index' })}
        >
          监督举报
        </Button>
        <Button
          className="firm__action"
          data-testid="goto-reports"
          onClick={() => void Taro.navigateTo({ url: '/pages/firm/reports/index' })}
        >
          我的举报
        </Button>
      </View>

      <View className="fcard">
        <Text className="fcard__title">到访记录</Text>
        <Text className="fcard__note">每15秒自动刷新；未获准入企的尝试也会显示</Text>
        <View data-testid="firm-visits">
          {loaded && visits.length === 0 && <Text className="fcard__note">暂无到访记录</Text>}
          {visits.map((v) => (
            <VisitCard key={v.id} visit={v} rating={ratingBadge(ratingStatuses.get(v.id), now)} />
          ))}
        </View>
      </View>

      <View className="fcard">
        <Text className="fcard__title">监督电话（点击拨打）</Text>
        <View className="fhotlines" data-testid="firm-hotlines">
          {HOTLINES.map((h) => (
            <Button
              key={h.number}
              className="fhotlines__item"
              data-testid={`firm-hotline-${h.number}`}
              onClick={() => call(h.number)}
            >
              {h.number} {h.label}
            </Button>
          ))}
        </View>
      </View>

      <View className="fcard">
        <Text className="fcard__title">环境监察人员“六不准”</Text>
        <View data-testid="firm-six-prohibitions">
          {SIX_PROHIBITIONS.map((rule, i) => (
            <Text className="frule" key={rule}>
              {i + 1}. {rule}
            </Text>
          ))}
        </View>
      </View>
    </View>
  );
}
