import { validateEnv } from '../config/env';
import { DomainException } from '../common/errors/domain.exception';
import { addressBlock, LoginThrottle, MemoryLoginAttemptStore } from './login-throttle';

describe('LoginThrottle', () => {
  const throttle = (delay = 0) =>
    new LoginThrottle(
      new MemoryLoginAttemptStore(),
      validateEnv({ LOGIN_ACCOUNT_DELAY_MS: delay }),
    );
  const rateLimited = (promise: Promise<unknown>) =>
    promise.then(
      () => undefined,
      (e: unknown) => (e instanceof DomainException && e.code === 'RATE_LIMITED' ? e : undefined),
    );

  it('blocks an address at its sixth attempt after five failures, with when to come back', async () => {
    const t = throttle();
    const now = Date.UTC(2026, 10, 22, 8);
    for (let i = 0; i < 5; i++) await (await t.begin(`user${i}`, '10.0.0.1', now + i)).failed();
    const refused = await rateLimited(t.begin('someone', '10.0.0.1', now + 60_000));
    expect(refused?.details).toEqual({ retryAfterSeconds: 15 * 60 - 60 });
    // Another address is not concerned; the window passes.
    await expect(t.begin('someone', '10.0.0.2', now + 60_000)).resolves.toBeDefined();
    await expect(t.begin('someone', '10.0.0.1', now + 15 * 60_000 + 1)).resolves.toBeDefined();
  });

  it('counts guesses sent at once: only five of twenty are checked, the others come back soon', async () => {
    const t = throttle();
    const outcomes = await Promise.all(
      Array.from({ length: 20 }, () => rateLimited(t.begin('officer4', '10.0.0.3'))),
    );
    expect(outcomes.filter((refused) => !refused)).toHaveLength(5);
    expect(outcomes.filter(Boolean).map((refused) => refused?.details)).toEqual(
      Array(15).fill({ retryAfterSeconds: 1 }),
    );
  });

  it('forgets an attempt that could not be judged, and a success frees its place', async () => {
    const t = throttle();
    for (let i = 0; i < 10; i++) await (await t.begin('officer1', '10.0.0.4')).abandoned();
    for (let i = 0; i < 10; i++) await (await t.begin('officer1', '10.0.0.4')).succeeded();
    await expect(t.begin('officer1', '10.0.0.4')).resolves.toBeDefined();
  });

  it('slows an account after five failures from anywhere, never refuses it', async () => {
    const t = throttle(1000);
    expect([0, 4, 5, 6, 7, 8, 20].map((f) => t.accountDelayMs(f))).toEqual([
      0, 0, 1000, 2000, 4000, 4000, 4000,
    ]);
  });

  it('waits the account delay before the password is checked, then lets the attempt go on', async () => {
    const t = throttle(50);
    for (let i = 0; i < 5; i++) await (await t.begin('OFFICER4', `10.1.0.${i}`)).failed();
    const started = Date.now();
    const attempt = await t.begin('officer4', '10.1.0.99');
    expect(Date.now() - started).toBeGreaterThanOrEqual(45);
    await attempt.succeeded();
    const again = Date.now();
    await t.begin('officer4', '10.1.0.99');
    expect(Date.now() - again).toBeLessThan(45); // a success forgets the account's failures
  });

  it('counts IPv6 clients per /64', () => {
    expect(addressBlock('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
    expect(addressBlock('2001:db8:1:2:bbbb:cccc:dddd:eeee')).toBe('2001:db8:1:2::/64');
    expect(addressBlock('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(addressBlock('::ffff:10.0.0.7')).toBe('10.0.0.7');
    expect(addressBlock('10.0.0.7')).toBe('10.0.0.7');
  });
});
