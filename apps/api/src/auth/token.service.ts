import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { isRole } from '@qinqing/domain';
import { DomainException } from '../common/errors/domain.exception';
import type { AuthenticatedUser } from './authenticated-user';

export const ACCESS_TOKEN_SECONDS = 15 * 60;
export const REFRESH_TOKEN_SECONDS = 30 * 24 * 3600;

type TokenKind = 'access' | 'refresh';

/** What a token says: whose it is, his role, and the account's credentials version at issue. */
export interface TokenClaims {
  id: string;
  role: AuthenticatedUser['role'];
  /** app_user.credentials_version when issued; a token of an older one is refused. */
  credentialsVersion: number;
  /**
   * Issued to a one-time password (`mcp`): only the password change is open. Fixed for the token's
   * life: setting or clearing the flag changes the password, which moves the credentials version.
   */
  mustChangePassword?: boolean;
}

/**
 * Short-lived access tokens and longer refresh tokens, HMAC-signed, told apart by `typ`, carrying
 * the account's credentials version (`ver`; tokens from before it existed count as version 0).
 */
@Injectable()
export class TokenService {
  constructor(private readonly jwt: JwtService) {}

  issue(user: TokenClaims): { accessToken: string; refreshToken: string; expiresIn: number } {
    return {
      accessToken: this.sign(user, 'access', ACCESS_TOKEN_SECONDS),
      refreshToken: this.sign(user, 'refresh', REFRESH_TOKEN_SECONDS),
      expiresIn: ACCESS_TOKEN_SECONDS,
    };
  }

  verify(token: string, kind: TokenKind): TokenClaims {
    let claims: { sub?: unknown; role?: unknown; typ?: unknown; ver?: unknown; mcp?: unknown };
    try {
      claims = this.jwt.verify(token, { algorithms: ['HS256'] });
    } catch (error) {
      const expired = (error as { name?: string }).name === 'TokenExpiredError';
      throw new DomainException(expired ? 'TOKEN_EXPIRED' : 'UNAUTHENTICATED');
    }
    const version = claims.ver ?? 0;
    if (
      claims.typ !== kind ||
      typeof claims.sub !== 'string' ||
      !isRole(claims.role) ||
      !Number.isSafeInteger(version)
    ) {
      throw new DomainException('UNAUTHENTICATED');
    }
    return {
      id: claims.sub,
      role: claims.role,
      credentialsVersion: version as number,
      ...(claims.mcp === true ? { mustChangePassword: true } : {}),
    };
  }

  private sign(user: TokenClaims, typ: TokenKind, seconds: number): string {
    return this.jwt.sign(
      {
        role: user.role,
        typ,
        ver: user.credentialsVersion,
        ...(user.mustChangePassword ? { mcp: true } : {}),
      },
      { subject: user.id, expiresIn: seconds, algorithm: 'HS256' },
    );
  }
}
