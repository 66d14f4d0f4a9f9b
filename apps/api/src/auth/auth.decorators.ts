import {
  applyDecorators,
  createParamDecorator,
  type ExecutionContext,
  SetMetadata,
} from '@nestjs/common';
import { ApiExtension } from '@nestjs/swagger';
import type { Role } from '@qinqing/domain';
import { AddRouteConfig } from '../common/route-config';
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

/** Fastify route config key of a route that reads its caller's account itself. */
export const CHECKS_ACCOUNT_ITSELF = 'checksAccountItself';

/**
 * The route reads the caller's account row in a statement of its own (the check-in, in its
 * context statement) and calls `Authenticator.checkAccount` with it before anything else, so the
 * request pays no query of its own for it. The token's signature and expiry are still checked as
 * soon as the request comes; a deleted, deactivated or re-roled account, or a token from before a
 * password change, is still refused (401) and nothing is recorded.
 */
export const ChecksAccountItself = () => AddRouteConfig({ [CHECKS_ACCOUNT_ITSELF]: true });
