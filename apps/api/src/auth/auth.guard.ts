import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Role } from '@qinqing/domain';
import { DomainException } from '../common/errors/domain.exception';
import { IS_PUBLIC } from '../common/public.decorator';
import { ROLES_KEY } from './auth.decorators';
import type { AuthenticatedUser } from './authenticated-user';
import { TokenService } from './token.service';

/** Global guard: every route needs a valid access token unless marked @Public(); @Roles narrows. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokenService,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const request = context
      .switchToHttp()
      .getRequest<{ headers: Record<string, string | undefined>; user?: AuthenticatedUser }>();
    const [scheme, token] = (request.headers.authorization ?? '').split(' ');
    if (scheme !== 'Bearer' || !token) throw new DomainException('UNAUTHENTICATED');
    request.user = this.tokens.verify(token, 'access');
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (roles && !roles.includes(request.user.role)) throw new DomainException('FORBIDDEN');
    return true;
  }
}
