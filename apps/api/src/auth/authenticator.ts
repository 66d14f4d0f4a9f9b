import { Injectable } from '@nestjs/common';
import { DomainException } from '../common/errors/domain.exception';
import type { AuthenticatedUser } from './authenticated-user';
import { UsersRepository } from '../users/users.repository';
import { type TokenClaims, TokenService } from './token.service';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Who a request's access token names. The token's account must still exist, be active, have the
 * token's role and still be at the token's credentials version (one indexed query per request): a
 * deleted, deactivated or re-roled account, or a session from before a password reset or change,
 * is logged out at once (401), not when its token expires. The same row says whether the account
 * must change its one-time password before anything else.
 */
@Injectable()
export class Authenticator {
  constructor(
    private readonly tokens: TokenService,
    private readonly users: UsersRepository,
  ) {}

  /** The caller of an `Authorization: Bearer <access token>` header; 401 otherwise. */
  async authenticate(authorization: string | undefined): Promise<AuthenticatedUser> {
    const [scheme, token] = (authorization ?? '').split(' ');
    if (scheme !== 'Bearer' || !token) throw new DomainException('UNAUTHENTICATED');
    const claims = this.tokens.verify(token, 'access');
    const account = await this.current(claims);
    if (!account) throw new DomainException('UNAUTHENTICATED');
    return { id: claims.id, role: claims.role, mustChangePassword: account.mustChangePassword };
  }

  /**
   * The account of the token, if it exists, is active, still has the token's role and the token's
   * credentials version; with whether it must change its password first (the same row, no
   * further query).
   */
  async current(claims: TokenClaims): Promise<{ mustChangePassword: boolean } | null> {
    if (!UUID.test(claims.id)) return null;
    const account = await this.users.credentialsOf(claims.id);
    const row =
      account &&
      account.active &&
      account.role === claims.role &&
      account.credentials_version === claims.credentialsVersion
        ? account
        : null;
    return row && { mustChangePassword: row.must_change_password };
  }
}
