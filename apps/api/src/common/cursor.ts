import { decodeBase64url, encodeBase64url } from '@qinqing/domain';
import { DomainException } from './errors/domain.exception';

/** Where a keyset page ends: the sort time and id of its last row. */
export interface Cursor {
  t: string;
  id: string;
}

export function encodeCursor(cursor: Cursor): string {
  return encodeBase64url(new TextEncoder().encode(JSON.stringify(cursor)));
}

/** The cursor a client sent back; a tampered one is a 400 on the `cursor` field. */
export function decodeCursor(text: string): Cursor {
  const bytes = decodeBase64url(text);
  try {
    const cursor = JSON.parse(new TextDecoder().decode(bytes)) as Cursor;
    if (typeof cursor.id === 'string' && !Number.isNaN(Date.parse(cursor.t))) return cursor;
  } catch {
    /* reported below */
  }
  throw new DomainException('VALIDATION_FAILED', {
    errors: [{ field: 'cursor', message: '分页游标无效' }],
  });
}
