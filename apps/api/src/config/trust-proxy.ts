import { isIP } from 'node:net';

/** Names proxy-addr (Fastify's trustProxy) accepts for address ranges. */
const RANGE_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/**
 * Fastify's `trustProxy` from the TRUST_PROXY setting. Unset: no proxy is trusted, so
 * X-Forwarded-For is ignored and the client's address is the socket's (a client cannot pick the
 * address the login limit counts). Otherwise the proxies' addresses, CIDRs or range names
 * (`loopback`, `linklocal`, `uniquelocal`), comma-separated: X-Forwarded-For is believed only
 * when it comes from one of those. No hop count: it cannot tell a proxy from a client that
 * reaches the API directly (Fastify itself ignores a number since 5.x for that reason).
 */
export function trustProxyOption(value: string | undefined): false | string[] {
  const text = value?.trim();
  if (!text) return false;
  return text.split(',').map((part) => part.trim());
}

/** What is wrong with a TRUST_PROXY value, or undefined when it is fine. */
export function trustProxyProblem(value: string): string | undefined {
  const bad = value
    .split(',')
    .map((part) => part.trim())
    .filter((part) => !isProxyAddress(part));
  return bad.length === 0
    ? undefined
    : `not an address, CIDR or range name (loopback, linklocal, uniquelocal): ${bad.join(', ')}`;
}

function isProxyAddress(part: string): boolean {
  if (RANGE_NAMES.has(part)) return true;
  const [address, bits, ...rest] = part.split('/');
  const version = isIP(address);
  if (version === 0 || rest.length > 0) return false;
  if (bits === undefined) return true;
  if (!/^\d+$/.test(bits)) return false;
  return Number(bits) <= (version === 4 ? 32 : 128);
}
