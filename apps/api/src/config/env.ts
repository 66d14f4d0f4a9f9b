import { plainToInstance, Transform } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  Max,
  Min,
  MinLength,
  Validate,
  ValidateIf,
  ValidatorConstraint,
  type ValidationArguments,
  type ValidatorConstraintInterface,
  validateSync,
} from 'class-validator';
import { databaseUrlProblem } from './database-url';
import { DEFAULT_DATA_DIR, DEFAULT_H5_DIR } from './paths';
import { resolvePublicBaseUrl } from './public-base-url';
import { trustProxyProblem } from './trust-proxy';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
const toBoolean = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? ['1', 'true', 'yes'].includes(value.toLowerCase()) : value;
const toInt = ({ value }: { value: unknown }) =>
  typeof value === 'string' && value !== '' ? Number(value) : value;

@ValidatorConstraint({ name: 'trustProxy' })
class TrustProxyFormat implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    return typeof value === 'string' && trustProxyProblem(value) === undefined;
  }

  defaultMessage(args: ValidationArguments): string {
    const problem = typeof args.value === 'string' ? trustProxyProblem(args.value) : undefined;
    return `TRUST_PROXY: ${problem ?? 'must be text'}`;
  }
}

@ValidatorConstraint({ name: 'databaseUrl' })
class DatabaseUrlFormat implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    return typeof value === 'string' && databaseUrlProblem(value) === undefined;
  }

  defaultMessage(args: ValidationArguments): string {
    const problem = typeof args.value === 'string' ? databaseUrlProblem(args.value) : undefined;
    return `DATABASE_URL ${problem ?? 'must be text'}`;
  }
}

