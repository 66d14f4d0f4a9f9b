import { Injectable } from '@nestjs/common';
import {
  type CreatedUser,
  PAGE_SIZE,
  type ParsedBody,
  type ParsedQuery,
  type Role,
  type UserAccount,
} from '@qinqing/domain';
import { AuditService } from '../audit/audit.service';
import { decodeCursor, encodeCursor } from '../common/cursor';
import { DomainException } from '../common/errors/domain.exception';
import { Transactions, type Tx } from '../database/transactions';
import { EnterprisesRepository } from '../enterprises/enterprises.repository';
import { UnitsService } from '../units/units.service';
import { issueOneTimePassword, newUserRow, userCreatedData } from './account-records';
import { type AccountRow, UsersRepository } from './users.repository';

type AccountFields = Partial<
  Pick<ParsedBody<'createUser'>, 'unitId' | 'badgeNo' | 'enterpriseIds'>
>;

/**
 * Accounts, administered by admins: created with a one-time password (shown once, stored only as
 * its hash), changed, deactivated and given new one-time passwords. A deactivation or a reset
 * raises the account's credentials version, which ends its sessions at once (the authenticator
 * reads `active` and the version on every request, the refresh too). Every change is an audit
 * entry without any password.
 */
@Injectable()
export class UsersService {
  constructor(
    private readonly users: UsersRepository,
    private readonly firms: EnterprisesRepository,
    private readonly units: UnitsService,
    private readonly transactions: Transactions,
    private readonly audit: AuditService,
  ) {}

  async create(dto: ParsedBody<'createUser'>, actorId: string): Promise<CreatedUser> {
    requireFieldsOf(dto.role, dto, true);
    const { password, passwordHash } = await issueOneTimePassword();
    const id = await this.transactions.run(async (tx) => {
      // Usernames are unique without regard to case: two creations at once are told apart here.
      await this.users.lockAccounts(tx);
      const taken = await this.users.usernameTaken(dto.username, tx);
      if (taken) throw new DomainException('USERNAME_TAKEN', { field: 'username' });
      if (dto.unitId) await this.units.activeUnit(dto.unitId, 'unitId', tx);
      if (dto.enterpriseIds) await this.requireFirms(dto.enterpriseIds, tx);
      if (dto.badgeNo) await this.requireFreeBadge(dto.badgeNo, null, tx);
      const user = await saveUnique(() => this.users.create(newUserRow(dto, passwordHash), tx));
      if (dto.enterpriseIds) await this.users.setFirms(user.id, dto.enterpriseIds, tx);
      await this.audit.append(tx, {
        actorId,
        action: 'USER_CREATED',
        subjectType: 'user',
        subjectId: user.id,
        data: userCreatedData(dto),
      });
      return user.id;
    });
    return { user: await this.get(id), oneTimePassword: password };
  }

  async list(filters: ParsedQuery<'listUsers'>): Promise<{
    items: UserAccount[];
    nextCursor: string | null;
  }> {
    const limit = filters.limit ?? PAGE_SIZE.default;
    const cursor = filters.cursor ? decodeCursor(filters.cursor) : undefined;
    const rows = await this.users.accounts({
      role: filters.role,
      active: filters.active ? filters.active === 'true' : undefined,
      unitId: filters.unitId,
      q: filters.q,
      before: cursor && { createdAt: new Date(cursor.t), id: cursor.id },
      limit: limit + 1,
    });
    const page = rows.slice(0, limit).map(toAccount);
    const last = rows.length > limit ? rows[limit - 1] : undefined;
    return {
      items: page,
      nextCursor: last ? encodeCursor({ t: last.createdAt.toISOString(), id: last.id }) : null,
    };
  }

  async get(id: string, tx?: Tx): Promise<UserAccount> {
    const row = await this.users.account(id, tx);
    if (!row) throw new DomainException('NOT_FOUND');
    return toAccount(row);
  }

