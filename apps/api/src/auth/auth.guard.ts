import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Role } from '@qinqing/domain';
import type { Endpoint } from '@qinqing/domain/schemas';
import { ENDPOINT } from '../common/contract/endpoint.decorator';
import { DomainException } from '../common/errors/domain.exception';
import { IS_PUBLIC } from '../common/public.decorator';
import { ROLES_KEY } from './auth.decorators';
import type { AuthenticatedUser } from './authenticated-user';
import { Authenticator } from './authenticator';

/**
 * Global guard: every route needs a valid access token unless marked @Public(); @Roles narrows;
 * an account that must change its one-time password reaches only the endpoints that allow it.
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
    // Signed in with a one-time password: nothing but the password change until it is changed.
    if (request.user.mustChangePassword) {
      const endpoint = this.reflector.get<Endpoint | undefined>(ENDPOINT, context.getHandler());
      if (!endpoint?.duringPasswordChange) throw new DomainException('PASSWORD_CHANGE_REQUIRED');
    }
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (roles && !roles.includes(request.user.role)) throw new DomainException('FORBIDDEN');
    return true;
  }
}
