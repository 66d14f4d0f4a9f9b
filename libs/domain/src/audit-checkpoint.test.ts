import nacl from 'tweetnacl';
import {
  auditCheckpointMessage,
  checkAuditCheckpoint,
  checkpointHeads,
  isAuditCheckpoint,
  signAuditCheckpoint,
  signedCheckpointPart,
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

describe('version 2 checkpoints: every chain of the log', () => {
  const chains = [
    { chain: 3, seq: 17, hash: 'cd'.repeat(32) },
    { chain: 11, seq: 2, hash: 'ef'.repeat(32) },
  ];
  const v2 = { ...body, chains };

  it('sign the documented bytes: chain 0 as seq and hash, the other chains listed', () => {
    expect(new TextDecoder().decode(auditCheckpointMessage(v2))).toBe(
      `qinqing-audit-checkpoint-v2\n{"at":"2026-05-01T08:00:00.000Z","chains":[` +
        `{"chain":3,"hash":"${'cd'.repeat(32)}","seq":17},` +
        `{"chain":11,"hash":"${'ef'.repeat(32)}","seq":2}],"hash":"${'ab'.repeat(32)}","seq":1234}`,
    );
    const checkpoint = signAuditCheckpoint(v2, key);
    expect(checkpoint).toEqual({ ...v2, keyId: 1, signature: expect.any(String) });
    expect(verifyAuditCheckpoint(checkpoint, key.publicKey)).toBe(true);
    expect(signedCheckpointPart({ ...checkpoint, extra: 1 } as never)).toEqual(checkpoint);
    expect(checkpointHeads(checkpoint)).toEqual([
      { chain: 0, seq: 1234, hash: 'ab'.repeat(32) },
      ...chains,
    ]);
  });

  it('cover every chain head: none changed, dropped, added, and not readable as version 1', () => {
    const checkpoint = signAuditCheckpoint(v2, key);
    const { chains: _dropped, ...asVersion1 } = checkpoint;
    for (const changed of [
      { chains: [chains[0], { ...chains[1], seq: 3 }] },
      { chains: [chains[0], { ...chains[1], hash: 'ee'.repeat(32) }] },
      { chains: [chains[0]] },
      { chains: [...chains, { chain: 12, seq: 1, hash: 'ab'.repeat(32) }] },
    ]) {
      expect(verifyAuditCheckpoint({ ...checkpoint, ...changed }, key.publicKey)).toBe(false);
    }
    expect(verifyAuditCheckpoint(asVersion1, key.publicKey)).toBe(false);
  });

  it('list each other chain once, in order, never chain 0', () => {
    const keys = new Map([[1, key.publicKey]]);
    for (const bad of [
      [{ chain: 0, seq: 1, hash: 'ab'.repeat(32) }],
      [chains[1], chains[0]],
      [chains[0], chains[0]],
      [{ ...chains[0], seq: 0 }],
      [{ ...chains[0], hash: 'x' }],
      [{ ...chains[0], chain: 1.5 }],
      'x',
    ]) {
      const checkpoint = { ...signAuditCheckpoint(v2, key), chains: bad };
      expect(isAuditCheckpoint(checkpoint)).toBe(false);
      expect(checkAuditCheckpoint(checkpoint, keys)).toBe('MALFORMED');
    }
  });
});
