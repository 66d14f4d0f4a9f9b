import { Injectable } from '@nestjs/common';
import type { Role } from '@qinqing/domain';
import { DataSource, In } from 'typeorm';
import { sqlOf, type Tx } from '../database/transactions';
import { EnterpriseMember } from '../enterprises/enterprise-member.entity';
import { User } from './user.entity';

/** An account as the users endpoints answer it, with its firms (enterprise_member). */
export interface AccountRow {
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

/** What GET /users filters by; `before` is the cursor's place (creation time, id). */
export interface AccountFilter {
  role?: Role;
  active?: boolean;
  /** accounts whose unit (or jurisdiction) is this unit or lies under it */
  unitId?: string;
  /** a part of the username, name, 执法证号 or phone */
  q?: string;
  before?: { createdAt: Date; id: string };
  limit: number;
}

/** What the authenticator compares with an access token's claims. */
export interface AccountCredentials {
  role: string;
  active: boolean;
  must_change_password: boolean;
  credentials_version: number;
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

/** Accounts (app_user), their firm bindings (enterprise_member). */
@Injectable()
export class UsersRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Holds new accounts back until the transaction ends: usernames are unique without regard to
   * case, so a creation checks them against a set that cannot change meanwhile.
   */
  async lockAccounts(tx: Tx): Promise<void> {
    await sqlOf(this.dataSource, tx).query('LOCK TABLE app_user IN SHARE ROW EXCLUSIVE MODE');
  }

  /** Whether an account has this username, whatever its case. */
  usernameTaken(username: string, tx?: Tx): Promise<boolean> {
    return sqlOf(this.dataSource, tx)
      .getRepository(User)
      .createQueryBuilder('u')
      .where('lower(u.username) = lower(:username)', { username })
      .getExists();
  }

  /** The account of a username, whatever its case (null: none). */
  byUsername(username: string, tx?: Tx): Promise<User | null> {
    return sqlOf(this.dataSource, tx)
      .getRepository(User)
      .createQueryBuilder('u')
      .where('lower(u.username) = lower(:username)', { username })
      .getOne();
  }

  /** Like byUsername, with the password hash (for a login). */
  byUsernameWithPassword(username: string, tx?: Tx): Promise<User | null> {
    return sqlOf(this.dataSource, tx)
      .getRepository(User)
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('lower(u.username) = lower(:username)', { username })
      .getOne();
  }

  /** An account with its password hash; throws when it does not exist. */
  byIdWithPassword(id: string, tx?: Tx): Promise<User> {
    return sqlOf(this.dataSource, tx)
      .getRepository(User)
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('u.id = :userId', { userId: id })
      .getOneOrFail();
  }

  /** Accounts with their password hashes (those of the ids that exist). */
  withPasswords(ids: string[], tx?: Tx): Promise<User[]> {
    return sqlOf(this.dataSource, tx)
      .getRepository(User)
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where({ id: In(ids) })
      .getMany();
  }

  byId(id: string, tx?: Tx): Promise<User | null> {
    return sqlOf(this.dataSource, tx).getRepository(User).findOneBy({ id });
  }

  byWechatOpenid(openid: string, tx?: Tx): Promise<User | null> {
    return sqlOf(this.dataSource, tx)
      .getRepository(User)
      .createQueryBuilder('u')
      .where('u.wechat_openid = :openid', { openid })
      .getOne();
  }

  /** The unit a user supervises (null: none); the user must exist. */
  async jurisdictionOf(id: string, tx?: Tx): Promise<string | null> {
    const user = await sqlOf(this.dataSource, tx).getRepository(User).findOneByOrFail({ id });
    return user.jurisdictionUnitId;
  }

  /** Whether an officer's account has this id. */
  isOfficer(id: string, tx?: Tx): Promise<boolean> {
    return sqlOf(this.dataSource, tx).getRepository(User).existsBy({ id, role: 'officer' });
  }

  /** The account holding a 执法证号 (null: none). */
  badgeHolder(badgeNumber: string, tx?: Tx): Promise<User | null> {
    return sqlOf(this.dataSource, tx).getRepository(User).findOneBy({ badgeNumber });
  }

  /** Usernames of the active administrators, by username. */
  async activeAdminUsernames(tx?: Tx): Promise<string[]> {
    const rows: { username: string }[] = await sqlOf(this.dataSource, tx).query(
      `SELECT username FROM app_user WHERE role = 'admin' AND active ORDER BY username`,
    );
    return rows.map((r) => r.username);
  }

  /** The account locked against concurrent changes until the transaction ends (null: none). */
  lockForUpdate(id: string, tx: Tx): Promise<User | null> {
    return sqlOf(this.dataSource, tx)
      .getRepository(User)
      .createQueryBuilder('u')
      .setLock('for_no_key_update')
      .where('u.id = :id', { id })
      .getOne();
  }

  /** Inserts a new account and answers it as saved (with its id). */
  create(row: Partial<User>, tx?: Tx): Promise<User> {
    const manager = sqlOf(this.dataSource, tx);
    return manager.save(manager.create(User, row));
  }

  /** Saves the changed columns of an account read before. */
  save(user: User, tx?: Tx): Promise<User> {
    return sqlOf(this.dataSource, tx).save(user);
  }

  /** Inserts a new account whose id is made by the caller. */
  async insert(user: Partial<User> & { id: string }, tx?: Tx): Promise<void> {
    await sqlOf(this.dataSource, tx).insert(User, user);
  }

