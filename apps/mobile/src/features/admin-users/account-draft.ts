import type { CreateUserRequest, Role, UpdateUserRequest, UserAccount } from '@qinqing/domain';

/** The create / edit form's fields, as typed (trimmed when sent). */
export interface AccountDraft {
  username: string;
  displayName: string;
  role: Role;
  unitId?: string;
  badgeNo: string;
  enterpriseIds: string[];
  phone: string;
}

export const EMPTY_ACCOUNT: AccountDraft = {
  username: '',
  displayName: '',
  role: 'officer',
  badgeNo: '',
  enterpriseIds: [],
  phone: '',
};

/** What each role has: an officer a unit and a 执法证号, a supervisor a unit, a firm user firms. */
export const hasUnit = (role: Role) => role === 'officer' || role === 'supervisor';
export const hasBadge = (role: Role) => role === 'officer';
export const hasFirms = (role: Role) => role === 'enterprise';

/** The form filled with an account, to edit it. */
export function draftOf(account: UserAccount): AccountDraft {
  return {
    username: account.username,
    displayName: account.displayName,
    role: account.role,
    unitId: account.unitId ?? undefined,
    badgeNo: account.badgeNo ?? '',
    enterpriseIds: [...account.enterpriseIds],
    phone: account.phone ?? '',
  };
}

/** The body of POST /users: only the fields the role has. */
export function createBody(draft: AccountDraft): CreateUserRequest {
  const { role } = draft;
  return {
    username: draft.username.trim(),
    displayName: draft.displayName.trim(),
    role,
    ...(hasUnit(role) ? { unitId: draft.unitId } : {}),
    ...(hasBadge(role) ? { badgeNo: draft.badgeNo.trim() } : {}),
    ...(hasFirms(role) && draft.enterpriseIds.length > 0
      ? { enterpriseIds: draft.enterpriseIds }
      : {}),
    ...(draft.phone.trim() ? { phone: draft.phone.trim() } : {}),
  };
}

/** The body of PATCH /users/:id: only what changed (an emptied phone is removed: null). */
export function updateBody(account: UserAccount, draft: AccountDraft): UpdateUserRequest {
  const body: UpdateUserRequest = {};
  const { role } = account;
  if (draft.displayName.trim() !== account.displayName) body.displayName = draft.displayName.trim();
  if (hasUnit(role) && draft.unitId && draft.unitId !== account.unitId) body.unitId = draft.unitId;
  if (hasBadge(role) && draft.badgeNo.trim() !== (account.badgeNo ?? '')) {
    body.badgeNo = draft.badgeNo.trim();
  }
  const firms = [...new Set(draft.enterpriseIds)].sort();
  if (hasFirms(role) && firms.join() !== [...account.enterpriseIds].sort().join()) {
    body.enterpriseIds = firms;
  }
  const phone = draft.phone.trim() || null;
  if (phone !== account.phone) body.phone = phone;
  return body;
}
