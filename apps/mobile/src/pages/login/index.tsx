import { Button, Input, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';

import { api, ApiError, NetworkError } from '../../services/api';
import { HOME_OF } from '../../services/session';

import './index.css';

/** Username and password; afterwards, the role's home or the page that asked for a login. */
export default function LoginPage() {
  const { params } = useRouter();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  async function submit(): Promise<void> {
    if (!username.trim() || !password) {
      setError('请输入用户名和密码。');
      return;
    }
    setBusy(true);
    setError('');
    try {
      const { user } = await api.login(username.trim(), password);
      const back = params.redirect ? decodeURIComponent(params.redirect) : HOME_OF[user.role];
      await Taro.redirectTo({ url: back });
    } catch (e) {
      setError(
        e instanceof ApiError || e instanceof NetworkError ? e.message : '登录失败，请稍后重试。',
      );
    } finally {
      setBusy(false);
    }
  }

  return (
    <View className="login">
      <Text className="login__title">亲清 · 执法打卡</Text>
      <Text className="login__hint">执法人员、企业管理人员、监督人员请使用本人账号登录</Text>
      <View className="login__field">
        <Text className="login__label">用户名</Text>
        <Input
          className="login__input"
          data-testid="login-username"
          value={username}
          placeholder="请输入用户名"
          onInput={(e) => setUsername(e.detail.value)}
        />
      </View>
      <View className="login__field">
        <Text className="login__label">密码</Text>
        <Input
          className="login__input"
          data-testid="login-password"
          password
          value={password}
          placeholder="请输入密码"
          onInput={(e) => setPassword(e.detail.value)}
          onConfirm={() => void submit()}
        />
      </View>
      {error && (
        <Text className="login__error" data-testid="login-error">
          {error}
        </Text>
      )}
      <Button
        className="login__submit"
        data-testid="login-submit"
        loading={busy}
        onClick={() => void submit()}
      >
        登录
      </Button>
    </View>
  );
}
