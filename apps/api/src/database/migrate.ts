import { Logger } from '@nestjs/common';
import { type DataSource, MigrationExecutor } from 'typeorm';
import { ADVISORY_LOCK_NAMESPACE, MIGRATIONS_LOCK } from './advisory-locks';

/**
 * Runs the pending migrations under a PostgreSQL advisory lock, so several API instances started
 * at once on one database migrate it once: the first runs them (all in one transaction), the
 * others wait for the lock and then find nothing pending. The lock and the migrations share one
 * connection, which also suits PGlite (a single connection). Answers the names of the migrations
 * this call ran.
 */
export async function migrate(
  dataSource: DataSource,
  logger = new Logger('Migrations'),
): Promise<string[]> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  const lockArgs = [ADVISORY_LOCK_NAMESPACE, MIGRATIONS_LOCK];
  try {
    const [{ locked }] = (await runner.query(
      'SELECT pg_try_advisory_lock($1, $2) AS locked',
      lockArgs,
    )) as { locked: boolean }[];
    if (!locked) {
      logger.log('another instance is migrating the database: waiting for it');
      await runner.query('SELECT pg_advisory_lock($1, $2)', lockArgs);
    }
    try {
      const executor = new MigrationExecutor(dataSource, runner);
      executor.transaction = 'all';
      const ran = (await executor.executePendingMigrations()).map((m) => m.name);
      logger.log(
        { migrationsRun: ran },
        ran.length ? `ran ${ran.length} migration(s)` : 'no pending migration',
      );
      return ran;
    } finally {
      await runner.query('SELECT pg_advisory_unlock($1, $2)', lockArgs);
    }
  } finally {
    // Should the connection break midway, its session ends and PostgreSQL drops the lock with it.
    await runner.release();
  }
}
