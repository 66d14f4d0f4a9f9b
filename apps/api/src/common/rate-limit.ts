import {
  applyDecorators,
  type CanActivate,
  type ExecutionContext,
  Global,
  Injectable,
  Module,
  type OnModuleInit,
  SetMetadata,
  UseGuards,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { Env } from '../config/env';
import type { Tx } from '../database/transactions';
import { JobScheduler } from '../jobs/job-scheduler';
import { DomainException } from './errors/domain.exception';
import { RateLimitWindowsRepository } from './rate-limit-windows.repository';

export type PerMinuteSetting = {
  [K in keyof Env]-?: Env[K] extends number ? K : never;
}[keyof Env];

const RATE_LIMIT = 'qinqing:rate-limit';
/** Every limit counts calls in fixed windows of a minute. */
export const RATE_LIMIT_WINDOW_MS = 60_000;

/** The window's key of a caller (an account's id, or an address) under a limit. */
export function rateLimitKey(setting: PerMinuteSetting, caller: string): string {
  return `${setting}:${caller}`;
}

/** The 429 of a call over its limit: when the window that started at `windowStart` ends. */
export function rateLimited(windowStart: number, now: number): DomainException {
  return new DomainException('RATE_LIMITED', {
    retryAfterSeconds: Math.max(1, Math.ceil((windowStart + RATE_LIMIT_WINDOW_MS - now) / 1000)),
  });
}

/** The request as the rate limit sees it (after the auth guard). */
interface RateLimitedRequest {
  user?: { id: string };
  ip: string;
}

/**
 * Limits how often one caller (the account; the address when anonymous) may call a route per
 * minute; the limit is the named setting. Applied after the global auth guard.
 */
export const RateLimit = (perMinute: PerMinuteSetting) =>
  applyDecorators(SetMetadata(RATE_LIMIT, { setting: perMinute }), UseGuards(RateLimitGuard));

/** Counts calls per key in fixed windows. `hit` is atomic for its key. */
export abstract class RateLimitStore {
  /** Counts one call; answers the calls counted in the current window (this one included). */
  abstract hit(
    key: string,
    windowMs: number,
    now: number,
  ): Promise<{ count: number; windowStart: number }>;
}

/** How often windows that have ended are deleted (once across instances). */
const SWEEP_INTERVAL_MS = 10 * 60_000;

/**
 * The windows in PostgreSQL (rate_limit_window), so every API instance counts against the same
 * limit: one upsert per call, atomic per key (the row is locked while it is counted).
 */
@Injectable()
export class PgRateLimitStore extends RateLimitStore implements OnModuleInit {
  constructor(
    private readonly windows: RateLimitWindowsRepository,
    private readonly jobs: JobScheduler,
  ) {
    super();
  }

  onModuleInit(): void {
    this.jobs.register({
      name: 'rate-limit-sweep',
      intervalMs: SWEEP_INTERVAL_MS,
      run: async (tx) => ({ deleted: await this.sweep(tx, Date.now()) }),
    });
  }

  hit(key: string, windowMs: number, now: number) {
    return this.windows.hit(key, windowMs, now);
  }

  /** Deletes the windows ended by `now`; answers how many. */
  sweep(tx: Tx, now: number): Promise<number> {
    return this.windows.deleteEnded(now, tx);
  }
}

@Global()
@Module({
  providers: [RateLimitWindowsRepository, { provide: RateLimitStore, useClass: PgRateLimitStore }],
  exports: [RateLimitStore],
})
export class RateLimitModule {}

@Injectable()
export class RateLimitGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly env: Env,
    private readonly store: RateLimitStore,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const options = this.reflector.get<{ setting: PerMinuteSetting } | undefined>(
      RATE_LIMIT,
      context.getHandler(),
    );
    if (!options) return true;
    const request = context.switchToHttp().getRequest<RateLimitedRequest>();
    const limit = this.env[options.setting];
    const key = rateLimitKey(options.setting, request.user?.id ?? request.ip);
    const now = Date.now();
    const { count, windowStart } = await this.store.hit(key, RATE_LIMIT_WINDOW_MS, now);
    if (count > limit) throw rateLimited(windowStart, now);
    return true;
  }
}
