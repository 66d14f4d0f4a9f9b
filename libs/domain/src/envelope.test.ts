import fc from 'fast-check';
import { BADGE_CODE_LIFETIME_SECONDS, checkBadgeCode, signBadgeCode } from './badge-code';
import { canonicalJson } from './canonical-json';
import { gateCodeKeyPairFromSeed } from './gate-code';
import { openEnvelope, signEnvelope } from './signed-envelope';
import { decodeUtf8, encodeUtf8 } from './utf8';

const key = gateCodeKeyPairFromSeed(1, new Uint8Array(32).fill(3));
const keys = new Map([[1, key.publicKey]]);

describe('utf8', () => {
  it('matches the platform encoder on any text and round-trips', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        const bytes = encodeUtf8(text);
        expect(bytes).toEqual(new Uint8Array(Buffer.from(text, 'utf8')));
        expect(decodeUtf8(bytes)).toBe(Buffer.from(bytes).toString('utf8'));
      }),
    );
  });

  it('refuses malformed bytes', () => {
    expect(decodeUtf8(Uint8Array.from([0xe4, 0xb8]))).toBeUndefined();
    expect(decodeUtf8(Uint8Array.from([0x80]))).toBeUndefined();
  });
});

describe('canonicalJson', () => {
  it('sorts keys at every depth and drops undefined', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: 1, y: 2 }], c: undefined } })).toBe(
      '{"a":{"d":[1,{"y":2,"z":1}]},"b":1}',
    );
  });

  it('writes dates as their ISO text', () => {
    expect(canonicalJson({ at: new Date('2026-11-22T00:00:00Z') })).toBe(
      '{"at":"2026-11-22T00:00:00.000Z"}',
    );
  });
});

describe('signed envelopes', () => {
  const payload = { firm: '郑州思念食品有限公司', n: 1 };

  it('opens what was signed', () => {
    expect(openEnvelope(signEnvelope('qs1', payload, key), 'qs1', keys)).toEqual({
      ok: true,
      keyId: 1,
      payload,
    });
  });

  it('tells a tampered body, a wrong kind and an unknown key apart', () => {
    const text = signEnvelope('qs1', payload, key);
    const [kind, keyId, body, sig] = text.split('.');
    const other = signEnvelope('qs1', { ...payload, n: 2 }, key).split('.')[2];
    expect(openEnvelope([kind, keyId, other, sig].join('.'), 'qs1', keys)).toEqual({
      ok: false,
      problem: 'BAD_SIGNATURE',
    });
    expect(openEnvelope(text, 'qb1', keys)).toEqual({ ok: false, problem: 'WRONG_KIND' });
    expect(openEnvelope(['qs1', '7', body, sig].join('.'), 'qs1', keys)).toEqual({
      ok: false,
      problem: 'UNKNOWN_KEY',
    });
    expect(openEnvelope('garbage', 'qs1', keys)).toEqual({ ok: false, problem: 'MALFORMED' });
  });
});

describe('badge codes', () => {
  const officer = {
    officerId: 'o-1',
    name: '张建国',
    badgeNumber: '豫A41010001',
    unitName: '金水分局',
  };
  const now = new Date('2026-11-22T09:00:00Z');

  it('verifies offline within its lifetime and names the officer', () => {
    const { code, expiresAt } = signBadgeCode(officer, key, now);
    expect(expiresAt).toBe('2026-11-22T09:02:00.000Z');
    expect(checkBadgeCode(code, keys, now)).toMatchObject({ valid: true, officer });
  });

  it('expires, and says what to do', () => {
    const { code } = signBadgeCode(officer, key, now);
    const later = new Date(now.getTime() + (BADGE_CODE_LIFETIME_SECONDS + 31) * 1000);
    expect(checkBadgeCode(code, keys, later)).toMatchObject({
      valid: false,
      problem: 'EXPIRED',
      message: expect.stringContaining('刷新'),
    });
  });

  it('calls a code signed by another key forged, and a gate code not a badge code', () => {
    const other = gateCodeKeyPairFromSeed(1, new Uint8Array(32).fill(4));
    expect(checkBadgeCode(signBadgeCode(officer, other, now).code, keys, now)).toMatchObject({
      problem: 'FORGED',
    });
    expect(checkBadgeCode('https://x/c/abc', keys, now)).toMatchObject({
      problem: 'NOT_A_BADGE_CODE',
    });
  });
});
