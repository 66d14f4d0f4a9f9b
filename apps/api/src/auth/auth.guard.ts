import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Role } from '@qinqing/domain';
import { DomainException } from '../common/errors/domain.exception';
import { IS_PUBLIC } from '../common/public.decorator';
import { ROLES_KEY } from './auth.decorators';
import type { AuthenticatedUser } from './authenticated-user';
import { Authenticator } from './authenticator';

/**
 * Global guard: every route needs a valid access token unless marked @Public(); @Roles narrows.
 * The caller is usually known already: the early check (early-authentication.ts) authenticated
 * the request before its body was read. Otherwise (a route it does not cover) it is done here.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly authenticator: Authenticator,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const request = context
      .switchToHttp()
      .getRequest<{ headers: Record<string, string | undefined>; user?: AuthenticatedUser }>();
    request.user ??= await this.authenticator.authenticate(request.headers.authorization);
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (roles && !roles.includes(request.user.role)) throw new DomainException('FORBIDDEN');
    return true;
  }
}
