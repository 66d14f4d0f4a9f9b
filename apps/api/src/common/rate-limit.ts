import {
  applyDecorators,
  type CanActivate,
  type ExecutionContext,
  Global,
  Injectable,
  Module,
  type OnModuleInit,
  SetMetadata,
  type Type,
  UseGuards,
} from '@nestjs/common';
import { ModuleRef, Reflector } from '@nestjs/core';
import { Env } from '../config/env';
import type { Tx } from '../database/transactions';
import { JobScheduler } from '../jobs/job-scheduler';
import { DomainException } from './errors/domain.exception';
import { RateLimitWindowsRepository } from './rate-limit-windows.repository';

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

/**
 * Says whether a call does not count against the limit, e.g. the replay of a recorded one. Asked
 * only of a call over the limit (the common call pays no query for it): a call it exempts is let
 * through and its count given back. A handler that finds its call exempt by itself gives the count
 * back with `RateLimitRefunds.refund`.
 */
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

/** Counts calls per key in fixed windows. `hit` is atomic for its key. */
export abstract class RateLimitStore {
  /** Counts one call; answers the calls counted in the current window (this one included). */
  abstract hit(
    key: string,
    windowMs: number,
    now: number,
  ): Promise<{ count: number; windowStart: number }>;

  /** Takes back one call counted in the window that started at `windowStart` (if still current). */
  abstract refund(key: string, windowStart: number): Promise<void>;
}

/** The count each request made, so that it can be given back (RateLimitRefunds). */
const counted = new WeakMap<object, { key: string; windowStart: number }>();

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

  refund(key: string, windowStart: number) {
    return this.windows.refund(key, windowStart);
  }

  /** Deletes the windows ended by `now`; answers how many. */
  sweep(tx: Tx, now: number): Promise<number> {
    return this.windows.deleteEnded(now, tx);
  }
}

/** Gives back the count of a call that turned out not to count (a replay its handler found). */
@Injectable()
export class RateLimitRefunds {
  constructor(private readonly store: RateLimitStore) {}

  async refund(request: object): Promise<void> {
    const hit = counted.get(request);
    if (!hit) return;
    counted.delete(request);
    await this.store.refund(hit.key, hit.windowStart);
  }
}

@Global()
@Module({
  providers: [
    RateLimitWindowsRepository,
    { provide: RateLimitStore, useClass: PgRateLimitStore },
    RateLimitRefunds,
  ],
  exports: [RateLimitStore, RateLimitRefunds],
})
export class RateLimitModule {}

@Injectable()
export class RateLimitGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly env: Env,
    private readonly store: RateLimitStore,
    private readonly refunds: RateLimitRefunds,
    private readonly moduleRef: ModuleRef,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const options = this.reflector.get<
      { setting: PerMinuteSetting; exempt?: Type<RateLimitExemption> } | undefined
    >(RATE_LIMIT, context.getHandler());
    if (!options) return true;
    const request = context.switchToHttp().getRequest<RateLimitedRequest>();
    const limit = this.env[options.setting];
    const key = `${options.setting}:${request.user?.id ?? request.ip}`;
    const now = Date.now();
    const { count, windowStart } = await this.store.hit(key, WINDOW_MS, now);
    counted.set(request, { key, windowStart });
    if (count > limit) {
      if (options.exempt) {
        const exemption = this.moduleRef.get(options.exempt, { strict: false });
        if (await exemption.isExempt(request)) {
          await this.refunds.refund(request);
          return true;
        }
      }
      throw new DomainException('RATE_LIMITED', {
        retryAfterSeconds: Math.max(1, Math.ceil((windowStart + WINDOW_MS - now) / 1000)),
      });
    }
    return true;
  }
}
