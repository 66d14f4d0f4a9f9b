import {
  gateCodeKeyPairFromSeed,
  signGateCode,
  verifyEd25519InJs,
  verifyGateCode,
} from '@qinqing/domain';
import { nativeEd25519Verifier } from './native-ed25519';

describe('native Ed25519 verification', () => {
  const key = gateCodeKeyPairFromSeed(1, new Uint8Array(32).fill(9));
  const keys = new Map([[1, key.publicKey]]);
  const token = signGateCode(
    {
      enterpriseId: '3f1c2a9e-6b1d-4c8e-9a55-0e2b7d4c1f00',
      gateId: 'b7e2d4c1-0a9f-4e3b-8c6d-5f4e3d2c1b0a',
      version: 2,
    },
    key,
  );
  const native = nativeEd25519Verifier();

  it('agrees with the phone’s verifier on genuine and tampered codes', () => {
    const tampered = token.slice(0, 60) + (token[60] === 'A' ? 'B' : 'A') + token.slice(61);
    for (const text of [token, tampered, token.slice(0, 120) + 'AAAAAAAAAAAAAAAA']) {
      expect(verifyGateCode(text, keys, native)).toEqual(
        verifyGateCode(text, keys, verifyEd25519InJs),
      );
    }
    expect(verifyGateCode(token, keys, native).ok).toBe(true);
    expect(verifyGateCode(tampered, keys, native).ok).toBe(false);
  });
});
