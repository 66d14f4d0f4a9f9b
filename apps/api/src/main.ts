import 'reflect-metadata';
import { Logger } from 'nestjs-pino';
import { createApp } from './bootstrap';
import { validateEnv } from './config/env';
import {
  startEmbeddedDatabase,
  type EmbeddedDatabase,
} from './database/embedded/embedded-database';
import { seedDemoData } from './database/seed/seed-demo-data';

/**
 * Starts the API. Without DATABASE_URL it starts the embedded database in DATA_DIR and seeds the
 * demo data into it when it is empty; with DATABASE_URL it seeds only when DEMO_DATA=true.
 */
async function main(): Promise<void> {
  const env = validateEnv(process.env);
  let embedded: EmbeddedDatabase | undefined;
  const overrides: Partial<typeof env> = {};
  if (!env.DATABASE_URL) {
    embedded = await startEmbeddedDatabase(env.DATA_DIR);
    overrides.DATABASE_URL = embedded.url;
    overrides.DB_POOL_MAX = Math.min(env.DB_POOL_MAX, embedded.poolMax);
  }
  const app = await createApp(overrides);
  const logger = app.get(Logger);
  if (embedded) {
    logger.log({ kind: embedded.kind, dataDir: embedded.dataDir }, 'embedded database started');
    const stopDatabase = embedded.stop.bind(embedded);
    app.getHttpAdapter().getInstance().addHook('onClose', stopDatabase);
  }
  await app.init();
  if ((embedded || env.DEMO_DATA) && (await seedDemoData(app))) {
    logger.log('demo data seeded (demo password: Qinqing@2026)');
  }
  await app.listen(env.PORT, env.HOST);
  const base = `http://localhost:${env.PORT}`;
  logger.log(`亲清 is running:  app ${base}/   API ${base}/api   docs ${base}/api/docs`);
  // A plain block too, for people reading the terminal rather than JSON logs.
  process.stdout.write(
    `\n  亲清 Qinqing\n  App:      ${base}/\n  API docs: ${base}/api/docs\n  Health:   ${base}/api/health\n\n`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
