import type { BadgeCodeResponse } from '@qinqing/domain';
import { Text, View } from '@tarojs/components';
import { useDidHide, useDidShow } from '@tarojs/taro';
import { useEffect, useRef, useState } from 'react';

import { QrCode } from '../../../components/QrCode';
import { api, NetworkError } from '../../../services/api';
import { errorText } from '../../../shared/errors';
import { useSession } from '../../../shared/session';
import { Button } from '../../../shared/ui/Button';
import { Page } from '../../../shared/ui/Page';

import '../../../components/officer.css';
import './index.css';

/** Fetch a new code this many seconds before the current one expires. */
const REFRESH_BEFORE_S = 15;

/** 电子执法证: the officer's card and a short-lived QR code a firm scans to check them. */
export default function OfficerBadgePage() {
  const me = useSession('officer');
  const [badge, setBadge] = useState<BadgeCodeResponse | undefined>();
  const [unitName, setUnitName] = useState('');
  const [now, setNow] = useState(() => Date.now());
  const [error, setError] = useState('');
  const fetching = useRef(false);
  const visible = useRef(true);

  async function refresh(): Promise<void> {
    if (fetching.current) return;
    fetching.current = true;
    try {
      setBadge(await api.badgeCode());
      setError('');
    } catch (e) {
      setError(
        e instanceof NetworkError
          ? '网络不可用：执法证二维码无法刷新，过期后企业将无法核验。请到有信号处刷新，或出示纸质执法证。'
          : errorText(e),
      );
    } finally {
      fetching.current = false;
    }
  }

  useDidShow(() => {
    visible.current = true;
    void refresh();
  });
  useDidHide(() => {
    visible.current = false;
  });

  useEffect(() => {
    if (!me) return;
    // The unit's name is a nicety on the card: without it the card still shows name and number.
    api
      .listOfficers()
      .then((r) => r.items)
      .then(
        (list) => setUnitName(list.find((o) => o.id === me.id)?.unitName ?? ''),
        () => setUnitName(''),
      );
    void refresh();
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [me]);

  const secondsLeft = badge
    ? Math.max(0, Math.floor((Date.parse(badge.expiresAt) - now) / 1000))
    : 0;
  useEffect(() => {
    // Near expiry, and every 5 s after a failed attempt (no signal) until the code expires.
    const due = secondsLeft <= REFRESH_BEFORE_S && secondsLeft % 5 === 0;
    if (badge && visible.current && due && !fetching.current) {
      void refresh();
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [secondsLeft]);

  if (!me) return <Page title="电子执法证">{null}</Page>;
  const expired = badge !== undefined && secondsLeft === 0;

  return (
    <Page title="电子执法证">
      <View className="badge" data-testid="badge-card">
        <Text className="badge__title">电子执法证</Text>
        <Text className="badge__name" data-testid="badge-name">
          {me.name}
        </Text>
        <Text className="badge__line" data-testid="badge-number">
          执法证号 {me.badgeNumber ?? '未登记'}
        </Text>
        {unitName && <Text className="badge__line">{unitName}</Text>}
        <View className="badge__qr">
          {badge && !expired ? (
            <QrCode text={badge.code} />
          ) : (
            <Text className="o-muted">{expired ? '二维码已过期' : '正在生成二维码…'}</Text>
          )}
        </View>
        {badge && !expired && (
          <Text className="badge__countdown" data-testid="badge-countdown">
            {secondsLeft} 秒后自动刷新 · 请企业扫码核验
          </Text>
        )}
      </View>
      {error && (
        <Text className="o-error" data-testid="badge-error">
          {error}
        </Text>
      )}
      <Button
        block
        type="primary"
        fill="outline"
        className="o-action"
        data-testid="badge-refresh"
        onClick={() => void refresh()}
      >
        立即刷新
      </Button>
    </Page>
  );
}
