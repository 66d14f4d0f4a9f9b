import {
  applyDecorators,
  type CanActivate,
  type ExecutionContext,
  Injectable,
  SetMetadata,
  UseGuards,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { Env } from '../config/env';
import { DomainException } from './errors/domain.exception';

type PerMinuteSetting = {
  [K in keyof Env]: Env[K] extends number ? K : never;
}[keyof Env];

const RATE_LIMIT = 'qinqing:rate-limit';
const WINDOW_MS = 60_000;

/**
 * Limits how often one caller (the account; the address when anonymous) may call a route per
 * minute; the limit is the named setting. Applied after the global auth guard.
 */
export const RateLimit = (perMinute: PerMinuteSetting) =>
  applyDecorators(SetMetadata(RATE_LIMIT, perMinute), UseGuards(RateLimitGuard));

/**
 * A fixed-window counter in memory, per process: enough for one API instance; several instances
 * behind a load balancer would each count on their own (a shared store is the next step).
 */
@Injectable()
export class RateLimitGuard implements CanActivate {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(
    private readonly reflector: Reflector,
    private readonly env: Env,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const setting = this.reflector.get<PerMinuteSetting | undefined>(
      RATE_LIMIT,
      context.getHandler(),
    );
    if (!setting) return true;
    const limit = this.env[setting];
    const request = context.switchToHttp().getRequest<{ user?: { id: string }; ip: string }>();
    const key = `${setting}:${request.user?.id ?? request.ip}`;
    const now = Date.now();
    const window = this.windows.get(key);
    if (!window || now - window.start >= WINDOW_MS) {
      this.sweep(now);
      this.windows.set(key, { start: now, count: 1 });
      return true;
    }
    window.count += 1;
    if (window.count > limit) {
      throw new DomainException('RATE_LIMITED', {
        retryAfterSeconds: Math.ceil((window.start + WINDOW_MS - now) / 1000),
      });
    }
    return true;
  }

  /** Drops finished windows now and then, so the map does not grow without bound. */
  private sweep(now: number): void {
    if (this.windows.size < 10_000) return;
    for (const [key, w] of this.windows) if (now - w.start >= WINDOW_MS) this.windows.delete(key);
  }
}
