import {
  applyDecorators,
  createParamDecorator,
  type ExecutionContext,
  SetMetadata,
} from '@nestjs/common';
import { ApiExtension } from '@nestjs/swagger';
import type { Role } from '@qinqing/domain';
import type { AuthenticatedUser } from './authenticated-user';

export const ROLES_KEY = 'qinqing:roles';

/** Operation extension of the OpenAPI document naming the roles a route admits. */
export const ROLES_EXTENSION = 'x-roles';

/**
 * Restricts a route (or every route of a controller, unless a route names its own) to these roles,
 * in addition to being logged in. The OpenAPI document lists them as `x-roles`.
 */
export const Roles = (...roles: Role[]) =>
  applyDecorators(SetMetadata(ROLES_KEY, roles), ApiExtension(ROLES_EXTENSION, roles));

/** The caller, set by the auth guard. */
export const CurrentUser = createParamDecorator(
  (_data: unknown, context: ExecutionContext): AuthenticatedUser =>
    context.switchToHttp().getRequest<{ user: AuthenticatedUser }>().user,
);
