import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyRequest } from 'fastify';
import { PUBLIC_ROUTE } from '../common/public.decorator';
import { CHECKS_ACCOUNT_ITSELF } from './auth.decorators';
import type { AuthenticatedUser } from './authenticated-user';
import { Authenticator } from './authenticator';

/** The API routes that need a login unless @Public(): all of /api/v1. */
const API_PREFIX = '/api/v1/';

/**
 * Authenticates every request to a route that needs a login as soon as it arrives, in an
 * `onRequest` hook: before its body is read or parsed, so that an anonymous 9 MB upload costs a
 * 401 and not a parse. The auth guard still runs (roles, and any route outside /api/v1) and reuses
 * the caller found here. Register after the security headers, before app.init().
 */
export function registerEarlyAuthentication(app: NestFastifyApplication): void {
  const authenticator = app.get(Authenticator);
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onRequest', async (request: FastifyRequest & { user?: AuthenticatedUser }) => {
      if (!needsLogin(request)) return;
      request.user = checksAccountItself(request)
        ? authenticator.authenticateToken(request.headers.authorization)
        : await authenticator.authenticate(request.headers.authorization);
    });
}

function checksAccountItself(request: FastifyRequest): boolean {
  const config = request.routeOptions.config as unknown as Record<string, unknown> | undefined;
  return config?.[CHECKS_ACCOUNT_ITSELF] === true;
}

function needsLogin(request: FastifyRequest): boolean {
  if (request.is404) return false;
  const { url, config } = request.routeOptions;
  if (!url?.startsWith(API_PREFIX)) return false;
  return (config as unknown as Record<string, unknown> | undefined)?.[PUBLIC_ROUTE] !== true;
}
