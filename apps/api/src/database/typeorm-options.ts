import type { DataSourceOptions } from 'typeorm';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';

/** How long a request waits for a pool connection unless told otherwise. */
export const DEFAULT_CONNECT_TIMEOUT_MS = 5000;

/**
 * How long an idle pool connection is kept. A new connection is a new server process whose first
 * statements load the catalog of every partition they touch and plan afresh: tens of milliseconds
 * that the request which opens it waits (pg-pool's default, 10 s, reopened connections at every
 * lull of the benchmark's fixed-rate run). Ten idle connections cost the server little.
 */
export const IDLE_CONNECTION_MS = 10 * 60_000;

/**
 * The one description of how the API talks to PostgreSQL. Schema changes only via migrations.
 * The pool (pg-pool) discards a client whose connection broke and connects anew on demand, so the
 * API recovers by itself when the database comes back; meanwhile a request waits at most
 * `connectTimeoutMs` for a connection (pg's default is forever) and then fails with an error the
 * error filter answers as 503.
 */
export function typeOrmOptions(
  url: string,
  poolMax = 10,
  connectTimeoutMs = DEFAULT_CONNECT_TIMEOUT_MS,
): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'schema_migration',
    synchronize: false,
    installExtensions: false,
    uuidExtension: 'pgcrypto',
    extra: {
      max: poolMax,
      connectionTimeoutMillis: connectTimeoutMs,
      idleTimeoutMillis: IDLE_CONNECTION_MS,
      // The named statements (database/prepared.ts) run their generic plan from the first
      // execution, not after five custom plans: planning the check-in's partitioned statements
      // costs more than running them, and their generic plans prune partitions at run time.
      options: '-c plan_cache_mode=force_generic_plan',
      // Notices a peer that vanished without closing (a dead host, a dropped NAT entry).
      keepAlive: true,
    },
  };
}
