import 'reflect-metadata';
import { createApp } from '../../bootstrap';
import { validateEnv } from '../../config/env';
import { startEmbeddedDatabase } from '../embedded/embedded-database';
import { seedDemoData } from './seed-demo-data';

/** `npm run seed -w apps/api`: migrate, then seed the demo data into an empty database. */
async function run(): Promise<void> {
  const env = validateEnv(process.env);
  const embedded = env.DATABASE_URL ? undefined : await startEmbeddedDatabase(env.DATA_DIR);
  const app = await createApp({
    LOG_LEVEL: 'warn',
    SCHEDULED_JOBS: false,
    ...(embedded
      ? {
          DATABASE_URL: embedded.url,
          DB_POOL_MAX: Math.min(env.DB_POOL_MAX, embedded.poolMax),
          EMBEDDED_DATABASE: true,
        }
      : {}),
  });
  try {
    await app.init();
    const seeded = await seedDemoData(app);
    console.log(
      seeded ? 'Demo data seeded.' : 'The database already has accounts: nothing seeded.',
    );
  } finally {
    await app.close();
    await embedded?.stop();
  }
}

run().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
