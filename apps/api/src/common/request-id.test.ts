import { requestIdFor } from './request-id';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('requestIdFor', () => {
  const withHeader = (value?: string | string[]) => ({
    headers: value === undefined ? {} : { 'x-request-id': value },
  });

  it('makes a new UUID v4 per request when none is sent', () => {
    const a = requestIdFor(withHeader());
    const b = requestIdFor(withHeader());
    expect(a).toMatch(UUID_V4);
    expect(b).toMatch(UUID_V4);
    expect(a).not.toBe(b);
  });

  it("keeps a proxy's id: a UUID, nginx's 32 hex digits, a dotted token", () => {
    for (const id of [
      '0b6e5c52-3f4a-4c8e-9d61-2a7b1c0e9f55',
      '5f2d0e1c9b8a7f6e5d4c3b2a19081726',
      'edge-1.req_42',
    ]) {
      expect(requestIdFor(withHeader(id))).toBe(id);
    }
  });

  it('replaces an id that is too long, empty, repeated or could forge a log line', () => {
    for (const bad of ['x'.repeat(65), '', 'a b', 'id\nlevel=error', '<script>', ['a', 'b']]) {
      expect(requestIdFor(withHeader(bad))).toMatch(UUID_V4);
    }
  });
});
