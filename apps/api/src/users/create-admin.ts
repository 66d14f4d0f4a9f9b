import 'reflect-metadata';
import { USERNAME_PATTERN, USERNAME_RULE } from '@qinqing/domain';
import { parseArgs } from 'node:util';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { createApp } from '../bootstrap';
import { validateEnv } from '../config/env';
import { startEmbeddedDatabase } from '../database/embedded/embedded-database';
import { oneTimePassword } from './one-time-password';
import { hashPassword } from './password';
import { User } from './user.entity';

/**
 * `npm run admin:create -- --username <name> [--name <姓名>] [--force]`: the first administrator
 * of a database without one (a bureau's production database has no demo accounts). On the
 * database the API uses (DATABASE_URL, or the embedded one in DATA_DIR: stop the API first),
 * migrated first as the API does at start. Prints a one-time password, to be changed at the
 * first login. Refuses while an active administrator exists, unless --force: then it adds
 * another, or gives an existing administrator of that username a new one-time password (and
 * reactivates him) — the way back in when every administrator's password is lost.
 * Exit codes: 0 done, 1 refused or failed, 2 wrong arguments.
 */

class Refusal extends Error {}

const USAGE = '用法 Usage: npm run admin:create -- --username <用户名> [--name <姓名>] [--force]';

async function run(argv: string[]): Promise<number> {
  let args: { username?: string; name?: string; force?: boolean };
  try {
    args = parseArgs({
      args: argv,
      options: {
        username: { type: 'string' },
        name: { type: 'string' },
        force: { type: 'boolean', default: false },
      },
      strict: true,
    }).values;
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const username = args.username?.trim() ?? '';
  if (!USERNAME_PATTERN.test(username)) {
    console.error(
      `用户名不正确：${USERNAME_RULE}。\nInvalid username: 3-64 letters, digits or . _ -, starting with a letter or digit.\n${USAGE}`,
    );
    return 2;
  }
  const displayName = (args.name ?? '系统管理员').trim().slice(0, 64) || '系统管理员';

  const env = validateEnv(process.env);
  const embedded = env.DATABASE_URL ? undefined : await startEmbeddedDatabase(env.DATA_DIR);
  const app = await createApp({
    LOG_LEVEL: process.env.LOG_LEVEL ? env.LOG_LEVEL : 'warn',
    SCHEDULED_JOBS: false,
    ...(embedded
      ? {
          DATABASE_URL: embedded.url,
          DB_POOL_MAX: Math.min(env.DB_POOL_MAX, embedded.poolMax),
          EMBEDDED_DATABASE: true,
        }
      : {}),
  });
  try {
    await app.init(); // runs the pending migrations, as the API does at start
    const password = oneTimePassword();
    const passwordHash = await hashPassword(password);
    const audit = app.get(AuditService);
    const outcome = await app.get(DataSource).transaction(async (manager) => {
      // One at a time, and against an API creating accounts at the same moment.
      await manager.query('LOCK TABLE app_user IN SHARE ROW EXCLUSIVE MODE');
      const admins: { username: string }[] = await manager.query(
        `SELECT username FROM app_user WHERE role = 'admin' AND active ORDER BY username`,
      );
      if (admins.length > 0 && !args.force) {
        throw new Refusal(
          `已有在用的管理员账号（${admins.map((a) => a.username).join('、')}），未创建新账号。` +
            `如确需再建一个或找回管理员，请加 --force。\n` +
            `An active administrator already exists (${admins.map((a) => a.username).join(', ')}); ` +
            `nothing was created. Add --force to create another or to reset that administrator.`,
        );
      }
      const existing = await manager
        .getRepository(User)
        .createQueryBuilder('u')
        .where('lower(u.username) = lower(:username)', { username })
        .getOne();
      if (existing && existing.role !== 'admin') {
        throw new Refusal(
          `用户名 ${existing.username} 已被非管理员账号使用，请换一个用户名。\n` +
            `The username ${existing.username} belongs to an account that is not an administrator; choose another.`,
        );
      }
      if (existing && !args.force) {
        throw new Refusal(
          `管理员账号 ${existing.username} 已存在（已停用）。如需重新启用并重置其密码，请加 --force。\n` +
            `The administrator ${existing.username} exists (deactivated). Add --force to reactivate it with a new password.`,
        );
      }
      const user = existing
        ? Object.assign(existing, { passwordHash, active: true, mustChangePassword: true })
        : manager.create(User, {
            username,
            passwordHash,
            role: 'admin',
            name: displayName,
            mustChangePassword: true,
          });
      const saved = await manager.save(user);
      await audit.append(manager, {
        actorId: null,
        action: 'ADMIN_CREATED',
        subjectType: 'user',
        subjectId: saved.id,
        data: { username: saved.username, reset: Boolean(existing), via: 'admin:create' },
      });
      return { username: saved.username, reset: Boolean(existing) };
    });
    process.stdout.write(
      `${outcome.reset ? '已重置管理员账号 Administrator reset' : '已创建管理员账号 Administrator created'}: ${outcome.username}\n` +
        `一次性密码 One-time password: ${password}\n` +
        `请用它登录并立即设置新密码；此密码不会再次显示。\n` +
        `Log in with it and set a new password at once; it is not shown again.\n`,
    );
    return 0;
  } catch (error) {
    if (error instanceof Refusal) {
      console.error(error.message);
      return 1;
    }
    throw error;
  } finally {
    await app.close();
    await embedded?.stop();
  }
}

run(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
