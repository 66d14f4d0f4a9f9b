import { Injectable } from '@nestjs/common';
import { isIPv6 } from 'node:net';
import { DomainException } from '../common/errors/domain.exception';
import { Env } from '../config/env';

/** Failed logins from one address within the window that block it (the sixth attempt is 429). */
export const ADDRESS_MAX_FAILURES = 5;
/** Failed logins of one account within the window after which its attempts are slowed. */
export const ACCOUNT_FREE_FAILURES = 5;
export const LOGIN_WINDOW_MS = 15 * 60 * 1000;
/** The account's delay doubles with each further failure up to this many times the first one. */
const ACCOUNT_DELAY_MAX_FACTOR = 4;
/** An attempt counts as being checked for at most this long (its process may have died). */
const CHECKING_MAX_MS = 60_000;

/**
 * Recent login events per key (an account, an address), as times in ms. Each operation is atomic
 * for its key. LoginAttemptsRepository (shared by every API instance) in the application; the memory
 * one for unit tests of the rules.
 */
export abstract class LoginAttemptStore {
  /**
   * Adds an entry at `at` unless the key already has `limit` entries since `since`. Answers
   * whether it was added and the key's entries since `since` (before adding).
   */
  abstract reserve(
    key: string,
    at: number,
    since: number,
    limit: number,
  ): Promise<{ added: boolean; entries: number[] }>;
  abstract add(key: string, at: number): Promise<void>;
  /** Removes one entry at `at`, if there is one. */
  abstract remove(key: string, at: number): Promise<void>;
  abstract since(key: string, since: number): Promise<number[]>;
  abstract clear(key: string): Promise<void>;
}

@Injectable()
export class MemoryLoginAttemptStore extends LoginAttemptStore {
  private readonly entries = new Map<string, number[]>();

  reserve(key: string, at: number, since: number, limit: number) {
    const recent = this.recent(key, since);
    const added = recent.length < limit;
    this.entries.set(key, added ? [...recent, at] : recent);
    return Promise.resolve({ added, entries: recent });
  }

  add(key: string, at: number): Promise<void> {
    this.sweep(at);
    this.entries.set(key, [...(this.entries.get(key) ?? []), at]);
    return Promise.resolve();
  }

  remove(key: string, at: number): Promise<void> {
    const list = this.entries.get(key) ?? [];
    const i = list.indexOf(at);
    if (i >= 0) list.splice(i, 1);
    if (list.length === 0) this.entries.delete(key);
    return Promise.resolve();
  }

  since(key: string, since: number): Promise<number[]> {
    return Promise.resolve(this.recent(key, since));
  }

  clear(key: string): Promise<void> {
    this.entries.delete(key);
    return Promise.resolve();
  }

  private recent(key: string, since: number): number[] {
    return (this.entries.get(key) ?? []).filter((t) => t > since);
  }

  /** Forgets old entries now and then, so guessed usernames do not pile up. */
  private sweep(now: number): void {
    if (this.entries.size < 10_000) return;
    for (const [key, list] of this.entries) {
      if (list.every((t) => t <= now - LOGIN_WINDOW_MS)) this.entries.delete(key);
    }
  }
}

/** A login attempt under way: settle it exactly once with how it ended. */
export interface LoginAttempt {
  /** the password was right: the account's failures are forgotten */
  succeeded(): Promise<void>;
  /** the password was wrong (or the account unknown or inactive) */
  failed(): Promise<void>;
  /** the attempt could not be judged (e.g. the database was away): it counts for nothing */
  abandoned(): Promise<void>;
}

/**
 * Slows password guessing without handing anyone a way to lock an account out.
 *
 * - Per address (hard): after 5 failed logins from one address within 15 minutes, its further
 *   attempts are refused with 429 RATE_LIMITED and Retry-After until the oldest failure ages out.
 *   An attempt holds its place from the start, so guesses sent at once count too.
 * - Per account (soft): after 5 failed logins of one account within 15 minutes (from anywhere),
 *   each further attempt waits on the server before the password is checked: LOGIN_ACCOUNT_DELAY_MS,
 *   doubling with each further failure up to 4 times that. Never refused: the right password
 *   still gets in after the wait, whoever else is guessing.
 *
 * IPv6 addresses count per /64 (one subscriber's block), or one client would have millions.
 */
