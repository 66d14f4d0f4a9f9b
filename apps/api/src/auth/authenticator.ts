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
    const claims = this.claimsOf(authorization);
    const account = await this.current(claims);
    if (!account) throw new DomainException('UNAUTHENTICATED');
    return { id: claims.id, role: claims.role, mustChangePassword: account.mustChangePassword };
  }

  /**
   * The caller as the signed token says, its account not yet read: for a route that reads the
   * account in its own statement (@ChecksAccountItself) and then calls `checkAccount`. 401 for
   * a missing, forged or expired token. A token issued to a one-time password says so, so the
   * auth guard answers 403 PASSWORD_CHANGE_REQUIRED before the body is even validated, as on
   * every other route.
   */
  authenticateToken(authorization: string | undefined): AuthenticatedUser {
    const claims = this.claimsOf(authorization);
    if (!UUID.test(claims.id)) throw new DomainException('UNAUTHENTICATED');
    return {
      id: claims.id,
      role: claims.role,
      mustChangePassword: claims.mustChangePassword === true,
      accountToCheck: claims,
    };
  }

  /**
   * For a caller from `authenticateToken`: its account's row, read by the route's own statement,
   * must be current (401 otherwise) and must not owe a password change (403 otherwise). No-op for
   * a caller whose account was checked when the request came.
   */
  checkAccount(caller: AuthenticatedUser, account: AccountState | null): void {
    if (!caller.accountToCheck) return;
    if (!isCurrent(caller.accountToCheck, account)) throw new DomainException('UNAUTHENTICATED');
    if (account!.mustChangePassword) throw new DomainException('PASSWORD_CHANGE_REQUIRED');
  }

  /**
   * The account of the token, if it exists, is active, still has the token's role and the token's
   * credentials version; with whether it must change its password first (the same row, no
   * further query).
   */
  async current(claims: TokenClaims): Promise<{ mustChangePassword: boolean } | null> {
    if (!UUID.test(claims.id)) return null;
    const row = await this.users.credentialsOf(claims.id);
    const account: AccountState | null = row && {
      role: row.role,
      active: row.active,
      credentialsVersion: row.credentials_version,
      mustChangePassword: row.must_change_password,
    };
    return isCurrent(claims, account) ? { mustChangePassword: account!.mustChangePassword } : null;
  }

  private claimsOf(authorization: string | undefined): TokenClaims {
    const [scheme, token] = (authorization ?? '').split(' ');
    if (scheme !== 'Bearer' || !token) throw new DomainException('UNAUTHENTICATED');
    return this.tokens.verify(token, 'access');
  }
}

/** What decides whether a token's account still stands: its row in app_user. */
export interface AccountState {
  role: string;
  active: boolean;
  credentialsVersion: number;
  mustChangePassword: boolean;
}

/** The one rule: the account exists, is active, and has the token's role and credentials version. */
function isCurrent(claims: TokenClaims, account: AccountState | null): boolean {
  return (
    account !== null &&
    account.active &&
    account.role === claims.role &&
    account.credentialsVersion === claims.credentialsVersion
  );
}
