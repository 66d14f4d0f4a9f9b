import fastifyCompress from '@fastify/compress';
import fastifyStatic from '@fastify/static';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { AppModule } from './app.module';
import { registerEarlyAuthentication } from './auth/early-authentication';
import { frameworkError, registerRequestEdge } from './common/request-edge';
import { registerSecurityHeaders } from './common/security-headers';
import { REQUEST_ID_HEADER, requestIdFor } from './common/request-id';
import { SchemaValidationPipe } from './common/validation';
import type { Env } from './config/env';
import { validateEnv } from './config/env';
import { buildOpenApiDocument, setRoutePrefix } from './openapi/openapi-document';
import { trustProxyOption } from './config/trust-proxy';

/** Request bodies larger than this are refused with 400 VALIDATION_FAILED. */
export const BODY_LIMIT_BYTES = 256 * 1024;

/**
 * Builds the whole application (API under /api, OpenAPI at /api/docs, H5 app at /) without
 * listening, so main.ts and the tests start exactly the same thing.
 */
export async function createApp(overrides: Partial<Env> = {}): Promise<NestFastifyApplication> {
  const env = validateEnv({ ...process.env, ...overrides });
  const adapter = new FastifyAdapter({
    bodyLimit: BODY_LIMIT_BYTES,
    // X-Forwarded-For only from the configured proxies: otherwise any client could claim any
    // address, and the login limit per address would count nothing.
    trustProxy: trustProxyOption(env.TRUST_PROXY),
    routerOptions: { maxParamLength: 300 }, // a gate code token is 136 characters
    genReqId: requestIdFor,
    // a path the router cannot decode: answered in the error contract (request-edge.ts)
    frameworkErrors: frameworkError,
  });
  // Every answer names its request, so a user's report and a proxy's log lead to the API's log.
  adapter.getInstance().addHook('onRequest', (request, reply, done) => {
    void reply.header(REQUEST_ID_HEADER, request.id);
    done();
  });
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.register(overrides),
    adapter,
    {
      bufferLogs: true,
    },
  );
  app.useLogger(app.get(Logger));
  setRoutePrefix(app);
  app.useGlobalPipes(new SchemaValidationPipe());
  app.enableShutdownHooks();
  // Before any route is added: Fastify applies a hook only to routes registered after it.
  registerSecurityHeaders(app, env.H5_DIR);
  // Body parsers and URL checks: after the headers (every answer carries them), before init.
  registerRequestEdge(app);
  // A login is checked when the request arrives, before its body is read.
  registerEarlyAuthentication(app);
  await compressResponses(app);
  setUpOpenApi(app);
  await serveH5App(app, env.H5_DIR);
  return app;
}

function setUpOpenApi(app: NestFastifyApplication): void {
  SwaggerModule.setup('api/docs', app, buildOpenApiDocument(app), {
    jsonDocumentUrl: 'api/docs/openapi.json',
  });
}

/**
 * API answers (JSON, CSV, the OpenAPI page) compressed when the client accepts it and they are
 * over 1 KB: at a gate with one bar of signal the bytes are the wait. Static files come
 * precompressed from the build (see serveH5App) and are left alone.
 */
async function compressResponses(app: NestFastifyApplication): Promise<void> {
  await app.register(fastifyCompress as never, { threshold: 1024, encodings: ['br', 'gzip'] });
}

/** A built file whose name carries a content hash (js/app.8fb92732.js, css/508.0a18….css). */
const HASHED_ASSET = /[.-][0-9a-f]{8,}\.(js|css)(\.br|\.gz)?$|\/static\//;

/** The app's icons (favicon, home-screen icons): same names across versions, rarely changed. */
const APP_ICON = /\/(favicon|icon)-\d+\.png$/;

/**
 * The Cache-Control of a file of the H5 build: hashed assets never change under their name, so a
 * phone keeps them for a year without asking; the icons for a day (Chromium asks for the favicon
 * again on every screen change: one round trip each at the gate); index.html, the manifest and
 * the service worker must be asked for every time (no-cache: revalidated), or a phone would run an
 * old app against a new API.
 */
export function h5CacheControl(filePath: string): string {
  const file = filePath.replace(/\\/g, '/');
  if (HASHED_ASSET.test(file)) return 'public, max-age=31536000, immutable';
  if (APP_ICON.test(file)) return 'public, max-age=86400';
  return 'no-cache';
}

/** Serves the built H5 app at `/` (one origin with the API: no CORS in production). */
async function serveH5App(app: NestFastifyApplication, h5Dir: string): Promise<void> {
  const fastify = app.getHttpAdapter().getInstance();
  if (existsSync(path.join(h5Dir, 'index.html'))) {
    await fastify.register(fastifyStatic, {
      root: h5Dir,
      prefix: '/',
      wildcard: false,
      // `/` is its own route below: with preCompressed, @fastify/static answers `/` with 404 to any
      // client that accepts a compressed encoding (every browser).
      index: false,
      // The build writes .br and .gz beside each asset (apps/mobile/scripts/precompress.mjs).
      preCompressed: true,
      cacheControl: false,
      setHeaders: (res, filePath) => {
        void res.header('cache-control', h5CacheControl(filePath));
      },
    });
    fastify.get('/', (_request, reply) => reply.sendFile('index.html'));
    return;
  }
  app.get(Logger).warn({ h5Dir }, 'H5 app not built: run `npm run build:h5` to serve it at /');
  fastify.get('/', (_request, reply) => {
    void reply
      .type('text/html; charset=utf-8')
      .send(
        '<!doctype html><meta charset="utf-8"><title>亲清</title><p>H5 应用尚未构建：请运行 <code>npm run build:h5</code>。API 文档见 <a href="/api/docs">/api/docs</a>。</p>',
      );
  });
}
