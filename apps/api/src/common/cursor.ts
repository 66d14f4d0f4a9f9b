import { decodeBase64url, encodeBase64url, isIsoDateTime } from '@qinqing/domain';
import { DomainException } from './errors/domain.exception';

/** Where a keyset page ends: the sort time and id of its last row. */
export interface Cursor {
  /** the row's time as the server wrote it (toISOString) */
  t: string;
  /** the row's id, a UUID */
  id: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function encodeCursor(cursor: Cursor): string {
  return encodeBase64url(new TextEncoder().encode(JSON.stringify(cursor)));
}

/**
 * The cursor a client sent back. Only what encodeCursor makes is accepted: base64url of UTF-8
 * JSON holding exactly `t` (an instant as toISOString writes it) and `id` (a UUID). Anything else,
 * tampered or crafted, is a 400 on the `cursor` field, before it reaches a query.
 */
export function decodeCursor(text: string): Cursor {
  const cursor = parseCursor(text);
  if (cursor) return cursor;
  throw new DomainException('VALIDATION_FAILED', {
    errors: [{ field: 'cursor', message: '分页游标无效' }],
  });
}

function parseCursor(text: string): Cursor | undefined {
  const bytes = decodeBase64url(text);
  if (!bytes) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const { t, id, ...rest } = value as Record<string, unknown>;
  if (Object.keys(rest).length > 0) return undefined;
  if (typeof id !== 'string' || !UUID.test(id)) return undefined;
  if (!isIsoDateTime(t, { requireZone: true }) || new Date(t).toISOString() !== t) return undefined;
  return { t, id };
}
