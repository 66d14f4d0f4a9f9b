import {
  isCommonPassword,
  ONE_TIME_PASSWORD_ALPHABET,
  PASSWORD_MIN_LENGTH,
  passwordProblems,
} from './password-policy';

describe('password policy', () => {
  const ctx = { username: 'zhangwei' };

  it('takes a long, unusual password', () => {
    expect(passwordProblems('Huanbao-Zhifa-73', ctx)).toEqual([]);
  });

  it.each([
    ['123456789', ['MIN_LENGTH', 'NOT_COMMON']],
    ['a'.repeat(PASSWORD_MIN_LENGTH - 1), ['MIN_LENGTH', 'NOT_COMMON']],
    ['Xy7#kq2Lm', ['MIN_LENGTH']],
    ['Xy7#kq2Lm0', []],
  ])('counts length: %s', (password, expected) => {
    expect(passwordProblems(password, ctx)).toEqual(expected);
  });

  it('counts characters, not UTF-16 units or bytes (汉字 count once)', () => {
    expect(passwordProblems('亲清执法打卡扫码入企了', ctx)).toEqual([]);
    expect(passwordProblems('亲清执法打卡扫码入企', ctx)).toEqual([]);
    expect(passwordProblems('亲清执法打卡扫码入', ctx)).toEqual(['MIN_LENGTH']);
  });

  it('refuses the username inside the password, whatever the case', () => {
    expect(passwordProblems('ZhangWei-2026-ok', ctx)).toEqual(['NOT_USERNAME']);
    expect(passwordProblems('my-zhangwei-pass', ctx)).toEqual(['NOT_USERNAME']);
    expect(passwordProblems('zhang-wei-2026-ok', ctx)).toEqual([]);
  });

  it.each([
    'password',
    'Password2026!',
    'qwerty123456',
    '88888888',
    '8888888888',
    '1234567890',
    'Qinqing@2026',
    'QINQING@2026',
    'woaini1314520',
    '5201314520',
    'zzzzzzzzzzzz',
  ])('refuses the well-known %s', (password) => {
    expect(isCommonPassword(password)).toBe(true);
    expect(passwordProblems(password, ctx)).toContain('NOT_COMMON');
  });

  it('does not call a password common for containing a common word among others', () => {
    expect(isCommonPassword('password-of-the-river')).toBe(false);
    expect(isCommonPassword('2026qwerty-Hn')).toBe(false);
  });

  it('refuses the current password when it is known', () => {
    expect(
      passwordProblems('Huanbao-Zhifa-73', { ...ctx, currentPassword: 'Huanbao-Zhifa-73' }),
    ).toEqual(['NOT_CURRENT']);
    expect(
      passwordProblems('Huanbao-Zhifa-74', { ...ctx, currentPassword: 'Huanbao-Zhifa-73' }),
    ).toEqual([]);
  });

  it('leaves the misreadable characters out of one-time passwords', () => {
    expect(ONE_TIME_PASSWORD_ALPHABET).not.toMatch(/[0O1lI]/);
  });
});
