import { Input } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useEffect, useState } from 'react';

import { api } from '../../services/api';
import { errorText } from '../../shared/errors';
import { PASSWORD_PAGE, passwordHandoff } from '../../shared/password-handoff';
import { prefetchPages } from '../../shared/prefetch';
import { HOME_OF } from '../../services/session';
import { landingAfterLogin, rolesOfPath } from '../../shared/session';
import { Button } from '../../shared/ui/Button';
import { Page } from '../../shared/ui/Page';

import './index.css';

/** Username and password; afterwards, the role's home or the page that asked for a login. */
export default function LoginPage() {
  const { params } = useRouter();
  const redirect = params.redirect ? decodeURIComponent(params.redirect) : undefined;
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  // The officer's home is loaded while the password is typed (see prefetch.h5.ts).
  useEffect(() => prefetchPages([HOME_OF.officer]), []);

  async function submit(): Promise<void> {
    if (!username.trim() || !password) {
      setError('请输入用户名和密码。');
      return;
    }
    setBusy(true);
    setError('');
    try {
      const { user } = await api.login(username.trim(), password);
      if (user.mustChangePassword) {
        // a one-time password: the new password first, then where the login was going
        passwordHandoff.set(password);
        const then = redirect ? `?redirect=${encodeURIComponent(redirect)}` : '';
        await Taro.reLaunch({ url: `${PASSWORD_PAGE}${then}` });
        return;
      }
      await Taro.reLaunch({ url: landingAfterLogin(user, redirect) });
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Page title="登录" backTo="/pages/index/index">
      <View className="login">
        <Text className="login__title">亲清 · 执法打卡</Text>
        {redirect && (
          <View className="login__reason" data-testid="login-reason" role="status">
            {reasonFor(redirect)}
          </View>
        )}
        <Text className="login__hint">执法人员、企业管理人员、监督人员请使用本人账号登录</Text>
        <View className="login__field">
          <Text className="login__label" id="login-username-label">
            用户名
          </Text>
          <Input
            className="login__input"
            data-testid="login-username"
            aria-labelledby="login-username-label"
            value={username}
            placeholder="请输入用户名"
            onChange={setUsername}
          />
        </View>
        <View className="login__field">
          <Text className="login__label" id="login-password-label">
            密码
          </Text>
          <Input
            className="login__input"
            data-testid="login-password"
            aria-labelledby="login-password-label"
            type="password"
            value={password}
            placeholder="请输入密码"
            onChange={setPassword}
            onConfirm={() => void submit()}
          />
        </View>
        {error && (
          <View className="login__error" data-testid="login-error" role="alert">
            {error}
          </View>
        )}
        <Button
          block
          type="primary"
          size="xlarge"
          className="login__submit"
          data-testid="login-submit"
          loading={busy}
          onClick={() => void submit()}
        >
          登录
        </Button>
      </View>
    </Page>
  );
}

/** Why the login screen opened (it was asked for by another screen). */
function reasonFor(redirect: string): string {
  const roles = rolesOfPath(redirect);
  if (roles?.includes('officer') && redirect.includes('check-in')) {
    return '扫码登记需要执法人员登录，登录后自动回到扫码页面。';
  }
  return '请先登录，登录后自动回到刚才的页面。';
}