  async update(id: string, dto: ParsedBody<'updateUser'>, actorId: string): Promise<UserAccount> {
    return this.transactions.run(async (tx) => {
      const user = await this.users.lockForUpdate(id, tx);
      if (!user) throw new DomainException('NOT_FOUND');
      requireFieldsOf(user.role, dto, false);
      if (dto.active === false && id === actorId) {
        throw fieldError('active', '不能停用自己的账号');
      }
      const current = await this.get(id, tx);
      const before: Record<string, unknown> = {};
      const after: Record<string, unknown> = {};
      const note = (key: keyof UserAccount, value: unknown) => {
        if (JSON.stringify(current[key]) === JSON.stringify(value)) return false;
        before[key] = current[key];
        after[key] = value;
        return true;
      };
      if (dto.displayName !== undefined && note('displayName', dto.displayName)) {
        user.name = dto.displayName;
      }
      if (dto.phone !== undefined && note('phone', dto.phone)) user.phone = dto.phone;
      if (dto.unitId !== undefined && note('unitId', dto.unitId)) {
        await this.units.activeUnit(dto.unitId, 'unitId', tx);
        if (user.role === 'officer') user.unitId = dto.unitId;
        else user.jurisdictionUnitId = dto.unitId;
      }
      if (dto.badgeNo !== undefined && note('badgeNo', dto.badgeNo)) {
        await this.requireFreeBadge(dto.badgeNo, id, tx);
        user.badgeNumber = dto.badgeNo;
      }
      if (dto.active !== undefined && note('active', dto.active)) {
        user.active = dto.active;
        // a deactivation ends every session for good: reactivating does not revive old tokens
        if (!dto.active) user.credentialsVersion += 1;
      }
      const firms = dto.enterpriseIds && [...new Set(dto.enterpriseIds)].sort();
      if (firms && note('enterpriseIds', firms)) {
        await this.requireFirms(firms, tx);
        await this.users.setFirms(id, firms, tx);
      }
      if (Object.keys(after).length > 0) {
        await saveUnique(() => this.users.save(user, tx));
        await this.audit.append(tx, {
          actorId,
          action: 'USER_UPDATED',
          subjectType: 'user',
          subjectId: id,
          data: { before, after },
        });
      }
      return this.get(id, tx);
    });
  }

  /** A new one-time password; the account must change it at its next login. */
  async resetPassword(id: string, actorId: string): Promise<{ oneTimePassword: string }> {
    const { password, passwordHash } = await issueOneTimePassword();
    await this.transactions.run(async (tx) => {
      // the account's sessions end: whoever held them must log in with the new password
      const found = await this.users.setPassword(id, passwordHash, true, tx);
      if (!found) throw new DomainException('NOT_FOUND');
      await this.audit.append(tx, {
        actorId,
        action: 'USER_PASSWORD_RESET',
        subjectType: 'user',
        subjectId: id,
        data: {},
      });
    });
    return { oneTimePassword: password };
  }

  private async requireFirms(ids: string[], tx: Tx): Promise<void> {
    const found = await this.firms.byIds(ids, tx);
    const missing = [...new Set(ids)].filter((id) => !found.some((f) => f.id === id));
    if (missing.length > 0) throw fieldError('enterpriseIds', `找不到企业 ${missing.join('、')}`);
  }

  private async requireFreeBadge(badge: string, self: string | null, tx: Tx): Promise<void> {
    const holder = await this.users.badgeHolder(badge, tx);
    if (holder && holder.id !== self) throw badgeTaken();
  }
}

function toAccount(row: AccountRow): UserAccount {
  return {
    id: row.id,
    username: row.username,
    displayName: row.name,
    role: row.role,
    active: row.active,
    unitId: row.role === 'supervisor' ? row.jurisdictionUnitId : row.unitId,
    badgeNo: row.badgeNumber,
    enterpriseIds: row.enterpriseIds,
    phone: row.phone,
    mustChangePassword: row.mustChangePassword,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/**
 * What each role needs and may have: an officer a unit and a 执法证号; a supervisor a unit (his
 * jurisdiction); an enterprise user his firms; an admin none of them.
 */
function requireFieldsOf(role: Role, fields: AccountFields, creating: boolean): void {
  const errors: { field: string; message: string }[] = [];
  const needs = {
    unitId: role === 'officer' || role === 'supervisor',
    badgeNo: role === 'officer',
    enterpriseIds: role === 'enterprise',
  };
  const missing = {
    unitId: role === 'officer' ? '执法人员须有所属单位' : '监督人员须有监督范围（单位）',
    badgeNo: '执法人员须有执法证号',
    enterpriseIds: '企业管理人员须绑定至少一家企业',
  };
  const notFor = {
    unitId: '该角色没有所属单位',
    badgeNo: '只有执法人员有执法证号',
    enterpriseIds: '只有企业管理人员绑定企业',
  };
  for (const key of ['unitId', 'badgeNo', 'enterpriseIds'] as const) {
    const given = fields[key] !== undefined;
    if (needs[key] && creating && !given) errors.push({ field: key, message: missing[key] });
    if (!needs[key] && given) errors.push({ field: key, message: notFor[key] });
  }
  if (errors.length > 0) throw new DomainException('VALIDATION_FAILED', { errors });
}

const badgeTaken = () =>
  new DomainException('CONFLICT', {
    errors: [{ field: 'badgeNo', message: '该执法证号已登记在其他账号上' }],
  });

/** Saves, answering a unique violation of a concurrent twin as the conflict it is. */
async function saveUnique<T>(save: () => Promise<T>): Promise<T> {
  try {
    return await save();
  } catch (error) {
    const { code, detail } =
      (error as { driverError?: { code?: string; detail?: string } }).driverError ?? {};
    if (code !== '23505') throw error;
    if (detail?.includes('badge_number')) throw badgeTaken();
    throw new DomainException('USERNAME_TAKEN', { field: 'username' });
  }
}

function fieldError(field: string, message: string): DomainException {
  return new DomainException('VALIDATION_FAILED', { errors: [{ field, message }] });
}
