import { randomUUID } from 'node:crypto';
import {
  FIELD_LIMITS,
  PHONE_PATTERN,
  PHONE_RULE,
  ROLE_LABELS,
  USERNAME_PATTERN,
  USERNAME_RULE,
} from '@qinqing/domain';
import type { RawRow } from './parse';
import {
  CONTACT_COLUMNS,
  CONTACT_SHEET,
  type ImportProblem,
  OFFICER_COLUMNS,
  OFFICER_SHEET,
} from './sheets';
import type { AccountState, Snapshot } from './snapshot';
import { duplicateFinder, RowCheck, unitCell, type UnitRef } from './validate';

export interface OfficerCreate {
  id: string;
  username: string;
  displayName: string;
  unitId: string;
  badgeNo: string;
  phone: string | null;
}

export interface ContactCreate {
  id: string;
  username: string;
  displayName: string;
  phone: string | null;
  usccs: string[];
}

/** Changed fields of an existing account, in the words of UserAccount (as USER_UPDATED logs). */
export interface AccountUpdate {
  account: AccountState;
  before: Record<string, unknown>;
  after: Record<string, unknown>;
  /** firm contacts: firms to bind besides those already bound (by USCC) */
  addUsccs: string[];
}

export interface AccountsPlan {
  officerCreates: OfficerCreate[];
  officerUpdates: AccountUpdate[];
  officersUnchanged: number;
  contactCreates: ContactCreate[];
  contactUpdates: AccountUpdate[];
  contactsUnchanged: number;
}

const key = (username: string) => username.toLowerCase();

/**
 * Checks and plans the 执法人员 sheet (officers matched by 执法证号; name, unit and phone updated)
 * and the 企业联系人 sheet (enterprise accounts matched by username; one account per username,
 * bound to the firms of all its rows: bindings are added, never removed).
 */
export function planAccounts(
  sheets: { officers: RawRow[]; contacts: RawRow[] },
  snapshot: Snapshot,
  units: UnitRef[],
  knownFirm: (uscc: string) => boolean,
  problems: ImportProblem[],
): AccountsPlan {
  const plan: AccountsPlan = {
    officerCreates: [],
    officerUpdates: [],
    officersUnchanged: 0,
    contactCreates: [],
    contactUpdates: [],
    contactsUnchanged: 0,
  };
  const byUsername = new Map(snapshot.accounts.map((a) => [key(a.username), a]));
  const officerUsernames = new Map<string, number>();
  const badgeDuplicate = duplicateFinder(OFFICER_SHEET, OFFICER_COLUMNS.badgeNo, '执法证号', {
    problems,
  });
  for (const raw of sheets.officers) {
    const row = new RowCheck(OFFICER_SHEET, raw, problems);
    const badgeNo = row.text('badgeNo');
    const displayName = row.text('name');
    const unitId = unitCell(row, 'unit', units);
    const username = usernameCell(row);
    const phone = phoneCell(row);
    if (badgeNo !== undefined && badgeDuplicate(badgeNo, raw.row, badgeNo)) continue;
    const existing = snapshot.accounts.find(
      (a) => a.role === 'officer' && a.badgeNumber === badgeNo,
    );
    if (unitId && unitId !== existing?.unitId && !units.find((u) => u.id === unitId)?.active) {
      row.problem('unit', `执法单位“${row.cell('unit')}”已撤销，不能再安排人员`);
    }
    if (username !== undefined) {
      const first = officerUsernames.get(key(username));
      if (first !== undefined) row.problem('username', `用户名与第${first}行重复`);
      else officerUsernames.set(key(username), raw.row);
      const holder = byUsername.get(key(username));
      if (existing && key(existing.username) !== key(username)) {
        row.problem(
          'username',
          `执法证号“${badgeNo}”已登记在账号“${existing.username}”上：用户名不能通过导入修改`,
        );
      } else if (!existing && holder) row.problem('username', takenMessage(username, holder));
    }
    if (!row.ok || !badgeNo || !displayName || !unitId || !username) continue;
    if (existing) {
      const update = changes(existing, { displayName, unitId, phone });
      if (update) plan.officerUpdates.push(update);
      else plan.officersUnchanged++;
    } else {
      plan.officerCreates.push({ id: randomUUID(), username, displayName, unitId, badgeNo, phone });
    }
  }
  planContacts(sheets.contacts, snapshot, knownFirm, officerUsernames, plan, problems);
  return plan;
}

interface ContactGroup {
  first: RowCheck;
  username: string;
  displayName: string;
  phone: string | null;
  usccs: string[];
  ok: boolean;
}

