import * as z from 'zod';
import { FIELD_LIMITS } from '../../limits';
import { ROLES } from '../../roles';
import { uuid } from './common';

/** POST /auth/login */
export const loginRequest = z.strictObject({
  username: z.string().min(1).max(FIELD_LIMITS.username).meta({ example: 'officer1' }),
  password: z.string().min(1).max(FIELD_LIMITS.password).meta({ example: 'Qinqing@2026' }),
});

/** POST /auth/refresh */
export const refreshRequest = z.strictObject({
  refreshToken: z.string().min(1).max(FIELD_LIMITS.token),
});

/** POST /auth/wechat, /auth/wechat/bind */
export const wechatCodeRequest = z.strictObject({
  code: z
    .string()
    .min(1)
    .max(FIELD_LIMITS.wechatCode)
    .meta({ description: 'the code from wx.login() in the mini-program' }),
});

export const sessionUser = z
  .object({
    id: uuid(),
    role: z.enum(ROLES),
    name: z.string(),
    username: z.string(),
    unitId: uuid().nullable(),
    badgeNumber: z.string().nullable(),
    mustChangePassword: z.boolean().meta({
      description: 'true: signed in with a one-time password; only POST /auth/password is open',
    }),
  })
  .meta({ id: 'SessionUser' });

/** A login's or a refresh's answer. */
export const sessionResponse = z
  .object({
    accessToken: z.string(),
    refreshToken: z.string(),
    expiresIn: z.number().int().meta({ description: 'seconds until the access token expires' }),
    user: sessionUser,
  })
  .meta({ id: 'Session' });
