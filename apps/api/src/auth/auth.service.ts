import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { PASSWORD_RULE_MESSAGES, passwordProblems, type SessionResponse } from '@qinqing/domain';
import { AuditService } from '../audit/audit.service';
import { DomainException } from '../common/errors/domain.exception';
import { hashPassword, verifyPassword } from '../users/password';
import type { User } from '../users/user.entity';
import { UsersRepository } from '../users/users.repository';
import { LoginThrottle } from './login-throttle';
import { TokenService } from './token.service';
import { WechatSessionClient } from './wechat-session.client';
import { Transactions } from '../database/transactions';

export type Session = SessionResponse;

@Injectable()
export class AuthService {
  constructor(
    private readonly users: UsersRepository,
    private readonly transactions: Transactions,
    private readonly tokens: TokenService,
    private readonly throttle: LoginThrottle,
    private readonly wechat: WechatSessionClient,
    private readonly audit: AuditService,
  ) {}

  async login(username: string, password: string, clientIp: string): Promise<Session> {
    const attempt = await this.throttle.begin(username, clientIp);
    let user: User | null;
    let passwordOk: boolean;
    try {
      user = await this.users.byUsernameWithPassword(username);
      // Unknown users cost a hash check too, so response times do not reveal which usernames exist.
      passwordOk = await verifyPassword(user?.passwordHash ?? (await this.dummyHash()), password);
    } catch (error) {
      await attempt.abandoned(); // e.g. the database is away: not a failed guess
      throw error;
    }
    if (!user || !user.active || !passwordOk) {
      await attempt.failed();
      throw new DomainException('INVALID_CREDENTIALS');
    }
    await attempt.succeeded();
    return this.session(user);
  }

  private dummy?: Promise<string>;

  private dummyHash(): Promise<string> {
    this.dummy ??= hashPassword(randomUUID());
    return this.dummy;
  }

  /** 微信登录: the openid of the code must be bound to an active account. */
  async loginWithWechat(code: string): Promise<Session> {
    const { openid } = await this.wechat.codeToSession(code);
    const user = await this.users.byWechatOpenid(openid);
    if (!user || !user.active) throw new DomainException('WECHAT_NOT_BOUND');
    return this.session(user);
  }

  /** Binds the WeChat account of a login code to the caller's account (one each way). */
  async bindWechat(userId: string, code: string): Promise<void> {
    const { openid } = await this.wechat.codeToSession(code);
    await this.transactions.run((tx) => this.users.bindWechat(userId, openid, tx));
  }

  async refresh(refreshToken: string): Promise<Session> {
    const claims = this.tokens.verify(refreshToken, 'refresh');
    const user = await this.users.byId(claims.id);
    // a session from before a password reset or change, or a deactivation, is over
    if (!user || !user.active || user.credentialsVersion !== claims.credentialsVersion) {
      throw new DomainException('UNAUTHENTICATED');
    }
    return this.session(user);
  }

  /**
   * The caller's own password: the new one must follow the policy; the current one is checked
   * like a login (a wrong one counts as a failed login of the account and the address). Clears
   * the one-time password's restriction and ends every session of the account, this one included
   * (its tokens are of the old credentials version): the caller logs in again with the new
   * password, as the phone does right after the 204.
   */
  async changePassword(
    userId: string,
    currentPassword: string,
    newPassword: string,
    clientIp: string,
  ): Promise<void> {
    const user = await this.users.byIdWithPassword(userId);
    const problems = passwordProblems(newPassword, { username: user.username, currentPassword });
    if (problems.length > 0) {
      throw new DomainException('VALIDATION_FAILED', {
        errors: problems.map((rule) => ({
          field: 'newPassword',
          message: PASSWORD_RULE_MESSAGES[rule],
        })),
      });
    }
    const attempt = await this.throttle.begin(user.username, clientIp);
    let currentOk: boolean;
    try {
      currentOk = await verifyPassword(user.passwordHash, currentPassword);
    } catch (error) {
      await attempt.abandoned();
      throw error;
    }
    if (!currentOk) {
      await attempt.failed();
      throw new DomainException('VALIDATION_FAILED', {
        errors: [{ field: 'currentPassword', message: '当前密码不正确' }],
      });
    }
    await attempt.succeeded();
    const passwordHash = await hashPassword(newPassword);
    await this.transactions.run(async (tx) => {
      await this.users.setPassword(userId, passwordHash, false, tx);
      await this.audit.append(tx, {
        actorId: userId,
        action: 'PASSWORD_CHANGED',
        subjectType: 'user',
        subjectId: userId,
        data: { afterOneTimePassword: user.mustChangePassword },
      });
    });
  }

  private session(user: User): Session {
    return {
      ...this.tokens.issue({
        id: user.id,
        role: user.role,
        credentialsVersion: user.credentialsVersion,
        mustChangePassword: user.mustChangePassword,
      }),
      user: {
        id: user.id,
        role: user.role,
        name: user.name,
        username: user.username,
        unitId: user.unitId,
        badgeNumber: user.badgeNumber,
        mustChangePassword: user.mustChangePassword,
      },
    };
  }
}
