import { DEFAULT_DATA_DIR } from './paths';
import { validateEnv } from './env';

describe('validateEnv', () => {
  it('applies defaults when nothing is set', () => {
    const env = validateEnv({});
    expect(env).toMatchObject({
      PORT: 3000,
      DB_POOL_MAX: 10,
      LOG_LEVEL: 'info',
      DEMO_DATA: false,
    });
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.DATA_DIR).toBe(DEFAULT_DATA_DIR);
  });

  it('parses numbers and booleans from strings and ignores unrelated variables', () => {
    const env = validateEnv({
      PORT: '8080',
      DEMO_DATA: 'true',
      DATABASE_URL: 'postgres://u@db:5432/q',
      PUBLIC_BASE_URL: 'https://qinqing.example.gov.cn',
      HOME: '/root',
    });
    expect(env).toMatchObject({
      PORT: 8080,
      DEMO_DATA: true,
      DATABASE_URL: 'postgres://u@db:5432/q',
    });
    expect(env).not.toHaveProperty('HOME');
  });

  describe('PUBLIC_BASE_URL (the origin on every gate-code poster)', () => {
    const deployed = { NODE_ENV: 'production', DATABASE_URL: 'postgres://u@db:5432/q' };

    it('follows PORT when unset outside a production deployment', () => {
      expect(validateEnv({ PORT: '3300', NODE_ENV: 'development' }).PUBLIC_BASE_URL).toBe(
        'http://localhost:3300',
      );
      // npm start: production mode on the embedded database it started itself.
      expect(
        validateEnv({ ...deployed, EMBEDDED_DATABASE: 'true', PORT: '3300' }).PUBLIC_BASE_URL,
      ).toBe('http://localhost:3300');
      expect(validateEnv({}).PUBLIC_BASE_URL).toBe('http://localhost:3000');
    });

    it('is required in production on a shared database', () => {
      expect(() => validateEnv(deployed)).toThrow(/PUBLIC_BASE_URL: PUBLIC_BASE_URL must be set/);
    });

    it.each([
      'http://localhost:3000',
      'https://LOCALHOST',
      'http://127.0.0.1:8080',
      'http://[::1]:3000',
      'http://0.0.0.0',
      'https://app.localhost',
    ])('refuses %s in production', (url) => {
      expect(() => validateEnv({ ...deployed, PUBLIC_BASE_URL: url })).toThrow(/not this machine/);
    });

    it('keeps a public origin as given, without a trailing slash', () => {
      expect(
        validateEnv({ ...deployed, PUBLIC_BASE_URL: 'https://qinqing.example.gov.cn/' })
          .PUBLIC_BASE_URL,
      ).toBe('https://qinqing.example.gov.cn');
      // Development may point the posters at this machine's address in the LAN.
      expect(
        validateEnv({ NODE_ENV: 'development', PUBLIC_BASE_URL: 'http://localhost:3300' })
          .PUBLIC_BASE_URL,
      ).toBe('http://localhost:3300');
    });

    it('refuses what is not an http(s) URL', () => {
      expect(() => validateEnv({ PUBLIC_BASE_URL: 'ftp://example.cn' })).toThrow(/PUBLIC_BASE_URL/);
      expect(() => validateEnv({ PUBLIC_BASE_URL: 'qinqing.example.cn' })).toThrow(
        /PUBLIC_BASE_URL/,
      );
    });
  });

  it('treats empty strings as unset', () => {
    expect(validateEnv({ DATABASE_URL: '' }).DATABASE_URL).toBeUndefined();
  });

  it('lists every invalid variable at once', () => {
    expect(() =>
      validateEnv({
        PORT: 'abc',
        DATABASE_URL: 'mysql://x',
        LOG_LEVEL: 'loud',
      }),
    ).toThrow(/PORT[\s\S]*DATABASE_URL[\s\S]*LOG_LEVEL/);
  });

  it('reads TRUST_PROXY as addresses or CIDRs, and refuses anything else', () => {
    expect(validateEnv({}).TRUST_PROXY).toBeUndefined();
    expect(validateEnv({ TRUST_PROXY: '10.0.0.5, 172.16.0.0/12,::1,loopback' }).TRUST_PROXY).toBe(
      '10.0.0.5, 172.16.0.0/12,::1,loopback',
    );
    for (const bad of ['true', '1', '10.0.0.0/33', 'proxy.example.com']) {
      expect(() => validateEnv({ TRUST_PROXY: bad })).toThrow(/TRUST_PROXY/);
    }
  });
});
