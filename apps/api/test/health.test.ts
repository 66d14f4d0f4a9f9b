import { startTestApp, type TestApp } from './support/test-app';

describe('health and error envelope', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('answers 200 with the database up', async () => {
    const res = await t.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'ok', database: 'up' });
  });

  it('answers unknown API routes with 404 and a stable code', async () => {
    const res = await t.inject({ method: 'GET', url: '/api/v1/no-such-thing' });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({ code: 'NOT_FOUND', message: expect.stringMatching(/找不到/) });
  });

  it('serves the OpenAPI document', async () => {
    const res = await t.inject({ method: 'GET', url: '/api/docs/openapi.json' });
    expect(res.statusCode).toBe(200);
    expect(res.json().paths).toHaveProperty('/api/health');
  });

  it('explains the missing H5 build instead of failing at /', async () => {
    const res = await t.inject({ method: 'GET', url: '/' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('npm run build:h5');
  });
});

describe('health when the database is gone', () => {
  it('answers 503 DATABASE_UNAVAILABLE', async () => {
    const t = await startTestApp();
    await t.dataSource.destroy();
    const res = await t.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(503);
    expect(res.json()).toMatchObject({ code: 'DATABASE_UNAVAILABLE' });
    await t.app.close().catch(() => undefined);
  });
});
