import { HOTLINES, PURPOSE_INFO, PURPOSES, SIX_PROHIBITIONS } from '@qinqing/domain';
import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useEffect } from 'react';

import { SERVICE_HEALTH_TEXT, useServiceHealth } from '../../hooks/useServiceHealth';
import { HOME_OF, session } from '../../services/session';
import { PASSWORD_PAGE } from '../../shared/password-handoff';
import { prefetchPages } from '../../shared/prefetch';
import { Button } from '../../shared/ui/Button';

import './index.css';

function callHotline(phoneNumber: string): void {
  // Cancelling the system dialog rejects; nothing to do then.
  Taro.makePhoneCall({ phoneNumber }).catch(() => undefined);
}

/** The landing screen: what the app is, log in or read the published draws, hotlines, rules. */
export default function Index() {
  const { health, recheck } = useServiceHealth();
  const user = session.user();
  // Opened from the home-screen icon (the manifest's start_url) by a signed-in user: straight to
  // their home, as an installed app does. Typed or linked, `/` stays this landing screen.
  const { params } = useRouter();
  const launching = Boolean(user) && params.launch === 'app';
  useEffect(() => {
    if (user && launching) {
      void Taro.redirectTo({ url: HOME_OF[user.role] });
      return;
    }
    prefetchPages(user ? [HOME_OF[user.role]] : ['/pages/login/index', HOME_OF.officer]);
    // Once, for the user found at launch.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  const enter = () =>
    void Taro.navigateTo({ url: user ? HOME_OF[user.role] : '/pages/login/index' });
  if (launching) return <View className="home" aria-busy="true" />;

  return (
    <View className="home">
      <View className="home__header" role="banner">
        <View className="home__title" role="heading" aria-level={1}>
          亲清 · 执法打卡
        </View>
        <Text className="home__slogan">执法检查扫码登记，双向监督无事不扰</Text>
      </View>

      <View className="home__entries">
        <Button
          type="primary"
          size="large"
          block
          className="home__entry"
          data-testid="enter"
          onClick={enter}
        >
          {user ? `进入（${user.name}）` : '登录'}
        </Button>
        {user && (
          <Button
            type="primary"
            fill="outline"
            size="large"
            block
            className="home__entry"
            data-testid="change-password-link"
            onClick={() => void Taro.navigateTo({ url: PASSWORD_PAGE })}
          >
            修改密码
          </Button>
        )}
        <Button
          type="primary"
          fill="outline"
          size="large"
          block
          className="home__entry"
          data-testid="public-draws-link"
          onClick={() => void Taro.navigateTo({ url: '/pages/public/draws/index' })}
        >
          抽查结果公示（无需登录）
        </Button>
      </View>

      <View className={`status status--${health}`} data-testid="service-status" role="status">
        <Text className="status__text" data-testid="service-status-text">
          {SERVICE_HEALTH_TEXT[health]}
        </Text>
        {health === 'unavailable' && (
          <Button
            type="danger"
            block
            className="status__retry"
            data-testid="service-retry"
            onClick={recheck}
          >
            重试
          </Button>
        )}
      </View>

      <View className="card">
        <View className="card__title" role="heading" aria-level={2}>
          执法检查事由
        </View>
        <Text className="card__note">先扫码、后入企，进厂前须说明事由</Text>
        <View className="purposes" data-testid="purpose-list">
          {PURPOSES.map((purpose) => (
            <View className="purposes__item" key={purpose} data-testid={`purpose-${purpose}`}>
              <Text className="purposes__label">{PURPOSE_INFO[purpose].label}</Text>
            </View>
          ))}
        </View>
      </View>

      <View className="card">
        <View className="card__title" role="heading" aria-level={2}>
          监督电话
        </View>
        <View className="hotlines" data-testid="hotlines">
          {HOTLINES.map((hotline) => (
            <Button
              className="hotlines__item"
              key={hotline.number}
              data-testid={`hotline-${hotline.number}`}
              onClick={() => callHotline(hotline.number)}
            >
              <View className="hotlines__body">
                <Text className="hotlines__number">{hotline.number}</Text>
                <Text className="hotlines__label">{hotline.label}</Text>
              </View>
            </Button>
          ))}
        </View>
      </View>

      <View className="card">
        <View className="card__title" role="heading" aria-level={2}>
          环境监察人员“六不准”
        </View>
        <View className="rules" data-testid="six-prohibitions">
          {SIX_PROHIBITIONS.map((rule, index) => (
            <View className="rules__item" key={rule}>
              <Text className="rules__index">{index + 1}</Text>
              <Text className="rules__text">{rule}</Text>
            </View>
          ))}
        </View>
      </View>
    </View>
  );
}
