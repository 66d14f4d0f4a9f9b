import { Injectable } from '@nestjs/common';
import { type ParsedBody, ROLE_LABELS } from '@qinqing/domain';
import { randomUUID } from 'node:crypto';
import { AuditService } from '../../audit/audit.service';
import { DomainException } from '../../common/errors/domain.exception';
import { Transactions } from '../../database/transactions';
import { EnterprisesRepository } from '../../enterprises/enterprises.repository';
import { posterFonts } from '../../gates/poster/poster-fonts';
import { UnitsRepository } from '../../units/units.repository';
import { verifyPassword } from '../password';
import type { User } from '../user.entity';
import { UsersRepository } from '../users.repository';
import { type CredentialLine, renderCredentialsPdf } from './render-credentials';

/**
 * The printable list of one-time passwords. Stateless: the admin's screen sends back the passwords
 * it was answered; only the valid, still unused one-time password of each account is printed.
 */
@Injectable()
export class CredentialsSheetService {
  constructor(
    private readonly users: UsersRepository,
    private readonly firms: EnterprisesRepository,
    private readonly units: UnitsRepository,
    private readonly transactions: Transactions,
    private readonly audit: AuditService,
  ) {}

  /** 422 CREDENTIALS_INVALID naming every row (accounts.N) whose password cannot be printed. */
  async render(body: ParsedBody<'printCredentials'>, actorId: string): Promise<Buffer> {
    const ids = body.accounts.map((a) => a.userId);
    const users = await this.users.withPasswords(ids);
    const byId = new Map(users.map((u) => [u.id, u]));
    const verdicts = await Promise.all(
      body.accounts.map(async ({ userId, oneTimePassword }, i) => {
        const user = byId.get(userId);
        if (ids.indexOf(userId) !== i) return `与第${ids.indexOf(userId) + 1}个账号重复`;
        if (!user) return '找不到该账号';
        if (!user.active) return `账号“${user.username}”已停用`;
        if (!user.mustChangePassword) return `账号“${user.username}”已修改过密码，一次性密码已失效`;
        if (!(await verifyPassword(user.passwordHash, oneTimePassword))) {
          return `账号“${user.username}”的一次性密码不正确或已被重置`;
        }
        return '';
      }),
    );
    const errors = verdicts.flatMap((message, i) =>
      message ? [{ field: `accounts.${i}`, message: `第${i + 1}个账号：${message}` }] : [],
    );
    if (errors.length > 0) throw new DomainException('CREDENTIALS_INVALID', { errors });

    const lines = await this.lines(body.accounts.map((a) => ({ ...a, user: byId.get(a.userId)! })));
    const pdf = await renderCredentialsPdf(
      { bureau: await this.bureau(), printedAt: new Date(), lines },
      posterFonts(),
    );
    const sheetId = randomUUID();
    await this.transactions.run(async (tx) => {
      for (const user of ids.map((id) => byId.get(id)!)) {
        await this.audit.append(tx, {
          actorId,
          action: 'USER_CREDENTIALS_PRINTED',
          subjectType: 'user',
          subjectId: user.id,
          data: { sheetId, username: user.username, accounts: ids.length },
        });
      }
    });
    return pdf;
  }

  private async lines(
    accounts: { user: User; oneTimePassword: string }[],
  ): Promise<CredentialLine[]> {
    const userIds = accounts.map((a) => a.user.id);
    const members = await this.users.memberships(userIds);
    const firms = await this.firms.byIds(members.map((m) => m.enterpriseId));
    const units = await this.units.all();
    const firmName = new Map(firms.map((f) => [f.id, f.name]));
    const unitName = new Map(units.map((u) => [u.id, u.name]));
    return accounts.map(({ user, oneTimePassword }) => {
      const unitId = user.unitId ?? user.jurisdictionUnitId;
      const firmNames = members
        .filter((m) => m.userId === user.id)
        .map((m) => firmName.get(m.enterpriseId) ?? '')
        .sort();
      return {
        displayName: user.name,
        username: user.username,
        roleLabel: ROLE_LABELS[user.role],
        belongsTo: unitId ? (unitName.get(unitId) ?? '') : firmNames.join('、'),
        oneTimePassword,
      };
    });
  }

  /** The bureau's name as the list's title: the top unit (the 支队). */
  private async bureau(): Promise<string> {
    const top = await this.units.top();
    return top?.name ?? '亲清 执法入企扫码登记';
  }
}
