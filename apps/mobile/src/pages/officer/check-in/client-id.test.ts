import { mathRandom, newClientId, UUID_V4 } from './client-id';

describe('newClientId', () => {
  it('makes a UUID v4 with crypto.getRandomValues', () => {
    const id = newClientId();
    expect(id).toMatch(UUID_V4);
    expect(newClientId()).not.toBe(id);
  });

  it('sets the version and variant bits whatever the random bytes are', () => {
    expect(newClientId((b) => b.fill(0xff))).toBe('ffffffff-ffff-4fff-bfff-ffffffffffff');
    expect(newClientId((b) => b.fill(0))).toBe('00000000-0000-4000-8000-000000000000');
  });

  it('falls back to Math.random where there is no crypto', () => {
    const original = globalThis.crypto;
    Object.defineProperty(globalThis, 'crypto', { value: undefined, configurable: true });
    try {
      const ids = new Set(Array.from({ length: 50 }, () => newClientId()));
      expect(ids.size).toBe(50);
      for (const id of ids) expect(id).toMatch(UUID_V4);
    } finally {
      Object.defineProperty(globalThis, 'crypto', { value: original, configurable: true });
    }
    expect(mathRandom(new Uint8Array(4)).length).toBe(4);
  });
});
