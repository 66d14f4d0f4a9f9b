import {
  applyDecorators,
  type CanActivate,
  type ExecutionContext,
  Global,
  Injectable,
  Module,
  SetMetadata,
  type Type,
  UseGuards,
} from '@nestjs/common';
import { ModuleRef, Reflector } from '@nestjs/core';
import { Env } from '../config/env';
import { DomainException } from './errors/domain.exception';

type PerMinuteSetting = {
  [K in keyof Env]-?: Env[K] extends number ? K : never;
}[keyof Env];

const RATE_LIMIT = 'qinqing:rate-limit';
const WINDOW_MS = 60_000;

/** The request as the rate limit sees it (after the auth guard). */
export interface RateLimitedRequest {
  user?: { id: string };
  ip: string;
  body?: unknown;
}

/** Says whether a call does not count against the limit, e.g. the replay of a recorded one. */
export interface RateLimitExemption {
  isExempt(request: RateLimitedRequest): Promise<boolean>;
}

interface RateLimitOptions {
  /** a provider (of the route's module) that tells calls that do not count */
  exempt?: Type<RateLimitExemption>;
}

/**
 * Limits how often one caller (the account; the address when anonymous) may call a route per
 * minute; the limit is the named setting. Applied after the global auth guard.
 */
export const RateLimit = (perMinute: PerMinuteSetting, options: RateLimitOptions = {}) =>
  applyDecorators(
    SetMetadata(RATE_LIMIT, { setting: perMinute, exempt: options.exempt }),
    UseGuards(RateLimitGuard),
  );

/**
 * Counts calls per key in fixed windows. In memory, per process, for now; several API processes
 * would share a table implementing the same interface. `hit` is atomic for its key.
 */
export abstract class RateLimitStore {
  /** Counts one call; answers the calls counted in the current window (this one included). */
  abstract hit(
    key: string,
    windowMs: number,
    now: number,
  ): Promise<{ count: number; windowStart: number }>;
}

@Injectable()
export class MemoryRateLimitStore extends RateLimitStore {
  private readonly windows = new Map<string, { start: number; count: number }>();

  hit(key: string, windowMs: number, now: number) {
    let window = this.windows.get(key);
    if (!window || now - window.start >= windowMs) {
      this.sweep(now, windowMs);
      window = { start: now, count: 0 };
      this.windows.set(key, window);
    }
    window.count += 1;
    return Promise.resolve({ count: window.count, windowStart: window.start });
  }

  /** Drops finished windows now and then, so the map does not grow without bound. */
  private sweep(now: number, windowMs: number): void {
    if (this.windows.size < 10_000) return;
    for (const [key, w] of this.windows) if (now - w.start >= windowMs) this.windows.delete(key);
  }
}

@Global()
@Module({
  providers: [{ provide: RateLimitStore, useClass: MemoryRateLimitStore }],
  exports: [RateLimitStore],
})
export class RateLimitModule {}

@Injectable()
export class RateLimitGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly env: Env,
    private readonly store: RateLimitStore,
    private readonly moduleRef: ModuleRef,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const options = this.reflector.get<
      { setting: PerMinuteSetting; exempt?: Type<RateLimitExemption> } | undefined
    >(RATE_LIMIT, context.getHandler());
    if (!options) return true;
    const request = context.switchToHttp().getRequest<RateLimitedRequest>();
    if (options.exempt) {
      const exemption = this.moduleRef.get(options.exempt, { strict: false });
      if (await exemption.isExempt(request)) return true;
    }
    const limit = this.env[options.setting];
    const key = `${options.setting}:${request.user?.id ?? request.ip}`;
    const now = Date.now();
    const { count, windowStart } = await this.store.hit(key, WINDOW_MS, now);
    if (count > limit) {
      throw new DomainException('RATE_LIMITED', {
        retryAfterSeconds: Math.max(1, Math.ceil((windowStart + WINDOW_MS - now) / 1000)),
      });
    }
    return true;
  }
}
