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
      HOME: '/root',
    });
    expect(env).toMatchObject({
      PORT: 8080,
      DEMO_DATA: true,
      DATABASE_URL: 'postgres://u@db:5432/q',
    });
    expect(env).not.toHaveProperty('HOME');
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
