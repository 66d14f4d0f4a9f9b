import { FASTIFY_ROUTE_CONFIG_METADATA } from '@nestjs/platform-fastify/constants';

/**
 * Adds entries to the Fastify route config of a handler, or of every handler of a controller,
 * keeping what is there (Nest's RouteConfig replaces the whole config: two of them would lose
 * one). Fastify hooks read it as `request.routeOptions.config`.
 */
export function AddRouteConfig(entries: Record<string, unknown>): ClassDecorator & MethodDecorator {
  const add = (handler: object) => {
    const current: unknown = Reflect.getMetadata(FASTIFY_ROUTE_CONFIG_METADATA, handler);
    Reflect.defineMetadata(
      FASTIFY_ROUTE_CONFIG_METADATA,
      { ...(current as Record<string, unknown> | undefined), ...entries },
      handler,
    );
  };
  return (target: object, _key?: string | symbol, descriptor?: PropertyDescriptor) => {
    if (descriptor) {
      add(descriptor.value as object);
      return;
    }
    const prototype = (target as { prototype: Record<string, unknown> }).prototype;
    for (const name of Object.getOwnPropertyNames(prototype)) {
      const handler = Object.getOwnPropertyDescriptor(prototype, name)?.value;
      if (name !== 'constructor' && typeof handler === 'function') add(handler);
    }
  };
}
