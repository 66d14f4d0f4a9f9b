import {
  type FieldError,
  PASSWORD_RULE_LABELS,
  type PasswordRule,
  passwordProblems,
  type SessionUser,
} from '@qinqing/domain';
import { Input } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useEffect, useState } from 'react';

import { api, ApiError } from '../../services/api';
import { HOME_OF, session } from '../../services/session';
import { errorText } from '../../shared/errors';
import { passwordHandoff } from '../../shared/password-handoff';
import { landingAfterLogin, notice } from '../../shared/session';
import { Button } from '../../shared/ui/Button';
import { Page } from '../../shared/ui/Page';

import './index.css';

const RULES = Object.keys(PASSWORD_RULE_LABELS) as PasswordRule[];

/**
 * 修改密码: required after a login with a one-time password (every other screen is closed until
 * then), and open to anyone signed in. The rules are the API's own (passwordProblems in
 * libs/domain), checked as the user types.
 */
export default function PasswordPage() {
  const { params } = useRouter();
  const redirect = params.redirect ? decodeURIComponent(params.redirect) : undefined;
  const [user] = useState(() => session.user());
  const required = Boolean(user?.mustChangePassword);
  const [current, setCurrent] = useState(() => passwordHandoff.take() ?? '');
  const [next, setNext] = useState('');
  const [again, setAgain] = useState('');
  const [error, setError] = useState('');
  const [fieldErrors, setFieldErrors] = useState<FieldError[]>([]);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!user) void Taro.redirectTo({ url: '/pages/login/index' });
  }, [user]);
  if (!user) return <Page title="修改密码">{null}</Page>;

  const broken = new Set(
    passwordProblems(next, { username: user.username, currentPassword: current || undefined }),
  );
  const mismatch = again.length > 0 && again !== next;

  async function submit(me: SessionUser): Promise<void> {
    setError('');
    setFieldErrors([]);
    if (!current) return setError('请输入当前密码。');
    if (broken.size > 0 || !next) return setError('新密码不符合上述要求，请修改。');
    if (again !== next) return setError('两次输入的新密码不一致。');
    setBusy(true);
    try {
      await api.changePassword({ body: { currentPassword: current, newPassword: next } });
      // The change ended every session of the account, this one too: a fresh one, with the new
      // password while it is still in memory.
      const renewed = await api.login(me.username, next).then(
        () => true,
        () => false,
      );
      if (!renewed) {
        api.logout();
        notice.set('密码已修改，请用新密码登录。');
        await Taro.reLaunch({ url: '/pages/login/index' });
        return;
      }
      await Taro.reLaunch({ url: landingAfterLogin(me, redirect) });
    } catch (e) {
      if (e instanceof ApiError && Array.isArray(e.body.errors)) {
        setFieldErrors(e.body.errors as FieldError[]);
      }
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  }

  const errorsOf = (field: string) => fieldErrors.filter((e) => e.field === field);
  /** A change of any field: the last attempt's errors no longer apply. */
  const edit = (set: (value: string) => void) => (value: string) => {
    set(value);
    setError('');
    setFieldErrors([]);
  };

  return (
    <Page title="修改密码" back={!required} backTo={HOME_OF[user.role]} testId="password-page">
      <View className="password">
        {required && (
          <View className="password__reason" data-testid="password-required" role="status">
            您正在使用管理员发放的一次性密码。请先设置自己的新密码，然后才能继续使用。
          </View>
        )}
        <Text className="password__who">账号：{user.username}</Text>
        <Field
          id="password-current"
          label={required ? '一次性密码（当前密码）' : '当前密码'}
          value={current}
          placeholder={required ? '管理员发放的一次性密码' : '请输入当前密码'}
          onChange={edit(setCurrent)}
          errors={errorsOf('currentPassword')}
        />
        <Field
          id="password-new"
          label="新密码"
          value={next}
          placeholder="请输入新密码"
          onChange={edit(setNext)}
          errors={errorsOf('newPassword')}
        />
        <View className="password__rules" data-testid="password-rules" aria-live="polite">
          {RULES.map((rule) => {
            const ok = next.length > 0 && !broken.has(rule);
            return (
              <View
                key={rule}
                className={`password__rule${ok ? ' password__rule--ok' : next ? ' password__rule--bad' : ''}`}
                data-testid={`password-rule-${rule}`}
                data-ok={ok ? 'true' : 'false'}
              >
                <Text aria-hidden="true">{ok ? '✓ ' : next ? '✗ ' : '· '}</Text>
                <Text>{PASSWORD_RULE_LABELS[rule]}</Text>
              </View>
            );
          })}
        </View>
        <Field
          id="password-again"
          label="再次输入新密码"
          value={again}
          placeholder="请再次输入新密码"
          onChange={edit(setAgain)}
          errors={mismatch ? [{ field: 'again', message: '两次输入的新密码不一致' }] : []}
          onConfirm={() => void submit(user)}
        />
        {error && (
          <View className="password__error" data-testid="password-error" role="alert">
            {error}
          </View>
        )}
        <Button
          block
          type="primary"
          size="xlarge"
          className="password__submit"
          data-testid="password-submit"
          loading={busy}
          onClick={() => void submit(user)}
        >
          确认修改
        </Button>
      </View>
    </Page>
  );
}

function Field(props: {
  id: string;
  label: string;
  value: string;
  placeholder: string;
  onChange: (value: string) => void;
  errors: FieldError[];
  onConfirm?: () => void;
}) {
  return (
    <View className="password__field">
      <Text className="password__label" id={`${props.id}-label`}>
        {props.label}
      </Text>
      <Input
        className="password__input"
        data-testid={props.id}
        aria-labelledby={`${props.id}-label`}
        type="password"
        value={props.value}
        placeholder={props.placeholder}
        onChange={props.onChange}
        onConfirm={props.onConfirm}
      />
      {props.errors.map((e) => (
        <View key={e.message} className="password__field-error" role="alert">
          {e.message}
        </View>
      ))}
    </View>
  );
}
