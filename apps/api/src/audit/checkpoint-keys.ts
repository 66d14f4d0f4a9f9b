import { Inject, Injectable } from '@nestjs/common';
import {
  decodeBase64url,
  encodeBase64url,
  gateCodeKeyPairFromSeed,
  type AuditCheckpointKeysResponse,
  type GateCodeKeyPair,
} from '@qinqing/domain';
import { Env } from '../config/env';
import { SECRETS, type Secrets } from '../config/secrets';

/**
 * The Ed25519 key that signs audit checkpoints (AUDIT_CHECKPOINT_SEED or DATA_DIR/secrets.json:
 * never the database, whose log it vouches for) and the public keys that verify them.
 */
@Injectable()
export class AuditCheckpointKeys {
  readonly signing: GateCodeKeyPair;

  constructor(@Inject(SECRETS) secrets: Secrets, env: Env) {
    const seed = decodeBase64url(secrets.auditCheckpointSeed);
    if (!seed || seed.length !== 32)
      throw new Error('AUDIT_CHECKPOINT_SEED must be base64url of 32 bytes');
    this.signing = gateCodeKeyPairFromSeed(env.AUDIT_CHECKPOINT_KEY_ID, seed);
  }

  /** Verification keys by key id. */
  get publicKeys(): ReadonlyMap<number, Uint8Array> {
    return new Map([[this.signing.keyId, this.signing.publicKey]]);
  }

  get publicKey(): string {
    return encodeBase64url(this.signing.publicKey);
  }

  published(): AuditCheckpointKeysResponse {
    return {
      algorithm: 'Ed25519',
      keys: [...this.publicKeys].map(([keyId, key]) => ({
        keyId,
        publicKey: encodeBase64url(key),
      })),
    };
  }
}
