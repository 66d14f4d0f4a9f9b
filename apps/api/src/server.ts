import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Logger } from 'nestjs-pino';
import { createApp } from './bootstrap';
import { type Env, validateEnv } from './config/env';
import {
  type EmbeddedDatabase,
  startEmbeddedDatabase,
} from './database/embedded/embedded-database';
import { seedDemoData } from './database/seed/seed-demo-data';

export interface RunningServer {
  app: NestFastifyApplication;
  /** where it listens, e.g. http://localhost:3000 */
  url: string;
  embedded?: EmbeddedDatabase;
}

/**
 * What `npm start` runs. Without DATABASE_URL it starts the embedded database in DATA_DIR and seeds
 * the demo data into it when it is empty; with DATABASE_URL it seeds only when DEMO_DATA=true.
 */
export async function startServer(
  raw: Record<string, unknown> = process.env,
): Promise<RunningServer> {
  const env = validateEnv(raw);
  let embedded: EmbeddedDatabase | undefined;
  const overrides: Partial<Env> = { ...raw };
  if (!env.DATABASE_URL) {
    embedded = await startEmbeddedDatabase(env.DATA_DIR);
    overrides.DATABASE_URL = embedded.url;
    overrides.DB_POOL_MAX = Math.min(env.DB_POOL_MAX, embedded.poolMax);
    overrides.EMBEDDED_DATABASE = true;
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
  const address = app.getHttpServer().address();
  const port = address && typeof address === 'object' ? address.port : env.PORT;
  return { app, url: `http://localhost:${port}`, embedded };
}
