import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { validateEnv } from '../../config/env';
import { startEmbeddedDatabase } from '../embedded/embedded-database';
import { typeOrmOptions } from '../typeorm-options';
import { seedDemoDataIfEmpty } from './demo-seed';

/** `npm run seed -w apps/api`: migrate, then seed the demo data into an empty database. */
async function run(): Promise<void> {
  const env = validateEnv(process.env);
  const embedded = env.DATABASE_URL ? undefined : await startEmbeddedDatabase(env.DATA_DIR);
  const url = env.DATABASE_URL ?? embedded!.url;
  const dataSource = new DataSource(typeOrmOptions(url, 1));
  await dataSource.initialize();
  try {
    await dataSource.runMigrations({ transaction: 'each' });
    const seeded = await seedDemoDataIfEmpty(dataSource);
    console.log(
      seeded ? 'Demo data seeded.' : 'The database already has accounts: nothing seeded.',
    );
  } finally {
    await dataSource.destroy();
    await embedded?.stop();
  }
}

run().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
