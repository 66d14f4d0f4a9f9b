import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { isRole } from '@qinqing/domain';
import { DomainException } from '../common/errors/domain.exception';
import type { AuthenticatedUser } from './authenticated-user';

export const ACCESS_TOKEN_SECONDS = 15 * 60;
export const REFRESH_TOKEN_SECONDS = 30 * 24 * 3600;

type TokenKind = 'access' | 'refresh';

/** Short-lived access tokens and longer refresh tokens, HMAC-signed, told apart by `typ`. */
@Injectable()
export class TokenService {
  constructor(private readonly jwt: JwtService) {}

  issue(user: AuthenticatedUser): { accessToken: string; refreshToken: string; expiresIn: number } {
    return {
      accessToken: this.sign(user, 'access', ACCESS_TOKEN_SECONDS),
      refreshToken: this.sign(user, 'refresh', REFRESH_TOKEN_SECONDS),
      expiresIn: ACCESS_TOKEN_SECONDS,
    };
  }

  verify(token: string, kind: TokenKind): AuthenticatedUser {
    let claims: { sub?: unknown; role?: unknown; typ?: unknown };
    try {
      claims = this.jwt.verify(token, { algorithms: ['HS256'] });
    } catch (error) {
      const expired = (error as { name?: string }).name === 'TokenExpiredError';
      throw new DomainException(expired ? 'TOKEN_EXPIRED' : 'UNAUTHENTICATED');
    }
    if (claims.typ !== kind || typeof claims.sub !== 'string' || !isRole(claims.role)) {
      throw new DomainException('UNAUTHENTICATED');
    }
    return { id: claims.sub, role: claims.role };
  }

  private sign(user: AuthenticatedUser, typ: TokenKind, seconds: number): string {
    return this.jwt.sign(
      { role: user.role, typ },
      { subject: user.id, expiresIn: seconds, algorithm: 'HS256' },
    );
  }
}
