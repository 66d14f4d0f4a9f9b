import type { ImportedAccount } from '@qinqing/domain';
import type { Tx } from '../database/transactions';
import { unitCreatedData, unitUpdatedData } from '../units/unit-records';
import {
  issueOneTimePassword,
  type NewAccount,
  newUserRow,
  userCreatedData,
} from '../users/account-records';
import type { User } from '../users/user.entity';
import type { AccountsPlan, AccountUpdate } from './accounts-sheets';
import type { MasterDataTables } from './snapshot';
import type { UnitsPlan } from './units-sheet';

/** Appends one audit entry of the import (its importId added). */
export type Append = (
  action: string,
  subjectType: string,
  subjectId: string,
  data: object,
) => Promise<unknown>;

/** New units (parents first) and moves, audited as the units endpoint audits them. */
export async function applyUnits(
  { units }: MasterDataTables,
  tx: Tx,
  append: Append,
  plan: UnitsPlan,
): Promise<void> {
  for (const unit of plan.creates) {
    await units.insert({ ...unit, active: true }, tx);
    await append('UNIT_CREATED', 'unit', unit.id, unitCreatedData(unit));
  }
  for (const move of plan.moves) {
    await units.setParent(move.unit.id, move.parentId, tx);
    await append(
      'UNIT_UPDATED',
      'unit',
      move.unit.id,
      unitUpdatedData({ parentId: move.unit.parentId }, { parentId: move.parentId }),
    );
  }
}

/** Names the answer gives an account's unit and firms. */
export interface Names {
  unit(id: string): string;
  firm(uscc: string): string;
}

/** New officers (with one-time passwords) and changed ones; answers the new accounts once. */
export async function applyOfficers(
  { users }: MasterDataTables,
  tx: Tx,
  append: Append,
  plan: AccountsPlan,
  names: Names,
): Promise<ImportedAccount[]> {
  const issued: ImportedAccount[] = [];
  const accounts = plan.officerCreates.map((o) => ({
    id: o.id,
    account: {
      username: o.username,
      displayName: o.displayName,
      role: 'officer',
      unitId: o.unitId,
      badgeNo: o.badgeNo,
      ...(o.phone ? { phone: o.phone } : {}),
    } satisfies NewAccount,
  }));
  const passwords = await createAccounts(users, tx, append, accounts);
  for (const [i, { id, account }] of accounts.entries()) {
    issued.push({
      userId: id,
      username: account.username,
      displayName: account.displayName,
      role: 'officer',
      unit: names.unit(account.unitId),
      firms: [],
      oneTimePassword: passwords[i],
    });
  }
  for (const update of plan.officerUpdates) await updateAccount(users, tx, append, update);
  return issued;
}

/** New firm contacts and changed ones (new bindings added), after the firms exist. */
export async function applyContacts(
  { users }: MasterDataTables,
  tx: Tx,
  append: Append,
  plan: AccountsPlan,
  firmIds: Map<string, string>,
  names: Names,
): Promise<ImportedAccount[]> {
  const accounts = plan.contactCreates.map((c) => ({
    id: c.id,
    account: {
      username: c.username,
      displayName: c.displayName,
      role: 'enterprise',
      enterpriseIds: c.usccs.map((uscc) => firmIds.get(uscc)!),
      ...(c.phone ? { phone: c.phone } : {}),
    } satisfies NewAccount,
  }));
  const passwords = await createAccounts(users, tx, append, accounts, async (id, account) =>
    users.addFirms(id, account.enterpriseIds ?? [], tx),
  );
  const issued = plan.contactCreates.map((c, i) => ({
    userId: c.id,
    username: c.username,
    displayName: c.displayName,
    role: 'enterprise' as const,
    unit: null,
    firms: c.usccs.map((uscc) => names.firm(uscc)),
    oneTimePassword: passwords[i],
  }));
  for (const update of plan.contactUpdates) {
    const added = update.addUsccs.map((uscc) => firmIds.get(uscc)!);
    if (added.length > 0) {
      await users.addFirms(update.account.id, added, tx);
      update.before.enterpriseIds = update.account.firmIds;
      update.after.enterpriseIds = [...update.account.firmIds, ...added].sort();
    }
    await updateAccount(users, tx, append, update);
  }
  return issued;
}

/**
 * Inserts accounts, each with a new one-time password (hashed here, several at once: argon2 runs
 * on the thread pool), audited USER_CREATED as POST /users audits; answers the passwords.
 */
async function createAccounts(
  users: MasterDataTables['users'],
  tx: Tx,
  append: Append,
  accounts: { id: string; account: NewAccount }[],
  afterInsert?: (id: string, account: NewAccount) => Promise<void>,
): Promise<string[]> {
  const issued = await Promise.all(accounts.map(() => issueOneTimePassword()));
  for (const [i, { id, account }] of accounts.entries()) {
    await users.insert({ id, ...newUserRow(account, issued[i].passwordHash) }, tx);
    await afterInsert?.(id, account);
    await append('USER_CREATED', 'user', id, userCreatedData(account));
  }
  return issued.map((p) => p.password);
}

const COLUMN_OF: Record<string, keyof User> = {
  displayName: 'name',
  unitId: 'unitId',
  phone: 'phone',
};

async function updateAccount(
  users: MasterDataTables['users'],
  tx: Tx,
  append: Append,
  update: AccountUpdate,
): Promise<void> {
  const columns: Partial<Record<keyof User, unknown>> = {};
  for (const [field, value] of Object.entries(update.after)) {
    if (COLUMN_OF[field]) columns[COLUMN_OF[field]] = value;
  }
  if (Object.keys(columns).length > 0) {
    await users.setColumns(update.account.id, columns as Partial<User>, tx);
  }
  await append('USER_UPDATED', 'user', update.account.id, {
    before: update.before,
    after: update.after,
  });
}
