import { readFileSync } from 'node:fs';
import { createOpenApiDocument, OPENAPI_FILE, openApiText } from '../src/openapi/openapi-document';
import { startTestApp, type TestApp } from './support/test-app';

const REGENERATE = 'run `npm run openapi -w apps/api` and commit apps/api/openapi.json';

/** The first line where two texts differ, to say where the committed document is behind. */
function firstDifference(committed: string, current: string): string {
  const a = committed.split('\n');
  const b = current.split('\n');
  const line = a.findIndex((text, i) => text !== b[i]);
  const at = line < 0 ? a.length : line;
  return `line ${at + 1}: committed ${JSON.stringify(a[at])}, now ${JSON.stringify(b[at])}`;
}

function expectCommitted(current: string): void {
  const committed = readFileSync(OPENAPI_FILE, 'utf8');
  if (current !== committed) {
    throw new Error(
      `apps/api/openapi.json is not the API's OpenAPI document: ${REGENERATE}.\n` +
        firstDifference(committed, current),
    );
  }
}

describe('the OpenAPI document', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it(`is committed as served at /api/docs/openapi.json (else ${REGENERATE})`, async () => {
    const res = await t.inject({ method: 'GET', url: '/api/docs/openapi.json' });
    expect(res.statusCode).toBe(200);
    expectCommitted(openApiText(res.json()));
  });

  it('is what the script writes without a database', async () => {
    expectCommitted(openApiText(await createOpenApiDocument()));
  });

  it('asks no login of the public routes, a bearer token of every other', () => {
    const document = JSON.parse(readFileSync(OPENAPI_FILE, 'utf8')) as {
      paths: Record<string, Record<string, { security: unknown[]; responses: object }>>;
    };
    const open = Object.entries(document.paths)
      .flatMap(([path, item]) =>
        Object.entries(item).map(([method, op]) => [`${method.toUpperCase()} ${path}`, op]),
      )
      .filter(([, op]) => (op as { security: unknown[] }).security.length === 0)
      .map(([name]) => name);
    expect(open.sort()).toEqual([
      'GET /api/health',
      'GET /api/v1/gate-codes/keys',
      'GET /api/v1/public/audit/checkpoint',
      'GET /api/v1/public/audit/keys',
      'GET /api/v1/public/draws',
      'GET /api/v1/public/draws/{id}',
      'GET /api/v1/public/draws/{id}/inputs',
      'GET /c/{token}',
      'POST /api/v1/auth/login',
      'POST /api/v1/auth/refresh',
      'POST /api/v1/auth/wechat',
    ]);
    expect(Object.keys(document.paths['/c/{token}'].get.responses)).toEqual(['302']);
  });
});
