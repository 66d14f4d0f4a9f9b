import { Inject, Injectable } from '@nestjs/common';
import {
  decodeBase64url,
  encodeBase64url,
  gateCodeKeyPairFromSeed,
  type GateCodeKeyPair,
} from '@qinqing/domain';
import { Env } from '../config/env';
import { SECRETS, type Secrets } from '../config/secrets';

/** The Ed25519 key that signs gate codes, and the public keys that verify them. */
@Injectable()
export class GateCodeKeys {
  readonly signing: GateCodeKeyPair;

  constructor(@Inject(SECRETS) secrets: Secrets, env: Env) {
    const seed = decodeBase64url(secrets.gateCodeSeed);
    if (!seed || seed.length !== 32)
      throw new Error('GATE_CODE_SEED must be base64url of 32 bytes');
    this.signing = gateCodeKeyPairFromSeed(env.GATE_CODE_KEY_ID, seed);
  }

  /** Verification keys by key id (after a rotation, older ids would be listed here too). */
  get publicKeys(): ReadonlyMap<number, Uint8Array> {
    return new Map([[this.signing.keyId, this.signing.publicKey]]);
  }

  /** What the phone downloads to verify codes offline. */
  published(): { algorithm: 'Ed25519'; keys: { keyId: number; publicKey: string }[] } {
    return {
      algorithm: 'Ed25519',
      keys: [...this.publicKeys].map(([keyId, key]) => ({
        keyId,
        publicKey: encodeBase64url(key),
      })),
    };
  }
}
