import 'reflect-metadata';
import { USERNAME_PATTERN, USERNAME_RULE } from '@qinqing/domain';
import { parseArgs } from 'node:util';
import { createApp } from '../bootstrap';
import { validateEnv } from '../config/env';
import { startEmbeddedDatabase } from '../database/embedded/embedded-database';
import { AdminCreationRefused, createFirstAdmin } from './first-admin';

/**
 * `npm run admin:create -- --username <name> [--name <姓名>] [--force]`: the first administrator
 * of a database without one (a bureau's production database has no demo accounts). On the
 * database the API uses (DATABASE_URL, or the embedded one in DATA_DIR: stop the API first),
 * migrated first as the API does at start. Prints a one-time password, to be changed at the
 * first login. Refuses while an active administrator exists, unless --force (first-admin.ts says
 * what it does then).
 * Exit codes: 0 done, 1 refused or failed, 2 wrong arguments.
 */

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
    const outcome = await createFirstAdmin(app, {
      username,
      displayName,
      force: Boolean(args.force),
    });
    const password = outcome.oneTimePassword;
    process.stdout.write(
      `${outcome.reset ? '已重置管理员账号 Administrator reset' : '已创建管理员账号 Administrator created'}: ${outcome.username}\n` +
        `一次性密码 One-time password: ${password}\n` +
        `请用它登录并立即设置新密码；此密码不会再次显示。\n` +
        `Log in with it and set a new password at once; it is not shown again.\n`,
    );
    return 0;
  } catch (error) {
    if (error instanceof AdminCreationRefused) {
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
