import { Injectable } from '@nestjs/common';

const MAX_FAILURES = 5;
const WINDOW_MS = 15 * 60 * 1000;

/**
 * Slows password guessing: after 5 failed logins for one username (or from one address) within
 * 15 minutes, further attempts are refused until the window passes. In memory, per process.
 */
@Injectable()
export class LoginThrottle {
  private readonly failures = new Map<string, number[]>();

  isBlocked(keys: string[], now = Date.now()): boolean {
    return keys.some((key) => this.recent(key, now).length >= MAX_FAILURES);
  }

  recordFailure(keys: string[], now = Date.now()): void {
    for (const key of keys) this.failures.set(key, [...this.recent(key, now), now]);
  }

  reset(keys: string[]): void {
    for (const key of keys) this.failures.delete(key);
  }

  private recent(key: string, now: number): number[] {
    return (this.failures.get(key) ?? []).filter((t) => now - t < WINDOW_MS);
  }
}