/** Every environment variable the API reads, validated once at boot. */
export class Env {
  @IsIn(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test' = 'production';

  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT = 3000;

  @IsString()
  HOST = '0.0.0.0';

  /**
   * The reverse proxies whose X-Forwarded-For the API believes (addresses or CIDRs,
   * comma-separated). Unset: none, the client's address is the socket's (see trust-proxy.ts).
   */
  @IsOptional()
  @Validate(TrustProxyFormat)
  TRUST_PROXY?: string = undefined;

  /**
   * A PostgreSQL URL (a host, or a Unix socket's folder in `?host=`); when absent the API starts
   * its embedded database in DATA_DIR.
   */
  @IsOptional()
  @Validate(DatabaseUrlFormat)
  DATABASE_URL?: string = undefined;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(200)
  DB_POOL_MAX = 10;

  /**
   * How long a request waits for a database connection before it fails (503): a database that is
   * away must not make requests hang until the phone gives up.
   */
  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(60_000)
  DB_CONNECT_TIMEOUT_MS = 5000;

  /** The Retry-After (seconds) of a 503 SERVICE_UNAVAILABLE while the database is away. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(3600)
  DB_UNAVAILABLE_RETRY_AFTER_SECONDS = 5;

  /** Set by the launcher when DATABASE_URL points at the embedded database it started. */
  @Transform(toBoolean)
  @IsBoolean()
  EMBEDDED_DATABASE = false;

  @IsString()
  DATA_DIR = DEFAULT_DATA_DIR;

  @IsString()
  H5_DIR = DEFAULT_H5_DIR;

  @IsIn(LOG_LEVELS)
  LOG_LEVEL: (typeof LOG_LEVELS)[number] = 'info';

  /** Seed the demo dataset into an empty database at start. */
  @Transform(toBoolean)
  @IsBoolean()
  DEMO_DATA = false;

  /** HMAC secret of access and refresh tokens (≥ 32 chars). Unset: generated into DATA_DIR. */
  @IsOptional()
  @IsString()
  @MinLength(32)
  JWT_SECRET?: string = undefined;

  /** Ed25519 seed of the gate-code signing key, base64url of 32 bytes. Unset: generated into DATA_DIR. */
  @IsOptional()
  @Matches(/^[A-Za-z0-9_-]{43}$/)
  GATE_CODE_SEED?: string = undefined;

  /** Which key signs new gate codes (a bureau rotates keys by changing seed and id). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(255)
  GATE_CODE_KEY_ID = 1;

  /**
   * Ed25519 seed (base64url of 32 bytes) of the key that signs audit checkpoints. Never stored in
   * the database; unset: generated into DATA_DIR/secrets.json (required in production with a
   * shared DATABASE_URL). Use a seed of its own, not the gate-code seed.
   */
  @IsOptional()
  @Matches(/^[A-Za-z0-9_-]{43}$/)
  AUDIT_CHECKPOINT_SEED?: string = undefined;

  /** The id published with the checkpoint key (change it with the seed when rotating). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(255)
  AUDIT_CHECKPOINT_KEY_ID = 1;

  /**
   * Where a copy of every signed checkpoint is appended, one file per day (UTC) of JSON lines,
   * for archiving outside the database. Unset: DATA_DIR/audit-checkpoints.
   */
  @IsOptional()
  @IsString()
  AUDIT_CHECKPOINT_DIR?: string = undefined;

  /**
   * How old the latest checkpoint may be before GET /public/audit/checkpoint signs a new one (when
   * the chain has grown since); the hourly job signs one in any case.
   */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(1440)
  AUDIT_CHECKPOINT_FRESH_MINUTES = 10;

  /** The mini-program's AppID and AppSecret for WeChat login (code → session); unset: disabled. */
  @IsOptional()
  @IsString()
  WECHAT_APP_ID?: string = undefined;

  @IsOptional()
  @IsString()
  WECHAT_APP_SECRET?: string = undefined;

  /** WeChat's API origin (a local fake in tests). */
  @IsUrl({ require_tld: false, require_protocol: true })
  WECHAT_API_BASE = 'https://api.weixin.qq.com';

  /** Check-ins one officer may send per minute (a busy day is dozens; a replaying script is more). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  CHECK_IN_RATE_LIMIT_PER_MINUTE = 30;

  /**
   * Previews (预判) one officer may ask per minute: one per change of purpose facts on the
   * check-in screen (scan, co-officers, reference, location), so more than check-ins.
   */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  CHECK_IN_PREVIEW_RATE_LIMIT_PER_MINUTE = 120;

  /**
   * After 5 failed logins of one account within 15 minutes, each further attempt on it waits this
   * long before the password is checked, doubling per further failure up to 4 times this (1, 2,
   * 4, 4 … s): guessing is slowed, the account is never locked. Keep 4× under the phone's 8-s
   * request timeout.
   */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(2000)
  LOGIN_ACCOUNT_DELAY_MS = 1000;

  /**
   * Whether this instance runs the periodic jobs (visits auto-close, the audit chain check, the
   * sweep of expired limit counters). Several instances may all run them: each run happens once
   * across them (see JobScheduler). Off in tests, which call the jobs themselves.
   */
  @Transform(toBoolean)
  @IsBoolean()
  SCHEDULED_JOBS = true;

  /** How often the audit chain is checked without anyone asking (at multiples of it on the clock). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  CHAIN_CHECK_INTERVAL_SECONDS = 3600;

  /** How often visits left open past 12 hours are looked for and closed. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  AUTO_CLOSE_INTERVAL_SECONDS = 600;

  /**
   * The public https origin of this deployment (gate codes are URLs under it). Required in
   * production on a shared database, and never localhost there; elsewhere it defaults to
   * http://localhost:<PORT> (see public-base-url.ts).
   */
  @ValidateIf((env: Env) => env.PUBLIC_BASE_URL !== '')
  @IsUrl({ require_tld: false, require_protocol: true, protocols: ['http', 'https'] })
  PUBLIC_BASE_URL = '';
}

/** Validates raw variables (process.env) into an Env, or throws one error listing every problem. */
export function validateEnv(raw: Record<string, unknown>): Env {
  const known = Object.keys(new Env());
  const picked = Object.fromEntries(
    Object.entries(raw).filter(([key, value]) => known.includes(key) && value !== ''),
  );
  const env = plainToInstance(Env, picked, { exposeDefaultValues: true });
  const errors = validateSync(env, { skipMissingProperties: false });
  if (errors.length > 0) {
    const lines = errors.map(
      (e) => `  ${e.property}: ${Object.values(e.constraints ?? {}).join('; ')}`,
    );
    throw new Error(`Invalid environment:\n${lines.join('\n')}`);
  }
  try {
    env.PUBLIC_BASE_URL = resolvePublicBaseUrl(env);
  } catch (error) {
    throw new Error(`Invalid environment:\n  PUBLIC_BASE_URL: ${(error as Error).message}`);
  }
  return env;
}
