import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Role } from '@qinqing/domain';
import { DataSource } from 'typeorm';
import { DomainException } from '../common/errors/domain.exception';
import { IS_PUBLIC } from '../common/public.decorator';
import { ROLES_KEY } from './auth.decorators';
import type { AuthenticatedUser } from './authenticated-user';
import { TokenService } from './token.service';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Global guard: every route needs a valid access token unless marked @Public(); @Roles narrows.
 * The token's account must still exist, be active and have the token's role (one indexed query per
 * request): a deleted, deactivated or re-roled account is logged out at once (401), not when its
 * token expires.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokenService,
    private readonly dataSource: DataSource,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const request = context
      .switchToHttp()
      .getRequest<{ headers: Record<string, string | undefined>; user?: AuthenticatedUser }>();
    const [scheme, token] = (request.headers.authorization ?? '').split(' ');
    if (scheme !== 'Bearer' || !token) throw new DomainException('UNAUTHENTICATED');
    const claims = this.tokens.verify(token, 'access');
    if (!(await this.isCurrent(claims))) throw new DomainException('UNAUTHENTICATED');
    request.user = claims;
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (roles && !roles.includes(claims.role)) throw new DomainException('FORBIDDEN');
    return true;
  }

  /** The account of the token exists, is active, and still has the token's role. */
  private async isCurrent(claims: AuthenticatedUser): Promise<boolean> {
    if (!UUID.test(claims.id)) return false;
    const rows: { role: string; active: boolean }[] = await this.dataSource.query(
      'SELECT role, active FROM app_user WHERE id = $1',
      [claims.id],
    );
    return rows.length === 1 && rows[0].active && rows[0].role === claims.role;
  }
}
