import type { ParsedBody } from '@qinqing/domain';
import { oneTimePassword } from './one-time-password';
import { hashPassword } from './password';
import type { User } from './user.entity';

/** An account to create, as POST /users takes it (the import builds the same). */
export type NewAccount = ParsedBody<'createUser'>;

/** A one-time password and its hash; only the hash is ever stored. */
export async function issueOneTimePassword(): Promise<{ password: string; passwordHash: string }> {
  const password = oneTimePassword();
  return { password, passwordHash: await hashPassword(password) };
}

/**
 * The app_user row of a new account: the unit is an officer's own or a supervisor's jurisdiction,
 * the 执法证号 an officer's; it must change its one-time password at the first login.
 */
export function newUserRow(account: NewAccount, passwordHash: string): Partial<User> {
  return {
    username: account.username,
    passwordHash,
    role: account.role,
    name: account.displayName,
    phone: account.phone ?? null,
    unitId: account.role === 'officer' ? account.unitId! : null,
    jurisdictionUnitId: account.role === 'supervisor' ? account.unitId! : null,
    badgeNumber: account.role === 'officer' ? account.badgeNo! : null,
    mustChangePassword: true,
  };
}

/** The data of a USER_CREATED audit entry: the account as given, never a password. */
export function userCreatedData(account: NewAccount) {
  const { displayName, ...rest } = account;
  return { ...rest, displayName };
}
