import Taro from '@tarojs/taro';
import { act, fireEvent, render, screen } from '@testing-library/react';

import { ApiError, api } from '../../services/api';
import { session } from '../../services/session';
import { passwordHandoff } from '../../shared/password-handoff';
import { notice } from '../../shared/session';
import PasswordPage from './index';

const taro = Taro as unknown as { reLaunch: jest.Mock; useRouter: jest.Mock };

const user = {
  id: 'u1',
  role: 'officer' as const,
  name: '孙晓东',
  username: 'sunxd',
  unitId: 'unit1',
  badgeNumber: '豫A41010088',
  mustChangePassword: true,
};

function type(testId: string, value: string): void {
  const field = screen.getByTestId(testId);
  const input = (field.querySelector('input') ?? field) as HTMLInputElement;
  input.value = value;
  fireEvent.input(input, { target: { value }, detail: { value } });
}

const rule = (name: string) => screen.getByTestId(`password-rule-${name}`).getAttribute('data-ok');

beforeEach(() => {
  jest.restoreAllMocks();
  taro.reLaunch.mockClear();
  taro.useRouter.mockReturnValue({ params: {} });
  session.save({ accessToken: 'a', refreshToken: 'r', expiresIn: 900, user });
});

it('prefills the one-time password from the login and checks the shared policy as one types', async () => {
  passwordHandoff.set('Abcdefgh2345jk');
  render(<PasswordPage />);
  expect(screen.getByTestId('password-required').textContent).toContain('一次性密码');
  const current = screen.getByTestId('password-current');
  expect((current.querySelector('input') ?? (current as HTMLInputElement)).value).toBe(
    'Abcdefgh2345jk',
  );
  expect(passwordHandoff.take()).toBeUndefined(); // taken once

  type('password-new', 'sunxd123');
  expect(rule('MIN_LENGTH')).toBe('false');
  expect(rule('NOT_USERNAME')).toBe('false');
  type('password-new', '88888888');
  expect(rule('NOT_COMMON')).toBe('false');
  type('password-new', 'Abcdefgh2345jk');
  expect(rule('NOT_CURRENT')).toBe('false');
  type('password-new', 'Jinshui-Zhifa-2027');
  for (const name of ['MIN_LENGTH', 'NOT_USERNAME', 'NOT_COMMON', 'NOT_CURRENT']) {
    expect(rule(name)).toBe('true');
  }
});

it('refuses to send a password that breaks the rules or two entries that differ', async () => {
  const change = jest.spyOn(api, 'changePassword');
  passwordHandoff.set('Abcdefgh2345jk');
  render(<PasswordPage />);
  type('password-new', 'qwerty');
  fireEvent.click(screen.getByTestId('password-submit'));
  expect(screen.getByTestId('password-error').textContent).toBe('新密码不符合上述要求，请修改。');
  type('password-new', 'Jinshui-Zhifa-2027');
  type('password-again', 'Jinshui-Zhifa-2028');
  fireEvent.click(screen.getByTestId('password-submit'));
  expect(screen.getByTestId('password-error').textContent).toBe('两次输入的新密码不一致。');
  expect(change).not.toHaveBeenCalled();
  // typing again clears the last attempt's message
  type('password-again', 'Jinshui-Zhifa-2027');
  expect(screen.queryByTestId('password-error')).toBeNull();
});

it('changes the password, logs in again with the new one (the change ended the session) and opens the role’s home', async () => {
  const change = jest.spyOn(api, 'changePassword').mockResolvedValue(undefined);
  const fresh = {
    accessToken: 'a2',
    refreshToken: 'r2',
    expiresIn: 900,
    user: { ...user, mustChangePassword: false },
  };
  const login = jest.spyOn(api, 'passwordLogin').mockResolvedValue(fresh);
  passwordHandoff.set('Abcdefgh2345jk');
  render(<PasswordPage />);
  type('password-new', 'Jinshui-Zhifa-2027');
  type('password-again', 'Jinshui-Zhifa-2027');
  await act(async () => fireEvent.click(screen.getByTestId('password-submit')));
  expect(change).toHaveBeenCalledWith({
    body: { currentPassword: 'Abcdefgh2345jk', newPassword: 'Jinshui-Zhifa-2027' },
  });
  expect(login).toHaveBeenCalledWith({
    body: { username: 'sunxd', password: 'Jinshui-Zhifa-2027' },
  });
  expect(session.get()).toEqual(fresh);
  expect(taro.reLaunch).toHaveBeenCalledWith({ url: '/pages/officer/home/index' });
});

it('sends him to the login when the new session cannot be had (the password is changed all the same)', async () => {
  jest.spyOn(api, 'changePassword').mockResolvedValue(undefined);
  jest.spyOn(api, 'passwordLogin').mockRejectedValue(new Error('network'));
  passwordHandoff.set('Abcdefgh2345jk');
  render(<PasswordPage />);
  type('password-new', 'Jinshui-Zhifa-2027');
  type('password-again', 'Jinshui-Zhifa-2027');
  await act(async () => fireEvent.click(screen.getByTestId('password-submit')));
  expect(session.get()).toBeUndefined();
  expect(notice.take()).toBe('密码已修改，请用新密码登录。');
  expect(taro.reLaunch).toHaveBeenCalledWith({ url: '/pages/login/index' });
});

it('shows the API’s field errors in Chinese (a wrong current password)', async () => {
  jest.spyOn(api, 'changePassword').mockRejectedValue(
    new ApiError(400, 'VALIDATION_FAILED', '提交的内容不完整或格式不正确，请检查标出的字段。', {
      errors: [{ field: 'currentPassword', message: '当前密码不正确' }],
    }),
  );
  render(<PasswordPage />);
  type('password-current', 'wrong-one-x');
  type('password-new', 'Jinshui-Zhifa-2027');
  type('password-again', 'Jinshui-Zhifa-2027');
  await act(async () => fireEvent.click(screen.getByTestId('password-submit')));
  expect(screen.getByText('当前密码不正确')).toBeTruthy();
  expect(taro.reLaunch).not.toHaveBeenCalled();
});
