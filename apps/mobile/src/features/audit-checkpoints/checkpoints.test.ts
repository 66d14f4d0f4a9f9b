/** @jest-environment node */
import {
  encodeBase64url,
  gateCodeKeyPairFromSeed,
  signAuditCheckpoint,
  type AuditCheckpoint,
  type GateCodeKeyPair,
} from '@qinqing/domain';

import type { ApiClient } from '../../services/api';
import { memoryStore, type KeyValueStore } from '../../services/storage';
import {
  CHECKPOINT_KEYS_STORAGE_KEY,
  CHECKPOINTS_STORAGE_KEY,
  fetchAndKeepCheckpoint,
  keepCheckpoint,
  keptCheckpoints,
  latestKeptCheckpoint,
  MAX_KEPT_CHECKPOINTS,
} from './checkpoints';
import { checkpointLine, verificationCoverage } from './text';

const serverKey = gateCodeKeyPairFromSeed(1, new Uint8Array(32).fill(21));
const rotatedKey = gateCodeKeyPairFromSeed(2, new Uint8Array(32).fill(22));
const attackerKey = gateCodeKeyPairFromSeed(1, new Uint8Array(32).fill(66));
const keys = new Map([[1, serverKey.publicKey]]);

const hash = (n: number) => n.toString(16).padStart(64, '0');
const signed = (seq: number, at: string, key: GateCodeKeyPair = serverKey): AuditCheckpoint =>
  signAuditCheckpoint({ seq, hash: hash(seq), at }, key);
const published = (...pairs: GateCodeKeyPair[]) => ({
  algorithm: 'Ed25519' as const,
  keys: pairs.map((k) => ({ keyId: k.keyId, publicKey: encodeBase64url(k.publicKey) })),
});

/** A client answering the two public endpoints, counting the key fetches. */
function client(checkpoint: unknown, ...serverKeys: GateCodeKeyPair[]) {
  const calls = { keys: 0 };
  const fake = {
    publicAuditCheckpoint: async () => ({
      ...(checkpoint as object),
      algorithm: 'Ed25519',
      // what the answer claims: never trusted
      publicKey: encodeBase64url(attackerKey.publicKey),
    }),
    auditCheckpointKeys: async () => {
      calls.keys += 1;
      return published(...serverKeys);
    },
  } as unknown as ApiClient;
  return { fake, calls };
}

