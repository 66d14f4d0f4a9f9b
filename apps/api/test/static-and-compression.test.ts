import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { h5CacheControl } from '../src/bootstrap';
import { startTestApp, type TestApp } from './support/test-app';

const PRECOMPRESS = path.resolve(__dirname, '../../mobile/scripts/precompress.mjs');

/** A small H5 build: index.html, a hashed chunk and a hashed stylesheet, precompressed. */
function fakeH5Build(): { dir: string; chunk: string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'qinqing-h5-'));
  mkdirSync(path.join(dir, 'js'));
  mkdirSync(path.join(dir, 'css'));
  const chunk = `console.log(${JSON.stringify('执法检查 先扫码 后入企 '.repeat(400))});\n`;
  writeFileSync(
    path.join(dir, 'index.html'),
    `<!doctype html><title>亲清</title>${'<p>x</p>'.repeat(300)}`,
  );
  writeFileSync(path.join(dir, 'js', 'app.8fb92732.js'), chunk);
  writeFileSync(
    path.join(dir, 'css', 'app.8fb92732750311a6b148.css'),
    'body{color:red}'.repeat(200),
  );
  execFileSync(process.execPath, [PRECOMPRESS, dir]);
  return { dir, chunk };
}

describe('H5 files and API answers over a weak signal', () => {
  let t: TestApp;
  let chunk: string;

  beforeAll(async () => {
    const build = fakeH5Build();
    chunk = build.chunk;
    t = await startTestApp({ H5_DIR: build.dir });
  });
  afterAll(() => t?.close());

  it('sends a hashed chunk brotli-compressed, cached for a year as immutable', async () => {
    const res = await t.inject({
      method: 'GET',
      url: '/js/app.8fb92732.js',
      headers: { 'accept-encoding': 'gzip, deflate, br' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(String(res.headers['vary'])).toMatch(/accept-encoding/i);
    expect(String(res.headers['content-type'])).toMatch(/javascript/);
    expect(brotliDecompressSync(res.rawPayload).toString()).toBe(chunk);
    expect(res.rawPayload.length).toBeLessThan(Buffer.byteLength(chunk) / 10);
  });

  it('sends hashed files without the headers that only a document reads, and keeps the rest', async () => {
    const headersOf = async (url: string) =>
      (await t.inject({ method: 'GET', url, headers: { 'accept-encoding': 'br' } })).headers;
    for (const url of ['/js/app.8fb92732.js', '/css/app.8fb92732750311a6b148.css']) {
      const headers = await headersOf(url);
      expect(headers['content-security-policy']).toBeUndefined();
      expect(headers['x-frame-options']).toBeUndefined();
      expect(headers['cross-origin-opener-policy']).toBeUndefined();
      expect(headers['x-content-type-options']).toBe('nosniff');
      expect(headers['cross-origin-resource-policy']).toBe('same-origin');
      expect(headers['referrer-policy']).toBe('no-referrer');
    }
    // the page itself and API answers keep every one of them
    for (const url of ['/', '/api/health']) {
      const headers = await headersOf(url);
      expect(headers['content-security-policy']).toMatch(/frame-ancestors 'none'/);
      expect(headers['x-frame-options']).toBe('DENY');
    }
  });

  it('falls back to gzip, and to the plain file for a client that accepts neither', async () => {
    const gz = await t.inject({
      method: 'GET',
      url: '/js/app.8fb92732.js',
      headers: { 'accept-encoding': 'gzip' },
    });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.rawPayload).toString()).toBe(chunk);
    const plain = await t.inject({
      method: 'GET',
      url: '/js/app.8fb92732.js',
      headers: { 'accept-encoding': 'identity' },
    });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(chunk);
  });

  it('never lets a phone keep a stale index.html', async () => {
    const res = await t.inject({
      method: 'GET',
      url: '/',
      headers: { 'accept-encoding': 'br' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(brotliDecompressSync(res.rawPayload).toString()).toContain('<title>亲清</title>');
  });

  it('compresses API JSON for clients that accept it', async () => {
    const res = await t.inject({
      method: 'GET',
      url: '/api/docs/openapi.json',
      headers: { 'accept-encoding': 'gzip' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(gunzipSync(res.rawPayload).toString()).openapi).toMatch(/^3\./);
    const plain = await t.inject({ method: 'GET', url: '/api/docs/openapi.json' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.json().openapi).toMatch(/^3\./);
  });

  it('tells hashed assets from files that must be revalidated', () => {
    expect(h5CacheControl('/srv/h5/js/91.45f4f064.js')).toMatch(/immutable/);
    expect(h5CacheControl('/srv/h5/css/508.0a18784b14e7adaf1bbd.css.br')).toMatch(/immutable/);
    expect(h5CacheControl('/srv/h5/static/images/logo.png')).toMatch(/immutable/);
    expect(h5CacheControl('/srv/h5/index.html')).toBe('no-cache');
    expect(h5CacheControl('/srv/h5/sw.js')).toBe('no-cache');
    expect(h5CacheControl('/srv/h5/manifest.webmanifest')).toBe('no-cache');
    expect(h5CacheControl('/srv/h5/favicon-32.png')).toBe('public, max-age=86400');
    expect(h5CacheControl('/srv/h5/icon-192.png')).toBe('public, max-age=86400');
  });
});
