import type { Env } from './env';

/**
 * PUBLIC_BASE_URL is the origin printed in every gate code (the posters at the factory gates) and
 * in every link the API gives out. A real deployment (production on a shared DATABASE_URL, as in
 * secrets.ts) must name its public origin: a poster saying localhost cannot be scanned, and it
 * cannot be reprinted cheaply. Elsewhere (development, tests, the embedded demo of `npm start`) it
 * defaults to this machine at the port the API listens on.
 */
export function resolvePublicBaseUrl(env: Env): string {
  const deployed = Boolean(env.DATABASE_URL) && !env.EMBEDDED_DATABASE;
  const production = env.NODE_ENV === 'production' && deployed;
  if (!env.PUBLIC_BASE_URL) {
    if (production) {
      throw new Error(
        'PUBLIC_BASE_URL must be set in production: the https origin the gate codes point at ' +
          '(e.g. https://qinqing.example.gov.cn)',
      );
    }
    return `http://localhost:${env.PORT}`;
  }
  if (production && isLocalHost(new URL(env.PUBLIC_BASE_URL).hostname)) {
    throw new Error(
      `PUBLIC_BASE_URL is ${env.PUBLIC_BASE_URL}: in production it must be the public origin the ` +
        'gate codes point at, not this machine (a poster saying localhost cannot be scanned)',
    );
  }
  return env.PUBLIC_BASE_URL.replace(/\/+$/, '');
}

function isLocalHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  return (
    host === 'localhost' ||
    host.endsWith('.localhost') ||
    host === '0.0.0.0' ||
    host === '::' ||
    host === '::1' ||
    /^127\.\d+\.\d+\.\d+$/.test(host)
  );
}