describe('audit checkpoints kept on the phone', () => {
  let store: KeyValueStore;
  beforeEach(() => (store = memoryStore()));

  it('keeps a checkpoint that verifies with the published key, only its signed fields', async () => {
    const first = signed(10, '2026-05-01T08:00:00.000Z');
    const { fake, calls } = client(first, serverKey);
    expect(await fetchAndKeepCheckpoint(fake, store)).toEqual({
      status: 'KEPT',
      checkpoint: first,
    });
    expect(keptCheckpoints(store)).toEqual([first]);
    expect(Object.keys(store.get<object[]>(CHECKPOINTS_STORAGE_KEY)![0]).sort()).toEqual([
      'at',
      'hash',
      'keyId',
      'seq',
      'signature',
    ]);
    expect(await fetchAndKeepCheckpoint(fake, store)).toEqual({
      status: 'ALREADY_KEPT',
      checkpoint: first,
    });
    expect(calls.keys).toBe(1); // the key is kept too
  });

  it('rejects a checkpoint signed with another key, whatever key the answer names', async () => {
    const forged = signed(10, '2026-05-01T08:00:00.000Z', attackerKey);
    const { fake } = client(forged, serverKey);
    expect(await fetchAndKeepCheckpoint(fake, store)).toEqual({
      status: 'REJECTED',
      problem: 'BAD_SIGNATURE',
    });
    const tampered = { ...signed(10, '2026-05-01T08:00:00.000Z'), hash: hash(11) };
    expect(keepCheckpoint(tampered, keys, store)).toEqual({
      status: 'REJECTED',
      problem: 'BAD_SIGNATURE',
    });
    expect(keepCheckpoint({ seq: 'x' }, keys, store).status).toBe('REJECTED');
    expect(keptCheckpoints(store)).toEqual([]);
  });

  it('fetches the keys again for a key id it does not know (rotation)', async () => {
    const { fake: first } = client(signed(5, '2026-05-01T08:00:00.000Z'), serverKey);
    await fetchAndKeepCheckpoint(first, store);
    const rotated = signed(9, '2026-05-02T08:00:00.000Z', rotatedKey);
    const { fake, calls } = client(rotated, serverKey, rotatedKey);
    expect((await fetchAndKeepCheckpoint(fake, store)).status).toBe('KEPT');
    expect(calls.keys).toBe(1);
    expect(keptCheckpoints(store).map((c) => c.seq)).toEqual([5, 9]);
  });

  it('keeps the newest checkpoint of each day, for at most the bounded number of days', () => {
    store.set(CHECKPOINT_KEYS_STORAGE_KEY, published(serverKey));
    expect(keepCheckpoint(signed(10, '2026-05-01T08:00:00.000Z'), keys, store).status).toBe('KEPT');
    expect(keepCheckpoint(signed(12, '2026-05-01T09:00:00.000Z'), keys, store).status).toBe('KEPT');
    // an older one of a day already kept adds nothing
    expect(keepCheckpoint(signed(11, '2026-05-01T08:30:00.000Z'), keys, store).status).toBe(
      'ALREADY_KEPT',
    );
    expect(keepCheckpoint(signed(20, '2026-05-02T08:00:00.000Z'), keys, store).status).toBe('KEPT');
    expect(keptCheckpoints(store).map((c) => c.seq)).toEqual([12, 20]);
    expect(latestKeptCheckpoint(store)?.seq).toBe(20);

    const start = Date.parse('2026-06-01T00:00:00.000Z');
    for (let day = 0; day < MAX_KEPT_CHECKPOINTS + 5; day++) {
      const at = new Date(start + day * 86_400_000).toISOString();
      keepCheckpoint(signed(100 + day, at), keys, store);
    }
    const kept = keptCheckpoints(store);
    expect(kept).toHaveLength(MAX_KEPT_CHECKPOINTS);
    expect(kept[0].seq).toBe(105);
    expect(kept.at(-1)?.seq).toBe(100 + MAX_KEPT_CHECKPOINTS + 4);
  });

  it('leaves out a kept checkpoint someone changed in storage', () => {
    keepCheckpoint(signed(10, '2026-05-01T08:00:00.000Z'), keys, store);
    keepCheckpoint(signed(20, '2026-05-02T08:00:00.000Z'), keys, store);
    store.set(CHECKPOINT_KEYS_STORAGE_KEY, published(serverKey));
    const list = store.get<AuditCheckpoint[]>(CHECKPOINTS_STORAGE_KEY)!;
    store.set(CHECKPOINTS_STORAGE_KEY, [{ ...list[0], hash: hash(99) }, list[1], 'junk']);
    expect(keptCheckpoints(store).map((c) => c.seq)).toEqual([20]);
  });

  it('reads in the bureau’s words', () => {
    expect(checkpointLine(signed(1234, '2026-05-12T02:00:00.000Z'))).toBe(
      `第 1234 条 · ${hash(1234).slice(0, 12)}…（5月12日 10:00）`,
    );
    expect(
      verificationCoverage({
        ok: true,
        entries: 3,
        firstBrokenSeq: null,
        firstBrokenChain: null,
        chains: [{ chain: 0, entries: 3, firstBrokenSeq: null }],
        rowsChecked: 2,
        rowMismatchCount: 0,
        rowMismatches: [],
        checkpointsChecked: 1,
        checkpointConflicts: [],
        rejectedCheckpoints: [{ seq: 1, hash: null, problem: 'BAD_SIGNATURE' }],
        checkedAt: '',
      }),
    ).toBe('已核对 2 条业务数据、1 个签名检查点；1 个检查点签名无效，未采用');
  });
});
