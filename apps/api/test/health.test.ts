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

  it('names every answer with a UUID request id, or the safe one the proxy sent', async () => {
    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
    const ok = await t.inject({ method: 'GET', url: '/api/health' });
    const missing = await t.inject({ method: 'GET', url: '/api/v1/no-such-thing' });
    expect(ok.headers['x-request-id']).toMatch(uuid);
    expect(missing.headers['x-request-id']).toMatch(uuid);
    expect(missing.headers['x-request-id']).not.toBe(ok.headers['x-request-id']);
    const fromProxy = await t.inject({
      method: 'GET',
      url: '/api/health',
      headers: { 'x-request-id': '5f2d0e1c9b8a7f6e5d4c3b2a19081726' },
    });
    expect(fromProxy.headers['x-request-id']).toBe('5f2d0e1c9b8a7f6e5d4c3b2a19081726');
    const forged = await t.inject({
      method: 'GET',
      url: '/api/health',
      headers: { 'x-request-id': 'x" level=fatal' },
    });
    expect(forged.headers['x-request-id']).toMatch(uuid);
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
