import type { INestApplicationContext } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import { Transactions } from '../database/transactions';
import { issueOneTimePassword } from './account-records';
import { UsersRepository } from './users.repository';

/** Why admin:create created nothing, in Chinese and English (the CLI prints it, exit code 1). */
export class AdminCreationRefused extends Error {}

export interface CreatedAdmin {
  username: string;
  /** an existing administrator was given a new one-time password (and reactivated) */
  reset: boolean;
  oneTimePassword: string;
}

/**
 * The first administrator of a database without one (`npm run admin:create`, create-admin.ts),
 * on a started application. Refuses while an active administrator exists, unless `force`: then
 * it adds another, or gives an existing administrator of that username a new one-time password
 * (reactivating him and ending his sessions) — the way back in when every administrator's
 * password is lost. `username` must already follow USERNAME_PATTERN.
 */
export async function createFirstAdmin(
  app: INestApplicationContext,
  args: { username: string; displayName: string; force: boolean },
): Promise<CreatedAdmin> {
  const { password, passwordHash } = await issueOneTimePassword();
  const audit = app.get(AuditService);
  const users = app.get(UsersRepository);
  const outcome = await app.get(Transactions).run(async (tx) => {
    // One at a time, and against an API creating accounts at the same moment.
    await users.lockAccounts(tx);
    const admins = await users.activeAdminUsernames(tx);
    if (admins.length > 0 && !args.force) {
      throw new AdminCreationRefused(
        `已有在用的管理员账号（${admins.join('、')}），未创建新账号。` +
          `如确需再建一个或找回管理员，请加 --force。\n` +
          `An active administrator already exists (${admins.join(', ')}); ` +
          `nothing was created. Add --force to create another or to reset that administrator.`,
      );
    }
    const existing = await users.byUsername(args.username, tx);
    if (existing && existing.role !== 'admin') {
      throw new AdminCreationRefused(
        `用户名 ${existing.username} 已被非管理员账号使用，请换一个用户名。\n` +
          `The username ${existing.username} belongs to an account that is not an administrator; choose another.`,
      );
    }
    if (existing && !args.force) {
      throw new AdminCreationRefused(
        `管理员账号 ${existing.username} 已存在（已停用）。如需重新启用并重置其密码，请加 --force。\n` +
          `The administrator ${existing.username} exists (deactivated). Add --force to reactivate it with a new password.`,
      );
    }
    const saved = existing
      ? await users.save(
          Object.assign(existing, {
            passwordHash,
            active: true,
            mustChangePassword: true,
            credentialsVersion: existing.credentialsVersion + 1,
          }),
          tx,
        )
      : await users.create(
          {
            username: args.username,
            passwordHash,
            role: 'admin',
            name: args.displayName,
            mustChangePassword: true,
          },
          tx,
        );
    await audit.append(tx, {
      actorId: null,
      action: 'ADMIN_CREATED',
      subjectType: 'user',
      subjectId: saved.id,
      data: { username: saved.username, reset: Boolean(existing), via: 'admin:create' },
    });
    return { username: saved.username, reset: Boolean(existing) };
  });
  return { ...outcome, oneTimePassword: password };
}
