import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import * as path from 'node:path';
import { AppModule } from '../app.module';
import { PUBLIC_EXTENSION } from '../common/public.decorator';

/** The committed document (apps/api/openapi.json): `npm run openapi -w apps/api` writes it. */
export const OPENAPI_FILE = path.join(__dirname, '../../openapi.json');

/** The routes' paths: everything under /api but the gate code's own URL (/c/<token>), kept short. */
export function setRoutePrefix(app: NestFastifyApplication): void {
  app.setGlobalPrefix('api', { exclude: ['c/:token'] });
}

/**
 * The OpenAPI document of the application's routes, as served at /api/docs/openapi.json and
 * committed: a login (bearer token) required on every route but the @Public() ones, keys sorted.
 */
export function buildOpenApiDocument(app: NestFastifyApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('亲清 Qinqing API')
    .setDescription(
      '执法打卡 / 扫码入企: scan-to-enter check-ins for ecology-and-environment enforcement. ' +
        'Every error body is {code, message, ...} with a stable code. While the database cannot ' +
        'be reached, every route answers 503 SERVICE_UNAVAILABLE with a Retry-After header: send ' +
        'the same request again later (a check-in with the same clientId).',
    )
    .setVersion('1')
    .addBearerAuth()
    .build();
  const document = SwaggerModule.createDocument(app, config);
  for (const item of Object.values(document.paths)) {
    for (const operation of Object.values(item)) {
      if (typeof operation !== 'object' || operation === null || !('responses' in operation)) {
        continue;
      }
      const extended = operation as { [PUBLIC_EXTENSION]?: unknown; security?: unknown };
      const isPublic = extended[PUBLIC_EXTENSION] === true;
      delete extended[PUBLIC_EXTENSION];
      extended.security = isPublic ? [] : [{ bearer: [] }];
    }
  }
  return sortKeys(document);
}

/** The document as committed: keys sorted at every level, two-space indentation, final newline. */
export function openApiText(document: OpenAPIObject): string {
  return `${JSON.stringify(sortKeys(document), null, 2)}\n`;
}

/**
 * The document without a database: the application in Nest's preview mode (modules and routes
 * read, no provider built, nothing connected).
 */
export async function createOpenApiDocument(): Promise<OpenAPIObject> {
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.register({ LOG_LEVEL: 'silent' }),
    new FastifyAdapter(),
    { preview: true, logger: false, abortOnError: false },
  );
  setRoutePrefix(app);
  const document = buildOpenApiDocument(app);
  await app.close();
  return document;
}

function sortKeys<T>(value: T): T {
  if (Array.isArray(value)) return value.map(sortKeys) as T;
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((key) => [key, sortKeys((value as Record<string, unknown>)[key])]),
  ) as T;
}
