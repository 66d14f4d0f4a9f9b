import { Injectable } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance, RouteOptions } from 'fastify';
import { AddRouteConfig } from './route-config';

/** Route config key of a route's own body limit (see BodyLimit). */
export const ROUTE_BODY_LIMIT = 'bodyLimit';

/** Lets a route accept bodies up to `bytes` instead of the global limit. */
export const BodyLimit = (bytes: number) => AddRouteConfig({ [ROUTE_BODY_LIMIT]: bytes });

/**
 * Lets a route accept a larger body than the global limit (bootstrap's BODY_LIMIT_BYTES) by naming
 * its own in its route config. Fastify runs `onRoute` hooks while routes are added, which Nest does
 * in `app.init()`, after the providers are built: so the hook is in place in time.
 */
@Injectable()
export class RouteBodyLimit {
  constructor(adapterHost: HttpAdapterHost) {
    const fastify = adapterHost.httpAdapter.getInstance<FastifyInstance>();
    fastify.addHook('onRoute', (route: RouteOptions) => {
      const limit: unknown = (route.config as Record<string, unknown> | undefined)?.[
        ROUTE_BODY_LIMIT
      ];
      if (typeof limit === 'number' && route.bodyLimit === undefined) route.bodyLimit = limit;
    });
  }
}
