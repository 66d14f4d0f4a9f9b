/**
 * The password policy, shared by the API (which enforces it when a password is set) and the phone
 * (which shows and checks the same rules while the user types). Passwords already stored are not
 * re-checked at login: the demo accounts keep their password.
 */

export const PASSWORD_MIN_LENGTH = 10;

/**
 * Well-known passwords, compared case-insensitively with the whole password and with the password
 * stripped of trailing digits and punctuation (so `password2026!` counts as `password`). Small on
 * purpose: it ships in the mini-program. The demo password is public (README, seed), so it is here.
 */
export const COMMON_PASSWORDS: readonly string[] = [
  '123456',
  '1234567',
  '12345678',
  '123456789',
  '1234567890',
  '0123456789',
  '987654321',
  '9876543210',
  '111111',
  '11111111',
  '1111111111',
  '000000',
  '00000000',
  '0000000000',
  '666666',
  '66666666',
  '6666666666',
  '888888',
  '88888888',
  '8888888888',
  '520520',
  '5201314',
  '5201314520',
  '1314520',
  '147258369',
  '123123',
  '123123123',
  '123321',
  '112233',
  '654321',
  'abc123',
  'abc123456',
  'a123456',
  'a12345678',
  'a123456789',
  'aa123456',
  'qq123456',
  'abcd1234',
  '1q2w3e4r',
  '1qaz2wsx',
  '1qaz2wsx3edc',
  'qazwsx',
  'qazwsxedc',
  'qwerty',
  'qwerty123',
  'qwertyuiop',
  'asdfghjkl',
  'zxcvbnm',
  'password',
  'passw0rd',
  'p@ssw0rd',
  'p@ssword',
  'admin',
  'admin123',
  'admin@123',
  'administrator',
  'root',
  'letmein',
  'welcome',
  'iloveyou',
  'woaini',
  'woaini1314',
  'woaini520',
  'wodemima',
  'mima',
  'zhongguo',
  'china',
  'beijing',
  'zhengzhou',
  'huanbao',
  'qinqing',
  'qinqing@2026',
  'qinqing2026',
];

export type PasswordRule = 'MIN_LENGTH' | 'NOT_USERNAME' | 'NOT_COMMON' | 'NOT_CURRENT';

/** The rules as the phone lists them next to the field. */
export const PASSWORD_RULE_LABELS: Record<PasswordRule, string> = {
  MIN_LENGTH: `至少 ${PASSWORD_MIN_LENGTH} 个字符`,
  NOT_USERNAME: '不能包含用户名',
  NOT_COMMON: '不能是常见密码（如 123456、password、88888888）',
  NOT_CURRENT: '不能与当前密码相同',
};

/** Why a password breaks a rule, as the API answers it on the field. */
export const PASSWORD_RULE_MESSAGES: Record<PasswordRule, string> = {
  MIN_LENGTH: `密码至少需要 ${PASSWORD_MIN_LENGTH} 个字符`,
  NOT_USERNAME: '密码不能包含用户名',
  NOT_COMMON: '该密码过于常见，容易被猜中，请换一个',
  NOT_CURRENT: '新密码不能与当前密码相同',
};

export interface PasswordContext {
  username: string;
  /** the current password, when it is known (a change by the user) */
  currentPassword?: string;
}

/** The rules a new password breaks, in the order of PASSWORD_RULE_LABELS; empty when it is fine. */
export function passwordProblems(password: string, context: PasswordContext): PasswordRule[] {
  const problems: PasswordRule[] = [];
  if ([...password].length < PASSWORD_MIN_LENGTH) problems.push('MIN_LENGTH');
  const username = context.username.trim().toLowerCase();
  if (username.length > 0 && password.toLowerCase().includes(username)) {
    problems.push('NOT_USERNAME');
  }
  if (isCommonPassword(password)) problems.push('NOT_COMMON');
  if (context.currentPassword !== undefined && password === context.currentPassword) {
    problems.push('NOT_CURRENT');
  }
  return problems;
}

const COMMON = new Set(COMMON_PASSWORDS);

/** A well-known password, or one with only digits and punctuation added at its end. */
export function isCommonPassword(password: string): boolean {
  const lower = password.trim().toLowerCase();
  if (COMMON.has(lower)) return true;
  const stem = lower.replace(/[\d\W_]+$/u, '');
  if (stem.length > 0 && COMMON.has(stem)) return true;
  // one character repeated (aaaaaaaaaa, 1111111111)
  return lower.length > 0 && [...lower].every((c) => c === lower[0]);
}

/**
 * The characters of one-time passwords: no 0/O, 1/l/I, which are misread when a password is
 * read out or copied from a screen.
 */
export const ONE_TIME_PASSWORD_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789';
export const ONE_TIME_PASSWORD_LENGTH = 14;
