import nacl from 'tweetnacl';
import {
  auditCheckpointMessage,
  checkAuditCheckpoint,
  isAuditCheckpoint,
  signAuditCheckpoint,
  verifyAuditCheckpoint,
} from './audit-checkpoint';
import { encodeBase64url } from './base64url';
import { gateCodeKeyPairFromSeed } from './gate-code';

const key = gateCodeKeyPairFromSeed(1, new Uint8Array(32).fill(5));
const other = gateCodeKeyPairFromSeed(1, new Uint8Array(32).fill(6));
const body = { seq: 1234, hash: 'ab'.repeat(32), at: '2026-05-01T08:00:00.000Z' };

describe('signed audit checkpoints', () => {
  it('sign exactly the documented bytes, so anyone can check them with any Ed25519 library', () => {
    expect(new TextDecoder().decode(auditCheckpointMessage(body))).toBe(
      `qinqing-audit-checkpoint-v1\n{"at":"2026-05-01T08:00:00.000Z","hash":"${'ab'.repeat(32)}","seq":1234}`,
    );
    const checkpoint = signAuditCheckpoint(body, key);
    expect(checkpoint).toEqual({
      ...body,
      keyId: 1,
      signature: expect.stringMatching(/^[\w-]{86}$/),
    });
    const signature = Buffer.from(checkpoint.signature, 'base64url');
    expect(nacl.sign.detached.verify(auditCheckpointMessage(body), signature, key.publicKey)).toBe(
      true,
    );
  });

  it('verify with the public key (bytes or base64url) and nothing else', () => {
    const checkpoint = signAuditCheckpoint(body, key);
    expect(verifyAuditCheckpoint(checkpoint, key.publicKey)).toBe(true);
    expect(verifyAuditCheckpoint(checkpoint, encodeBase64url(key.publicKey))).toBe(true);
    expect(verifyAuditCheckpoint(checkpoint, other.publicKey)).toBe(false);
    for (const changed of [
      { seq: 1235 },
      { hash: 'ac'.repeat(32) },
      { at: '2026-05-01T08:00:00.001Z' },
    ]) {
      expect(verifyAuditCheckpoint({ ...checkpoint, ...changed }, key.publicKey)).toBe(false);
    }
  });

  it('tell why a checkpoint does not verify', () => {
    const checkpoint = signAuditCheckpoint(body, key);
    const keys = new Map([[1, key.publicKey]]);
    expect(checkAuditCheckpoint(checkpoint, keys)).toBeNull();
    expect(checkAuditCheckpoint({ ...checkpoint, keyId: 2 }, keys)).toBe('UNKNOWN_KEY');
    expect(checkAuditCheckpoint(signAuditCheckpoint(body, other), keys)).toBe('BAD_SIGNATURE');
    for (const bad of [
      null,
      'x',
      { ...checkpoint, seq: '1234' },
      { ...checkpoint, seq: 0 },
      { ...checkpoint, hash: 'AB'.repeat(32) },
      { ...checkpoint, at: 'yesterday' },
      { ...checkpoint, signature: 'x' },
    ]) {
      expect(isAuditCheckpoint(bad)).toBe(false);
      expect(checkAuditCheckpoint(bad, keys)).toBe('MALFORMED');
    }
  });
});
