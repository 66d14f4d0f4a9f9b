import { encodeBase64url } from '@qinqing/domain';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import type { Env } from './env';

export const SECRETS = Symbol('SECRETS');

export interface Secrets {
  jwtSecret: string;
  gateCodeSeed: string;
  /** the Ed25519 seed that signs audit checkpoints: never in the database it vouches for */
  auditCheckpointSeed: string;
}

/**
 * Secrets come from the environment; for a local or demo installation without them, they are
 * generated once and kept in DATA_DIR/secrets.json (mode 0600), never in the repository or the
 * database.
 */
export function resolveSecrets(env: Env): Secrets {
  if (env.JWT_SECRET && env.GATE_CODE_SEED && env.AUDIT_CHECKPOINT_SEED) {
    return {
      jwtSecret: env.JWT_SECRET,
      gateCodeSeed: env.GATE_CODE_SEED,
      auditCheckpointSeed: env.AUDIT_CHECKPOINT_SEED,
    };
  }
  if (env.DATABASE_URL && !env.EMBEDDED_DATABASE && env.NODE_ENV === 'production') {
    // A shared database outlives this container: secrets kept in a local folder would be lost or
    // differ between instances (tokens rejected, gate codes unverifiable, checkpoints signed by
    // keys nobody knows). They must be configured.
    const missing = (['JWT_SECRET', 'GATE_CODE_SEED', 'AUDIT_CHECKPOINT_SEED'] as const).filter(
      (name) => !env[name],
    );
    throw new Error(
      `${missing.join(', ')} must be set when running with DATABASE_URL in production ` +
        "(e.g. node -e \"console.log(require('crypto').randomBytes(32).toString('base64url'))\")",
    );
  }
  const file = path.join(env.DATA_DIR, 'secrets.json');
  let stored: Partial<Secrets> = {};
  if (existsSync(file)) stored = JSON.parse(readFileSync(file, 'utf8')) as Partial<Secrets>;
  const secrets: Secrets = {
    jwtSecret: env.JWT_SECRET ?? stored.jwtSecret ?? encodeBase64url(randomBytes(48)),
    gateCodeSeed: env.GATE_CODE_SEED ?? stored.gateCodeSeed ?? encodeBase64url(randomBytes(32)),
    auditCheckpointSeed:
      env.AUDIT_CHECKPOINT_SEED ?? stored.auditCheckpointSeed ?? encodeBase64url(randomBytes(32)),
  };
  if (
    stored.jwtSecret !== secrets.jwtSecret ||
    stored.gateCodeSeed !== secrets.gateCodeSeed ||
    stored.auditCheckpointSeed !== secrets.auditCheckpointSeed
  ) {
    mkdirSync(env.DATA_DIR, { recursive: true });
    writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  }
  return secrets;
}
