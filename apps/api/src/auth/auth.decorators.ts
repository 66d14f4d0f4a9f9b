import { createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Role } from '@qinqing/domain';
import type { AuthenticatedUser } from './authenticated-user';

export const ROLES_KEY = 'qinqing:roles';

/** Restricts a route to these roles (in addition to being logged in). */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

/** The caller, set by the auth guard. */
export const CurrentUser = createParamDecorator(
  (_data: unknown, context: ExecutionContext): AuthenticatedUser =>
    context.switchToHttp().getRequest<{ user: AuthenticatedUser }>().user,
);
