import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { Client } from 'pg';
import { seedDemoDataIfEmpty } from '../../../api/src/database/seed/demo-seed';
import { startTestApp, type TestApp } from '../../../api/test/support/test-app';
import { createTestDatabase } from '../../../api/test/support/test-database';

/** The built H5 app; E2E_H5_DIR points elsewhere (e.g. a build made for one test run). */
export const H5_DIR = process.env.E2E_H5_DIR ?? path.resolve(__dirname, '../../../mobile/dist/h5');

/**
 * The real API listening on a loopback port, serving the built H5 app, with the demo data; or,
 * with `empty`, on a database dropped back to before any migration and without any data (a
 * bureau's first day: the API migrates it at start, and nobody can log in yet).
 */
export async function startRunningApp(
  options: { empty?: boolean } = {},
): Promise<TestApp & { baseUrl: string }> {
  if (!existsSync(path.join(H5_DIR, 'index.html'))) {
    throw new Error(
      `H5 build missing in ${H5_DIR}: run \`npm run build:h5\` first (npm test does)`,
    );
  }
  const databaseUrl = options.empty ? await emptyDatabase() : undefined;
  const t = await startTestApp({ H5_DIR, ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}) });
  if (!options.empty) await seedDemoDataIfEmpty(t.dataSource);
  await t.app.listen(0, '127.0.0.1');
  const address = t.app.getHttpServer().address();
  if (!address || typeof address !== 'object') throw new Error('app is not listening');
  return { ...t, baseUrl: `http://127.0.0.1:${address.port}` };
}

/** A database of its own with nothing in it, not even the tables. */
async function emptyDatabase(): Promise<string> {
  const url = await createTestDatabase();
  const db = new Client({ connectionString: url });
  await db.connect();
  try {
    await db.query('DROP SCHEMA public CASCADE; CREATE SCHEMA public');
  } finally {
    await db.end();
  }
  return url;
}