  /** Sets columns of an account. */
  async setColumns(id: string, columns: Partial<User>, tx?: Tx): Promise<void> {
    await sqlOf(this.dataSource, tx).update(User, { id }, columns);
  }

  /**
   * Sets an account's password and whether it must change it, and raises its credentials
   * version (its sessions end). False when there is no such account.
   */
  async setPassword(
    id: string,
    passwordHash: string,
    mustChangePassword: boolean,
    tx?: Tx,
  ): Promise<boolean> {
    const result = await sqlOf(this.dataSource, tx).update(
      User,
      { id },
      { passwordHash, mustChangePassword, credentialsVersion: () => 'credentials_version + 1' },
    );
    return Boolean(result.affected);
  }

  /** Binds a WeChat account (openid) to this account only, unbinding it from any other. */
  async bindWechat(id: string, openid: string, tx: Tx): Promise<void> {
    const manager = sqlOf(this.dataSource, tx);
    await manager.query('UPDATE app_user SET wechat_openid = NULL WHERE wechat_openid = $1', [
      openid,
    ]);
    await manager.query('UPDATE app_user SET wechat_openid = $1 WHERE id = $2', [openid, id]);
  }

  /** What the authenticator checks a token against, in one indexed read (null: no account). */
  async credentialsOf(id: string, tx?: Tx): Promise<AccountCredentials | null> {
    const rows: AccountCredentials[] = await sqlOf(this.dataSource, tx).query(
      'SELECT role, active, must_change_password, credentials_version FROM app_user WHERE id = $1',
      [id],
    );
    return rows.length === 1 ? rows[0] : null;
  }

  /** One account with its firms (null: none). */
  async account(id: string, tx?: Tx): Promise<AccountRow | null> {
    const [row] = (await sqlOf(this.dataSource, tx).query(`${ACCOUNT_SELECT} WHERE u.id = $1`, [
      id,
    ])) as AccountRow[];
    return row ?? null;
  }

  /**
   * Accounts newest first (creation time, id), up to `limit`; the unit filter reads the unit tree
   * in the same statement.
   */
  async accounts(filter: AccountFilter, tx?: Tx): Promise<AccountRow[]> {
    const params: unknown[] = [];
    const where: string[] = [];
    const param = (value: unknown) => `$${params.push(value)}`;
    if (filter.role) where.push(`u.role = ${param(filter.role)}`);
    if (filter.active !== undefined) where.push(`u.active = ${param(filter.active)}`);
    if (filter.unitId) {
      where.push(
        `coalesce(u.unit_id, u.jurisdiction_unit_id) IN (
           WITH RECURSIVE sub AS (SELECT id FROM unit WHERE id = ${param(filter.unitId)}
             UNION SELECT c.id FROM unit c JOIN sub ON c.parent_id = sub.id)
           SELECT id FROM sub)`,
      );
    }
    if (filter.q) {
      const like = param(`%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
      where.push(
        `(u.username ILIKE ${like} OR u.name ILIKE ${like} OR u.badge_number ILIKE ${like} OR u.phone ILIKE ${like})`,
      );
    }
    if (filter.before) {
      where.push(
        `(${CREATED_MS}, u.id) < (${param(filter.before.createdAt)}::timestamptz, ${param(filter.before.id)}::uuid)`,
      );
    }
    return sqlOf(this.dataSource, tx).query(
      `${ACCOUNT_SELECT} ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY ${CREATED_MS} DESC, u.id DESC LIMIT ${param(filter.limit)}`,
      params,
    );
  }

  /** Every account, by username. */
  all(tx?: Tx): Promise<User[]> {
    return sqlOf(this.dataSource, tx)
      .getRepository(User)
      .find({ order: { username: 'ASC' } });
  }

  /** The number of active accounts per unit (an officer's unit, a supervisor's jurisdiction). */
  activeAccountsPerUnit(tx?: Tx): Promise<{ unitId: string; n: number }[]> {
    return sqlOf(this.dataSource, tx).query(
      `SELECT coalesce(unit_id, jurisdiction_unit_id) AS "unitId", count(*)::int AS n
         FROM app_user WHERE active AND coalesce(unit_id, jurisdiction_unit_id) IS NOT NULL
        GROUP BY 1`,
    );
  }

  /** Binds an enterprise account to exactly these firms. */
  async setFirms(userId: string, ids: string[], tx?: Tx): Promise<void> {
    const manager = sqlOf(this.dataSource, tx);
    await manager.delete(EnterpriseMember, { userId });
    await manager.insert(
      EnterpriseMember,
      [...new Set(ids)].map((enterpriseId) => ({ userId, enterpriseId })),
    );
  }

  /** Binds an enterprise account to these firms too. */
  async addFirms(userId: string, firmIds: string[], tx?: Tx): Promise<void> {
    if (firmIds.length === 0) return;
    await sqlOf(this.dataSource, tx).insert(
      EnterpriseMember,
      firmIds.map((enterpriseId) => ({ userId, enterpriseId })),
    );
  }

  /** The firm bindings of these accounts, or of every account. */
  memberships(userIds?: string[], tx?: Tx): Promise<EnterpriseMember[]> {
    const repo = sqlOf(this.dataSource, tx).getRepository(EnterpriseMember);
    return userIds ? repo.findBy({ userId: In(userIds) }) : repo.find();
  }
}
