import * as z from 'zod';
import { PHONE_PATTERN, PHONE_RULE, USERNAME_PATTERN, USERNAME_RULE } from '../../accounts';
import { FIELD_LIMITS } from '../../limits';
import { ROLES } from '../../roles';
import { UNIT_LEVELS } from '../../units';
import { cursorPage, pageQuery, timestamp, uuid } from './common';

// ---- Units (执法支队 → 分局 / 大队 → 中队) ----

export const unitView = z
  .object({
    id: uuid(),
    code: z.string(),
    name: z.string(),
    level: z.enum(UNIT_LEVELS),
    parentId: uuid().nullable(),
    active: z.boolean().meta({ description: 'false: retired (撤销); kept for the history' }),
  })
  .meta({ id: 'Unit' });

/** A unit as the tree lists it: with how many active accounts it holds. */
export const unitListItem = unitView
  .extend({
    activeAccounts: z
      .number()
      .int()
      .min(0)
      .meta({
        description:
          'active accounts of this very unit (officers by their unit, supervisors by their ' +
          'jurisdiction), not counting the units below; retiring needs 0',
      }),
  })
  .meta({ id: 'UnitListItem' });

export const unitIdParams = z.strictObject({ id: uuid() });

const unitName = z.string().trim().min(1).max(FIELD_LIMITS.unitName).meta({ example: '第二中队' });

/** POST /units (admin) */
export const createUnitRequest = z.strictObject({
  name: unitName,
  parentId: uuid().nullable().meta({ description: 'the unit above; null: a top unit (支队)' }),
  code: z
    .string()
    .trim()
    .min(1)
    .max(FIELD_LIMITS.unitCode)
    .regex(/^[A-Za-z0-9-]+$/, { error: '单位编码只能包含字母、数字和 -' })
    .optional()
    .meta({ description: 'a short code (unique); omitted: one is made', example: 'ZZ-JS-2' }),
  level: z.enum(UNIT_LEVELS).optional().meta({
    description: 'omitted: DETACHMENT at the top, BRANCH under a detachment, BRIGADE below',
  }),
});

/** PATCH /units/:id (admin): rename, move, retire or reactivate. */
export const updateUnitRequest = z.strictObject({
  name: unitName.optional(),
  parentId: uuid().nullable().optional().meta({ description: 'move under this unit; null: top' }),
  active: z.boolean().optional().meta({ description: 'false: retire (撤销); true: reactivate' }),
});

// ---- Accounts ----

const username = z
  .string()
  .trim()
  .regex(USERNAME_PATTERN, { error: USERNAME_RULE })
  .meta({ example: 'wangqiang' });
const displayName = z
  .string()
  .trim()
  .min(1)
  .max(FIELD_LIMITS.displayName)
  .meta({ example: '王强' });
const badgeNo = z
  .string()
  .trim()
  .min(1)
  .max(FIELD_LIMITS.badgeNumber)
  .meta({ description: '执法证号 (officers)', example: '豫A41010009' });
const phone = z
  .string()
  .trim()
  .regex(PHONE_PATTERN, { error: PHONE_RULE })
  .meta({ example: '13800000009' });
const enterpriseIds = z
  .array(uuid())
  .min(1, { error: '请至少选择一家企业' })
  .max(FIELD_LIMITS.firmsPerAccount)
  .meta({ description: 'the firms an enterprise user manages' });

export const userAccount = z
  .object({
    id: uuid(),
    username: z.string(),
    displayName: z.string(),
    role: z.enum(ROLES),
    active: z.boolean(),
    unitId: uuid()
      .nullable()
      .meta({ description: 'officer: his unit; supervisor: his jurisdiction (a unit subtree)' }),
    badgeNo: z.string().nullable().meta({ description: '执法证号 (officers)' }),
    enterpriseIds: z.array(uuid()).meta({ description: 'enterprise users: their firms' }),
    phone: z.string().nullable(),
    mustChangePassword: z.boolean().meta({ description: 'a one-time password is still in use' }),
    createdAt: timestamp(),
    updatedAt: timestamp(),
  })
  .meta({ id: 'UserAccount' });

export const userIdParams = z.strictObject({ id: uuid() });

/** POST /users (admin) */
export const createUserRequest = z.strictObject({
  username,
  displayName,
  role: z.enum(ROLES),
  unitId: uuid()
    .optional()
    .meta({ description: 'officer: his unit (required); supervisor: his jurisdiction (required)' }),
  badgeNo: badgeNo.optional().meta({ description: '执法证号: required for officers' }),
  enterpriseIds: enterpriseIds.optional().meta({ description: 'required for enterprise users' }),
  phone: phone.optional(),
});

/** PATCH /users/:id (admin); the role is not changed (create another account). */
export const updateUserRequest = z.strictObject({
  displayName: displayName.optional(),
  unitId: uuid().optional(),
  badgeNo: badgeNo.optional(),
  enterpriseIds: enterpriseIds.optional(),
  phone: phone.nullable().optional(),
  active: z
    .boolean()
    .optional()
    .meta({ description: 'false: deactivate at once (tokens stop working); true: reactivate' }),
});

/** An account as created or with a new password: the one-time password is shown once. */
export const createdUser = z
  .object({
    user: userAccount,
    oneTimePassword: z.string().meta({ description: 'shown once; to be changed at first login' }),
  })
  .meta({ id: 'CreatedUser' });

export const oneTimePasswordResponse = z
  .object({ oneTimePassword: z.string().meta({ description: 'shown once' }) })
  .meta({ id: 'OneTimePassword' });

/** The most accounts one credentials sheet prints. */
export const CREDENTIALS_SHEET_MAX = 500;

/** POST /users/credentials-sheet (admin): accounts with the one-time passwords to print. */
export const credentialsSheetRequest = z.strictObject({
  accounts: z
    .array(
      z.strictObject({
        userId: uuid(),
        oneTimePassword: z.string().min(1).max(FIELD_LIMITS.password),
      }),
    )
    .min(1)
    .max(CREDENTIALS_SHEET_MAX)
    .meta({
      description: 'each password must be the valid, unused one-time password of its account',
    }),
});

/** GET /users (admin) */
export const listUsersQuery = z.strictObject({
  role: z.enum(ROLES).optional(),
  unitId: uuid()
    .optional()
    .meta({ description: 'accounts of this unit or a unit under it (officers, supervisors)' }),
  q: z
    .string()
    .trim()
    .max(FIELD_LIMITS.userSearch)
    .optional()
    .meta({ description: 'part of the username, name, 执法证号 or phone' }),
  active: z
    .enum(['true', 'false'])
    .optional()
    .meta({ description: 'only active (true) or deactivated (false) accounts' }),
  ...pageQuery,
});

export const userPage = cursorPage(userAccount).meta({ id: 'UserPage' });

/** POST /auth/password: the caller's own password. */
export const changePasswordRequest = z.strictObject({
  currentPassword: z.string().min(1).max(FIELD_LIMITS.password),
  newPassword: z
    .string()
    .min(1)
    .max(FIELD_LIMITS.password)
    .meta({ description: 'the policy of passwordProblems (libs/domain) applies' }),
});
