import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiExtension } from '@nestjs/swagger';
import { AddRouteConfig } from './route-config';

export const IS_PUBLIC = 'qinqing:public';

/** Operation extension marking a public route; the OpenAPI document turns it into `security: []`. */
export const PUBLIC_EXTENSION = 'x-public';

/** Fastify route config key of a public route (read before the body is, see early-authentication.ts). */
export const PUBLIC_ROUTE = 'public';

/**
 * Marks a route as reachable without a login. Every other route requires one: checked as soon as
 * the request arrives (before its body is read) and again by the auth guard, which checks roles.
 */
export const Public = () =>
  applyDecorators(
    SetMetadata(IS_PUBLIC, true),
    AddRouteConfig({ [PUBLIC_ROUTE]: true }),
    ApiExtension(PUBLIC_EXTENSION, true),
  );
