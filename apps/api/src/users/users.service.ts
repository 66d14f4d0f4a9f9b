import { Injectable } from '@nestjs/common';
import {
  type CreatedUser,
  PAGE_SIZE,
  type ParsedBody,
  type ParsedQuery,
  type Role,
  type UserAccount,
} from '@qinqing/domain';
import { DataSource, type EntityManager, In } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { decodeCursor, encodeCursor } from '../common/cursor';
import { DomainException } from '../common/errors/domain.exception';
import { Enterprise } from '../enterprises/enterprise.entity';
import { activeUnit } from '../units/units.service';
import { issueOneTimePassword, newUserRow, setFirms, userCreatedData } from './account-records';
import { User } from './user.entity';
import { asTx } from '../database/transactions';

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
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async create(dto: ParsedBody<'createUser'>, actorId: string): Promise<CreatedUser> {
    requireFieldsOf(dto.role, dto, true);
    const { password, passwordHash } = await issueOneTimePassword();
    const id = await this.dataSource.transaction(async (manager) => {
      // Usernames are unique without regard to case: two creations at once are told apart here.
      await manager.query('LOCK TABLE app_user IN SHARE ROW EXCLUSIVE MODE');
      const taken = await manager
        .getRepository(User)
        .createQueryBuilder('u')
        .where('lower(u.username) = lower(:username)', { username: dto.username })
        .getExists();
      if (taken) throw new DomainException('USERNAME_TAKEN', { field: 'username' });
      if (dto.unitId) await activeUnit(manager, dto.unitId, 'unitId');
      if (dto.enterpriseIds) await requireFirms(manager, dto.enterpriseIds);
      if (dto.badgeNo) await requireFreeBadge(manager, dto.badgeNo, null);
      const user = await saveUnique(() =>
        manager.save(manager.create(User, newUserRow(dto, passwordHash))),
      );
      if (dto.enterpriseIds) await setFirms(manager, user.id, dto.enterpriseIds);
      await this.audit.append(asTx(manager), {
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
    const params: unknown[] = [];
    const where: string[] = [];
    const param = (value: unknown) => `$${params.push(value)}`;
    if (filters.role) where.push(`u.role = ${param(filters.role)}`);
    if (filters.active) where.push(`u.active = ${param(filters.active === 'true')}`);
    if (filters.unitId) {
      where.push(
        `coalesce(u.unit_id, u.jurisdiction_unit_id) IN (
           WITH RECURSIVE sub AS (SELECT id FROM unit WHERE id = ${param(filters.unitId)}
             UNION SELECT c.id FROM unit c JOIN sub ON c.parent_id = sub.id)
           SELECT id FROM sub)`,
      );
    }
    if (filters.q) {
      const like = param(`%${filters.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
      where.push(
        `(u.username ILIKE ${like} OR u.name ILIKE ${like} OR u.badge_number ILIKE ${like} OR u.phone ILIKE ${like})`,
      );
    }
    if (filters.cursor) {
      const cursor = decodeCursor(filters.cursor);
      where.push(
        `(${CREATED_MS}, u.id) < (${param(new Date(cursor.t))}::timestamptz, ${param(cursor.id)}::uuid)`,
      );
    }
    const rows = await this.dataSource.query(
      `${ACCOUNT_SELECT} ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY ${CREATED_MS} DESC, u.id DESC LIMIT ${param(limit + 1)}`,
      params,
    );
    const page = (rows as AccountRow[]).slice(0, limit).map(toAccount);
    const last = rows.length > limit ? (rows as AccountRow[])[limit - 1] : undefined;
    return {
      items: page,
      nextCursor: last ? encodeCursor({ t: last.createdAt.toISOString(), id: last.id }) : null,
    };
  }

  async get(id: string, manager: EntityManager = this.dataSource.manager): Promise<UserAccount> {
    const [row] = (await manager.query(`${ACCOUNT_SELECT} WHERE u.id = $1`, [id])) as AccountRow[];
    if (!row) throw new DomainException('NOT_FOUND');
    return toAccount(row);
  }

  async update(id: string, dto: ParsedBody<'updateUser'>, actorId: string): Promise<UserAccount> {
    return this.dataSource.transaction(async (manager) => {
      const user = await manager
        .getRepository(User)
        .createQueryBuilder('u')
        .setLock('for_no_key_update')
        .where('u.id = :id', { id })
        .getOne();
      if (!user) throw new DomainException('NOT_FOUND');
      requireFieldsOf(user.role, dto, false);
      if (dto.active === false && id === actorId) {
        throw fieldError('active', '不能停用自己的账号');
      }
      const current = await this.get(id, manager);
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
        await activeUnit(manager, dto.unitId, 'unitId');
        if (user.role === 'officer') user.unitId = dto.unitId;
        else user.jurisdictionUnitId = dto.unitId;
      }
      if (dto.badgeNo !== undefined && note('badgeNo', dto.badgeNo)) {
        await requireFreeBadge(manager, dto.badgeNo, id);
        user.badgeNumber = dto.badgeNo;
      }
      if (dto.active !== undefined && note('active', dto.active)) {
        user.active = dto.active;
        // a deactivation ends every session for good: reactivating does not revive old tokens
        if (!dto.active) user.credentialsVersion += 1;
      }
      const firms = dto.enterpriseIds && [...new Set(dto.enterpriseIds)].sort();
      if (firms && note('enterpriseIds', firms)) {
        await requireFirms(manager, firms);
        await setFirms(manager, id, firms);
      }
      if (Object.keys(after).length > 0) {
        await saveUnique(() => manager.save(user));
        await this.audit.append(asTx(manager), {
          actorId,
          action: 'USER_UPDATED',
          subjectType: 'user',
          subjectId: id,
          data: { before, after },
        });
      }
      return this.get(id, manager);
    });
  }

  /** A new one-time password; the account must change it at its next login. */
  async resetPassword(id: string, actorId: string): Promise<{ oneTimePassword: string }> {
    const { password, passwordHash } = await issueOneTimePassword();
    await this.dataSource.transaction(async (manager) => {
      const result = await manager.update(
        User,
        { id },
        {
          passwordHash,
          mustChangePassword: true,
          // the account's sessions end: whoever held them must log in with the new password
          credentialsVersion: () => 'credentials_version + 1',
        },
      );
      if (!result.affected) throw new DomainException('NOT_FOUND');
      await this.audit.append(asTx(manager), {
        actorId,
        action: 'USER_PASSWORD_RESET',
        subjectType: 'user',
        subjectId: id,
        data: {},
      });
    });
    return { oneTimePassword: password };
  }
}

/** The creation time as the cursor carries it (milliseconds: PostgreSQL keeps microseconds). */
const CREATED_MS = `date_trunc('milliseconds', u.created_at)`;

const ACCOUNT_SELECT = `
  SELECT u.id, u.username, u.name, u.role, u.active, u.unit_id AS "unitId",
         u.jurisdiction_unit_id AS "jurisdictionUnitId", u.badge_number AS "badgeNumber",
         u.phone, u.must_change_password AS "mustChangePassword",
         u.created_at AS "createdAt", u.updated_at AS "updatedAt",
         coalesce((SELECT array_agg(m.enterprise_id::text ORDER BY m.enterprise_id)
                     FROM enterprise_member m WHERE m.user_id = u.id), '{}') AS "enterpriseIds"
    FROM app_user u`;

interface AccountRow {
  id: string;
  username: string;
  name: string;
  role: Role;
  active: boolean;
  unitId: string | null;
  jurisdictionUnitId: string | null;
  badgeNumber: string | null;
  phone: string | null;
  mustChangePassword: boolean;
  createdAt: Date;
  updatedAt: Date;
  enterpriseIds: string[];
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

async function requireFirms(manager: EntityManager, ids: string[]): Promise<void> {
  const found = await manager.getRepository(Enterprise).findBy({ id: In(ids) });
  const missing = [...new Set(ids)].filter((id) => !found.some((f) => f.id === id));
  if (missing.length > 0) throw fieldError('enterpriseIds', `找不到企业 ${missing.join('、')}`);
}

async function requireFreeBadge(manager: EntityManager, badge: string, self: string | null) {
  const holder = await manager.getRepository(User).findOneBy({ badgeNumber: badge });
  if (holder && holder.id !== self) throw badgeTaken();
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
