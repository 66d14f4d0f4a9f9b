import { encodeBase64url } from '@qinqing/domain';
import { decodeCursor, encodeCursor } from './cursor';

const raw = (value: unknown) =>
  encodeBase64url(
    new TextEncoder().encode(typeof value === 'string' ? value : JSON.stringify(value)),
  );

describe('paging cursors', () => {
  const cursor = { t: '2026-11-22T01:30:00.000Z', id: '0b8c3c2e-5f0e-4c8f-9d6a-2f1e8b7a6c5d' };

  it('decodes what it encodes', () => {
    expect(decodeCursor(encodeCursor(cursor))).toEqual(cursor);
  });

  it.each([
    ['an id that is not a UUID', raw({ t: cursor.t, id: 'x' })],
    ['a number for an id', raw({ t: cursor.t, id: 7 })],
    ['an impossible day', raw({ t: '2026-02-30T00:00:00.000Z', id: cursor.id })],
    ['a time without a zone', raw({ t: '2026-11-22T01:30:00', id: cursor.id })],
    ['a time not as the server writes it', raw({ t: '2026-11-22T09:30:00+08:00', id: cursor.id })],
    ['year 0', raw({ t: '0000-01-01T00:00:00.000Z', id: cursor.id })],
    ['another key', raw({ ...cursor, x: 1 })],
    ['an array', raw([cursor.t, cursor.id])],
    ['null', raw(null)],
    ['not JSON', raw('{"t":')],
    ['invalid UTF-8', encodeBase64url(Uint8Array.from([0x7b, 0xff, 0x7d]))],
    ['not base64url', '***'],
    ['empty', ''],
  ])('refuses %s with 400 on the cursor field', (_name, text) => {
    expect(() => decodeCursor(text)).toThrow(
      expect.objectContaining({
        code: 'VALIDATION_FAILED',
        details: { errors: [{ field: 'cursor', message: '分页游标无效' }] },
      }),
    );
  });
});