@Injectable()
export class LoginThrottle {
  constructor(
    private readonly store: LoginAttemptStore,
    private readonly env: Env,
  ) {}

  /** Before the password is checked: refuses a blocked address, waits the account's delay. */
  async begin(username: string, clientIp: string, now = Date.now()): Promise<LoginAttempt> {
    const accountKey = `account:${username.toLowerCase()}`;
    const addressKey = `address:${addressBlock(clientIp)}`;
    // The address's attempts being checked, on any instance. Marked before the attempt asks for
    // its place: one refused meanwhile sees it and is told to come back in a moment.
    const checkingKey = `checking:${addressKey}`;
    const since = now - LOGIN_WINDOW_MS;
    await this.store.add(checkingKey, now);
    const checked = () => this.store.remove(checkingKey, now);
    const undo = async (error: unknown): Promise<never> => {
      await checked().catch(() => undefined);
      throw error;
    };
    const reserved = await this.store
      .reserve(addressKey, now, since, ADDRESS_MAX_FAILURES)
      .catch(undo);
    if (!reserved.added) {
      await checked();
      // Full because of attempts still being checked (several people behind one address logging
      // in at once): a moment. Else: until the oldest failure leaves the window.
      const others = await this.store.since(checkingKey, now - CHECKING_MAX_MS);
      const oldest = [...reserved.entries].sort((a, b) => a - b)[0];
      const retryAfterSeconds =
        others.length > 0 ? 1 : Math.max(1, Math.ceil((oldest + LOGIN_WINDOW_MS - now) / 1000));
      throw new DomainException('RATE_LIMITED', { retryAfterSeconds });
    }
    try {
      const failures = (await this.store.since(accountKey, since)).length;
      const wait = this.accountDelayMs(failures);
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    } catch (error) {
      await this.store.remove(addressKey, now).catch(() => undefined);
      return undo(error);
    }
    let settled = false;
    const settle = async (step: () => Promise<void>) => {
      if (settled) return;
      settled = true;
      // The place is settled before the attempt stops counting as being checked.
      try {
        await step();
      } finally {
        await checked();
      }
    };
    return {
      succeeded: () =>
        settle(async () => {
          await this.store.remove(addressKey, now);
          await this.store.clear(accountKey);
        }),
      // The address keeps its entry: it is now a failure.
      failed: () => settle(() => this.store.add(accountKey, Date.now())),
      abandoned: () => settle(() => this.store.remove(addressKey, now)),
    };
  }

  /** How long an attempt on an account with `failures` recent failures waits. */
  accountDelayMs(failures: number): number {
    if (failures < ACCOUNT_FREE_FAILURES) return 0;
    const base = this.env.LOGIN_ACCOUNT_DELAY_MS;
    const doublings = Math.min(
      failures - ACCOUNT_FREE_FAILURES,
      Math.log2(ACCOUNT_DELAY_MAX_FACTOR),
    );
    return base * 2 ** doublings;
  }
}

/** The key of an address: itself for IPv4, its /64 for IPv6. */
export function addressBlock(ip: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped) return mapped[1];
  if (!isIPv6(ip)) return ip;
  return `${expandIPv6(ip).slice(0, 4).join(':')}::/64`;
}

function expandIPv6(ip: string): string[] {
  const groups = (text: string) =>
    text
      ? text.split(':').flatMap((part) => (part.includes('.') ? ['0', '0'] : [part])) // a.b.c.d tail
      : [];
  const [head, tail] = ip.split('%')[0].split('::');
  const left = groups(head);
  const right = tail === undefined ? [] : groups(tail);
  const fill = tail === undefined ? [] : Array(8 - left.length - right.length).fill('0');
  return [...left, ...fill, ...right].map((part) => part.toLowerCase().replace(/^0+(?=.)/, ''));
}