function planContacts(
  rows: RawRow[],
  snapshot: Snapshot,
  knownFirm: (uscc: string) => boolean,
  officerUsernames: Map<string, number>,
  plan: AccountsPlan,
  problems: ImportProblem[],
): void {
  const byUsername = new Map(snapshot.accounts.map((a) => [key(a.username), a]));
  const groups = new Map<string, ContactGroup>();
  const pairDuplicate = duplicateFinder(CONTACT_SHEET, CONTACT_COLUMNS.uscc, '同一联系人的企业', {
    problems,
  });
  for (const raw of rows) {
    const row = new RowCheck(CONTACT_SHEET, raw, problems);
    const username = usernameCell(row);
    const displayName = row.text('name');
    const uscc = row.uscc();
    if (uscc && !knownFirm(uscc)) {
      row.problem('uscc', '找不到该企业：请先在“企业”工作表中登记该企业');
    }
    const phone = phoneCell(row);
    if (username === undefined) continue;
    if (officerUsernames.has(key(username))) {
      row.problem(
        'username',
        `用户名与“执法人员”工作表第${officerUsernames.get(key(username))}行重复`,
      );
    }
    const holder = byUsername.get(key(username));
    if (holder && holder.role !== 'enterprise') {
      row.problem('username', takenMessage(username, holder));
    }
    if (uscc && pairDuplicate(`${key(username)}\u0000${uscc}`, raw.row, uscc)) continue;
    const group = groups.get(key(username));
    if (!group) {
      groups.set(key(username), {
        first: row,
        username,
        displayName: displayName ?? '',
        phone,
        usccs: uscc ? [uscc] : [],
        ok: row.ok,
      });
      continue;
    }
    if (displayName !== undefined && displayName !== group.displayName) {
      row.problem(
        'name',
        `同一用户名的姓名与第${group.first.raw.row}行（${group.displayName}）不一致`,
      );
    }
    if (phone && group.phone && phone !== group.phone) {
      row.problem('phone', `同一用户名的手机与第${group.first.raw.row}行（${group.phone}）不一致`);
    }
    group.phone ??= phone;
    if (uscc) group.usccs.push(uscc);
    group.ok &&= row.ok;
  }
  const usccOf = new Map(snapshot.firms.map((f) => [f.id, f.uscc]));
  for (const group of groups.values()) {
    const existing = byUsername.get(key(group.username));
    const bound = existing ? existing.firmIds.map((id) => usccOf.get(id)!) : [];
    const addUsccs = group.usccs.filter((u) => !bound.includes(u));
    if (bound.length + addUsccs.length > FIELD_LIMITS.firmsPerAccount) {
      group.first.problem('uscc', `一个账号最多绑定${FIELD_LIMITS.firmsPerAccount}家企业`);
    }
    if (!existing && !group.phone) {
      group.first.problem('phone', '新建的企业联系人须填写手机', '');
    }
    if (!group.ok || !group.first.ok) continue;
    if (!existing) {
      plan.contactCreates.push({
        id: randomUUID(),
        username: group.username,
        displayName: group.displayName,
        phone: group.phone,
        usccs: group.usccs,
      });
      continue;
    }
    const update = changes(existing, { displayName: group.displayName, phone: group.phone });
    if (!update && addUsccs.length === 0) plan.contactsUnchanged++;
    else plan.contactUpdates.push({ ...(update ?? blankUpdate(existing)), addUsccs });
  }
}

function usernameCell(row: RowCheck): string | undefined {
  const value = row.text('username');
  if (value === undefined) return undefined;
  if (!USERNAME_PATTERN.test(value)) {
    row.problem('username', USERNAME_RULE);
    return undefined;
  }
  return value;
}

/** An optional phone; null when blank (keep as it is). */
function phoneCell(row: RowCheck): string | null {
  const value = row.cell('phone');
  if (value === '') return null;
  if (!PHONE_PATTERN.test(value)) {
    row.problem('phone', `${PHONE_RULE}（应为 3–20 位数字，可含 + - 和空格）`);
    return null;
  }
  return value;
}

function takenMessage(username: string, holder: AccountState): string {
  return holder.role === 'officer'
    ? `用户名“${username}”已被执法人员${holder.name}（执法证号 ${holder.badgeNumber ?? '无'}）使用`
    : `用户名“${username}”已被${ROLE_LABELS[holder.role]}账号“${holder.name}”使用`;
}

/** The fields given that differ from the account's; a blank phone keeps the one stored. */
function changes(
  account: AccountState,
  given: { displayName: string; unitId?: string; phone: string | null },
): AccountUpdate | undefined {
  const update = blankUpdate(account);
  const note = (field: string, stored: unknown, value: unknown) => {
    if (value === undefined || value === null || value === stored) return;
    update.before[field] = stored;
    update.after[field] = value;
  };
  note('displayName', account.name, given.displayName);
  note('unitId', account.unitId, given.unitId);
  note('phone', account.phone, given.phone);
  return Object.keys(update.after).length > 0 ? update : undefined;
}

function blankUpdate(account: AccountState): AccountUpdate {
  return { account, before: {}, after: {}, addUsccs: [] };
}
