import type { EntityManager } from 'typeorm';

/**
 * A statement PostgreSQL parses and plans once per connection and then only executes: a named
 * statement of node-postgres. For the hot path's long statements (the check-in's), whose planning
 * took longer than their execution, and the rate limits' count (on every limited request).
 * `name` must be unique to `text` across the app.
 *
 * Behind a pooler in transaction mode (PgBouncer < 1.21) named statements do not survive; the
 * app's own pool keeps each connection, so they do.
 */
export interface PreparedStatement {
  name: string;
  text: string;
}

/** Runs a prepared statement on a connection (TypeORM hands the config to node-postgres as is). */
export function runPrepared<T>(
  db: EntityManager,
  statement: PreparedStatement,
  params: unknown[],
): Promise<T> {
  return db.query(statement as unknown as string, params) as Promise<T>;
}
