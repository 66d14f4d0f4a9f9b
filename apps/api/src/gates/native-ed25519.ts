import { encodeBase64url, type Ed25519Verify } from '@qinqing/domain';
import { createPublicKey, type KeyObject, verify } from 'node:crypto';

/**
 * Ed25519 verification by Node's OpenSSL: about 0.2 ms against 10 ms for the pure-JS verifier the
 * phone uses (measured in bench/). Same result; key objects are built once per key.
 */
export function nativeEd25519Verifier(): Ed25519Verify {
  const keyObjects = new Map<string, KeyObject>();
  return (message, signature, publicKey) => {
    const id = encodeBase64url(publicKey);
    let key = keyObjects.get(id);
    if (!key) {
      key = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: id }, format: 'jwk' });
      keyObjects.set(id, key);
    }
    try {
      return verify(null, message, key, signature);
    } catch {
      return false;
    }
  };
}
