import type { DataSourceOptions } from 'typeorm';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';

/** How long a request waits for a pool connection unless told otherwise. */
export const DEFAULT_CONNECT_TIMEOUT_MS = 5000;

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
      // Notices a peer that vanished without closing (a dead host, a dropped NAT entry).
      keepAlive: true,
    },
  };
}
