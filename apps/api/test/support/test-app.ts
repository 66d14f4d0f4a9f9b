import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyInstance } from 'fastify';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { DataSource } from 'typeorm';
import { createApp } from '../../src/bootstrap';
import type { Env } from '../../src/config/env';
import { createTestDatabase } from './test-database';

export interface TestApp {
  app: NestFastifyApplication;
  /** Sends a request through the full stack without a socket (Fastify's inject). */
  inject: FastifyInstance['inject'];
  dataSource: DataSource;
  databaseUrl: string;
  close(): Promise<void>;
}

/**
 * The real application on its own fresh database (or on `overrides.DATABASE_URL`, e.g. a test's
 * own cluster), ready for `app.inject` or `listen`.
 */
export async function startTestApp(overrides: Partial<Env> = {}): Promise<TestApp> {
  const databaseUrl = overrides.DATABASE_URL ?? (await createTestDatabase());
  const app = await createApp({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DB_POOL_MAX: 5,
    H5_DIR: '/nonexistent',
    CHECK_IN_RATE_LIMIT_PER_MINUTE: 10_000,
    // Tests call the jobs themselves; a slot of the clock passing mid-test must not run them.
    SCHEDULED_JOBS: false,
    JWT_SECRET: 'test-only-jwt-secret-of-at-least-32-characters',
    GATE_CODE_SEED: 'dGVzdC1vbmx5LWdhdGUtY29kZS1zZWVkLTMyLWJ5dGU',
    AUDIT_CHECKPOINT_SEED: 'dGVzdC1vbmx5LWF1ZGl0LWNoZWNrcG9pbnQtc2VlZDE',
    AUDIT_CHECKPOINT_DIR: mkdtempSync(path.join(tmpdir(), 'qinqing-checkpoints-')),
    ...overrides,
    DATABASE_URL: databaseUrl,
  });
  await app.init();
  const fastify: FastifyInstance = app.getHttpAdapter().getInstance();
  await fastify.ready();
  return {
    app,
    inject: fastify.inject.bind(fastify) as FastifyInstance['inject'],
    dataSource: app.get(DataSource),
    databaseUrl,
    close: () => app.close(),
  };
}
