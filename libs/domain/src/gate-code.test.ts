import fc from 'fast-check';
import { decodeBase64url, encodeBase64url } from './base64url';
import {
  extractGateCodeToken,
  gateCodeKeyPairFromSeed,
  gateCodeUrl,
  signGateCode,
  verifyGateCode,
} from './gate-code';

const key = gateCodeKeyPairFromSeed(1, new Uint8Array(32).fill(7));
const otherKey = gateCodeKeyPairFromSeed(1, new Uint8Array(32).fill(8));
const keys = new Map([[1, key.publicKey]]);
const payload = {
  enterpriseId: '3f1c2a9e-6b1d-4c8e-9a55-0e2b7d4c1f00',
  gateId: 'b7e2d4c1-0a9f-4e3b-8c6d-5f4e3d2c1b0a',
  version: 3,
};

describe('gate code tokens', () => {
  const token = signGateCode(payload, key);
  const url = gateCodeUrl('https://qinqing.example.gov.cn/', token);

  it('is an https URL of the deployment carrying a compact token', () => {
    expect(url).toBe(`https://qinqing.example.gov.cn/c/${token}`);
    expect(token).toHaveLength(136);
  });

  it('verifies from the URL or the bare token and returns what was signed', () => {
    for (const text of [url, token, ` ${url}?from=wechat `]) {
      expect(verifyGateCode(text, keys)).toEqual({
        ok: true,
        token,
        payload: { keyId: 1, ...payload },
      });
    }
  });

  it('rejects a code signed by another key as a bad signature', () => {
    expect(verifyGateCode(signGateCode(payload, otherKey), keys)).toEqual({
      ok: false,
      problem: 'BAD_SIGNATURE',
    });
  });

  it('rejects a code whose key id is unknown', () => {
    const foreign = signGateCode(payload, { ...otherKey, keyId: 9 });
    expect(verifyGateCode(foreign, keys)).toEqual({ ok: false, problem: 'UNKNOWN_KEY' });
  });

  it.each([
    '',
    'hello',
    'https://qinqing.example.gov.cn/c/short',
    token.slice(0, 135),
    `${token}A`,
  ])('rejects the malformed text %j', (text) => {
    expect(verifyGateCode(text, keys)).toEqual({ ok: false, problem: 'MALFORMED' });
  });

  it('detects any change to any byte of the token', () => {
    const bytes = decodeBase64url(token)!;
    fc.assert(
      fc.property(fc.nat(bytes.length - 1), fc.integer({ min: 1, max: 255 }), (index, delta) => {
        const tampered = Uint8Array.from(bytes);
        tampered[index] = (tampered[index] + delta) % 256;
        return !verifyGateCode(encodeBase64url(tampered), keys).ok;
      }),
      { numRuns: 40 }, // each run is a full Ed25519 verification in pure JS
    );
  });

  it('extracts nothing from texts that are not gate codes', () => {
    expect(extractGateCodeToken('https://example.com/other/path')).toBeUndefined();
  });
});

describe('base64url', () => {
  it('round-trips any bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        expect(decodeBase64url(encodeBase64url(bytes))).toEqual(bytes);
      }),
    );
  });

  it('matches the RFC 4648 vectors (without padding)', () => {
    const text = (s: string) => encodeBase64url(new TextEncoder().encode(s));
    expect(['', 'f', 'fo', 'foo', 'foob', 'fooba', 'foobar'].map(text)).toEqual([
      '',
      'Zg',
      'Zm8',
      'Zm9v',
      'Zm9vYg',
      'Zm9vYmE',
      'Zm9vYmFy',
    ]);
  });

  it('refuses non-canonical or foreign characters', () => {
    expect(decodeBase64url('Zh')).toBeUndefined(); // leftover bits set
    expect(decodeBase64url('Zm9v+')).toBeUndefined();
    expect(decodeBase64url('Z')).toBeUndefined();
  });
});
