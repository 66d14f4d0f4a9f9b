import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { validateEnv } from './env';
import { resolveSecrets } from './secrets';

describe('resolveSecrets', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(path.join(tmpdir(), 'qinqing-secrets-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('generates secrets once into DATA_DIR (0600) and reuses them', () => {
    const env = validateEnv({ DATA_DIR: dir });
    const first = resolveSecrets(env);
    expect(first.jwtSecret.length).toBeGreaterThanOrEqual(32);
    expect(first.gateCodeSeed).toMatch(/^[\w-]{43}$/);
    expect(first.auditCheckpointSeed).toMatch(/^[\w-]{43}$/);
    expect(first.auditCheckpointSeed).not.toBe(first.gateCodeSeed);
    expect(resolveSecrets(env)).toEqual(first);
    const file = path.join(dir, 'secrets.json');
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(first);
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('takes configured secrets as they are', () => {
    const env = validateEnv({
      DATA_DIR: dir,
      JWT_SECRET: 'x'.repeat(40),
      GATE_CODE_SEED: 'A'.repeat(43),
      AUDIT_CHECKPOINT_SEED: 'B'.repeat(43),
    });
    expect(resolveSecrets(env)).toEqual({
      jwtSecret: 'x'.repeat(40),
      gateCodeSeed: 'A'.repeat(43),
      auditCheckpointSeed: 'B'.repeat(43),
    });
  });

  it('generates secrets for the embedded database that npm start runs, even in production mode', () => {
    const env = validateEnv({
      DATA_DIR: dir,
      NODE_ENV: 'production',
      DATABASE_URL: 'postgres://postgres@127.0.0.1:5555/qinqing',
      EMBEDDED_DATABASE: 'true',
    });
    expect(resolveSecrets(env).gateCodeSeed).toMatch(/^[\w-]{43}$/);
  });

  it('refuses to invent secrets for a production deployment on a shared database', () => {
    const env = validateEnv({
      DATA_DIR: dir,
      NODE_ENV: 'production',
      DATABASE_URL: 'postgres://db/q',
      PUBLIC_BASE_URL: 'https://qinqing.example.gov.cn',
    });
    expect(() => resolveSecrets(env)).toThrow(
      /JWT_SECRET, GATE_CODE_SEED, AUDIT_CHECKPOINT_SEED must be set/,
    );
    const partly = validateEnv({
      DATA_DIR: dir,
      NODE_ENV: 'production',
      DATABASE_URL: 'postgres://db/q',
      PUBLIC_BASE_URL: 'https://qinqing.example.gov.cn',
      JWT_SECRET: 'x'.repeat(40),
      GATE_CODE_SEED: 'A'.repeat(43),
    });
    expect(() => resolveSecrets(partly)).toThrow(/^AUDIT_CHECKPOINT_SEED must be set/);
  });
});
