import { chmodSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { DataSource } from 'typeorm';
import { findPostgresBinDir } from '../../src/database/embedded/postgres-binaries';
import { PostgresCluster } from '../../src/database/embedded/postgres-cluster';
import { typeOrmOptions } from '../../src/database/typeorm-options';

export const TEMPLATE_DATABASE = 'qinqing_template';

declare global {
  // Handed from global setup to global teardown (same process).
  var __qinqingTestCluster: { cluster: PostgresCluster; root: string } | undefined;
}

/**
 * Starts a throw-away PostgreSQL for the test run and migrates a template database; each test
 * file clones the template into its own database (see test-database.ts).
 */
export default async function globalSetup(): Promise<void> {
  if (globalThis.__qinqingTestCluster) return;
  const binDir = findPostgresBinDir();
  if (!binDir) {
    throw new Error(
      'PostgreSQL server binaries (initdb, pg_ctl, postgres) not found: set PG_BIN_DIR',
    );
  }
  const root = mkdtempSync(path.join(tmpdir(), 'qinqing-pg-'));
  chmodSync(root, 0o755); // the postgres user must reach the data folder when we run as root
  const cluster = new PostgresCluster({
    dataDir: path.join(root, 'data'),
    binDir,
    ephemeral: true,
  });
  const serverUrl = await cluster.start();
  globalThis.__qinqingTestCluster = { cluster, root };

  const templateUrl = await cluster.ensureDatabase(TEMPLATE_DATABASE);
  const dataSource = new DataSource(typeOrmOptions(templateUrl, 1));
  await dataSource.initialize();
  await dataSource.runMigrations({ transaction: 'each' });
  await dataSource.destroy();
  process.env.QINQING_TEST_PG_URL = serverUrl;
}
