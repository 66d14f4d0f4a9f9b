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
      // No session-wide plan_cache_mode: TypeORM's parameterized queries are unnamed statements,
      // which it would also turn to generic plans (the visit list got slower that way); the named
      // statements (database/prepared.ts) take their generic plan after five runs by themselves.
      // Notices a peer that vanished without closing (a dead host, a dropped NAT entry).
      keepAlive: true,
    },
  };
}
