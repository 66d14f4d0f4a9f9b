import { ENDPOINTS, type Endpoint } from '@qinqing/domain/schemas';
import type { LightMyRequestResponse } from 'fastify';
import { isDeepStrictEqual } from 'node:util';

const MATCHERS = Object.values(ENDPOINTS).map((endpoint: Endpoint) => ({
  endpoint,
  pattern: new RegExp(`^${endpoint.path.replace(/:\w+/g, '[^/]+')}$`),
}));

/**
 * Every answer of an endpoint defined by a schema, in every test that calls it, is what the
 * schema says: a success body that parses to itself (no field missing, mistyped or undeclared),
 * or a file of a media type it produces.
 */
export function assertConformsToContract(
  method: string,
  url: string,
  res: LightMyRequestResponse,
): void {
  if (res.statusCode < 200 || res.statusCode >= 300) return;
  const path = url.split('?')[0];
  const match = MATCHERS.find((m) => m.endpoint.method === method && m.pattern.test(path));
  if (!match) return;
  const { endpoint } = match;
  if (res.statusCode !== endpoint.status) {
    throw new Error(
      `${method} ${url}: answered ${res.statusCode}, the contract says ${endpoint.status}`,
    );
  }
  if (res.statusCode === 204) return;
  if (endpoint.produces) {
    const type = String(res.headers['content-type'] ?? '');
    if (!endpoint.produces.some((produced) => type.startsWith(produced.split(';')[0]))) {
      throw new Error(`${method} ${url}: answered ${type}, the contract says ${endpoint.produces}`);
    }
    return;
  }
  const body: unknown = res.json();
  const parsed = endpoint.response.safeParse(body);
  if (!parsed.success) {
    throw new Error(
      `${method} ${url}: the answer breaks ${endpoint.name}'s schema: ${parsed.error.message}`,
    );
  }
  if (!isDeepStrictEqual(JSON.parse(JSON.stringify(parsed.data)), body)) {
    throw new Error(
      `${method} ${url}: the answer has fields ${endpoint.name}'s schema does not declare`,
    );
  }
}
