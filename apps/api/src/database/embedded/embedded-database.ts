import * as path from 'node:path';
import { findPostgresBinDir } from './postgres-binaries';
import { PostgresCluster } from './postgres-cluster';
import { PgliteServer } from './pglite-server';

export interface EmbeddedDatabase {
  kind: 'postgres-cluster' | 'pglite';
  url: string;
  /** The largest connection pool the database can serve correctly. */
  poolMax: number;
  dataDir: string;
  stop(): Promise<void>;
}

/**
 * The database `npm start` uses when DATABASE_URL is not set: a private PostgreSQL cluster from
 * the machine's binaries when they exist, otherwise PGlite. Files stay in `dataRoot` across runs.
 */
export async function startEmbeddedDatabase(dataRoot: string): Promise<EmbeddedDatabase> {
  const binDir = findPostgresBinDir();
  if (binDir) {
    const dataDir = path.join(dataRoot, 'postgres');
    const cluster = new PostgresCluster({ dataDir, binDir });
    await cluster.start();
    await cluster.ensureDatabase('qinqing');
    const url = cluster.localUrl('qinqing');
    return {
      kind: 'postgres-cluster',
      url,
      poolMax: 10,
      dataDir,
      stop: () => cluster.stop(),
    };
  }
  const dataDir = path.join(dataRoot, 'pglite');
  const server = new PgliteServer(dataDir);
  const url = await server.start();
  return {
    kind: 'pglite',
    url,
    poolMax: 1,
    dataDir,
    stop: () => server.stop(),
  };
}
