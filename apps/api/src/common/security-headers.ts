import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply } from 'fastify';
import helmet from 'helmet';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';

/** The sha256 sources of the inline scripts of an HTML page (CSP Level 2 hashes). */
export function inlineScriptHashes(html: string): string[] {
  const hashes: string[] = [];
  for (const match of html.matchAll(/<script(\s[^>]*)?>([\s\S]*?)<\/script>/gi)) {
    const attributes = match[1] ?? '';
    if (/\ssrc\s*=/i.test(attributes)) continue;
    hashes.push(`'sha256-${createHash('sha256').update(match[2], 'utf8').digest('base64')}'`);
  }
  return hashes;
}

/**
 * The Content-Security-Policy of the H5 app: its own scripts (and the inline ones of its
 * index.html, by hash: Taro's rem sizing), its own API, images also from data: and blob: URLs
 * (QR codes, signatures, photos), no plugins, never framed (clickjacking), no base or form
 * redirection. Styles allow inline attributes (the UI kit sets them).
 */
export function appCspDirectives(scriptHashes: string[]): Record<string, string[]> {
  return {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'", ...scriptHashes],
    styleSrc: ["'self'", "'unsafe-inline'"],
    imgSrc: ["'self'", 'data:', 'blob:'],
    fontSrc: ["'self'", 'data:'],
    // blob: and data: too: a chosen photo or file is read back with fetch() (report photos)
    connectSrc: ["'self'", 'blob:', 'data:'],
    mediaSrc: ["'self'", 'blob:'],
    workerSrc: ["'self'"],
    manifestSrc: ["'self'"],
    objectSrc: ["'none'"],
    baseUri: ["'self'"],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
  };
}

/** The OpenAPI page (Swagger UI) writes its own inline script and styles: relaxed there only. */
const DOCS_CSP =
  "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; " +
  "img-src 'self' data:; object-src 'none'; base-uri 'self'; frame-ancestors 'none'";

/**
 * Headers that only mean something on a document (or a worker's script): a policy for what the
 * page may load, frame or open. A hashed script or style sheet of the H5 build is neither, and at a
 * gate with one bar of signal their 0.6 KB on each of the twenty files of a cold start is 0.25 s
 * of the line. nosniff, CORP, HSTS and the Referrer-Policy stay on every answer.
 */
const DOCUMENT_ONLY_HEADERS = [
  'content-security-policy',
  'cross-origin-opener-policy',
  'origin-agent-cluster',
  'x-frame-options',
  'x-xss-protection',
  'x-download-options',
  'x-dns-prefetch-control',
  'x-permitted-cross-domain-policies',
];

/** A file of the H5 build named by its content (cached immutably): a script or a style sheet. */
function isHashedBuildFile(reply: FastifyReply): boolean {
  return String(reply.getHeader('cache-control') ?? '').includes('immutable');
}

/**
 * Security headers on every answer (helmet): the CSP above, X-Content-Type-Options
 * nosniff, frames refused, no Referer sent (gate-code URLs carry their token), and
 * `Cache-Control: no-store` on every API answer that does not set its own (tokens and personal
 * data never land in a shared or disk cache); the hashed files of the H5 build go without the
 * document-only ones. Registered before any route.
 */
export function registerSecurityHeaders(app: NestFastifyApplication, h5Dir: string): void {
  const indexFile = path.join(h5Dir, 'index.html');
  const hashes = existsSync(indexFile) ? inlineScriptHashes(readFileSync(indexFile, 'utf8')) : [];
  const setHeaders = helmet({
    contentSecurityPolicy: { useDefaults: false, directives: appCspDirectives(hashes) },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    // The app's own origin only; the API is never embedded by another site.
    crossOriginResourcePolicy: { policy: 'same-origin' },
    crossOriginEmbedderPolicy: false,
  });
  const fastify = app.getHttpAdapter().getInstance();
  // helmet's middleware built once, as Express does. @fastify/helmet built it anew for every
  // request (parsing and checking the policy's directives each time: 4 % of a check-in's CPU).
  fastify.addHook('onRequest', (request, reply, done) => {
    setHeaders(request.raw, reply.raw, (error?: unknown) =>
      done(error instanceof Error ? error : undefined),
    );
  });
  fastify.addHook('onSend', async (request, reply, payload) => {
    const url = request.url;
    if (url.startsWith('/api/docs')) {
      void reply.header('content-security-policy', DOCS_CSP);
    } else if (url.startsWith('/api/') && !reply.hasHeader('cache-control')) {
      void reply.header('cache-control', 'no-store');
    } else if (isHashedBuildFile(reply)) {
      for (const name of DOCUMENT_ONLY_HEADERS) reply.removeHeader(name);
    }
    return payload;
  });
}
