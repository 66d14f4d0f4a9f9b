/**
 * Usernames: what one types at the login, letters, digits and . _ - (3 to 64); compared without
 * regard to case at the login.
 */
export const USERNAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{2,63}$/;
export const USERNAME_RULE = '用户名为 3–64 位字母、数字或 . _ -，以字母或数字开头';

/** A telephone number as an account carries it: digits, +, - and blanks (3 to 20). */
export const PHONE_PATTERN = /^[0-9+\- ]{3,20}$/;
export const PHONE_RULE = '电话号码格式不正确';
