import {
  checkAuditCheckpoint,
  isAuditCheckpoint,
  publicKeyMap,
  signedCheckpointPart,
  type AuditCheckpoint,
  type AuditCheckpointKeysResponse,
  type AuditCheckpointProblem,
} from '@qinqing/domain';

import { api, type ApiClient } from '../../services/api';
import { taroStore, type KeyValueStore } from '../../services/storage';

/**
 * 审计检查点: the signed checkpoints of the audit log this phone has seen, kept so that a rewound,
 * cut or recomputed log can be shown later (POST /audit/verify with them; see the README).
 *
 * Trust rule: a checkpoint is kept (and, when read back, used) only if its signature verifies with
 * the checkpoint key the phone got from GET /public/audit/keys (over the API's TLS connection),
 * kept in storage; never with the key a checkpoint names itself. A key id the phone does not know
 * makes it fetch the keys again (rotation) before it decides. The phone keeps the newest checkpoint
 * of each day (UTC), at most MAX_KEPT_CHECKPOINTS days.
 */
export const CHECKPOINTS_STORAGE_KEY = 'qinqing.audit.checkpoints';
export const CHECKPOINT_KEYS_STORAGE_KEY = 'qinqing.audit.keys';
export const MAX_KEPT_CHECKPOINTS = 90;

export type KeepResult =
  | { status: 'KEPT' | 'ALREADY_KEPT'; checkpoint: AuditCheckpoint }
  | { status: 'REJECTED'; problem: AuditCheckpointProblem };

/** The checkpoint keys kept on the phone, by key id. */
export function storedCheckpointKeys(store: KeyValueStore = taroStore): Map<number, Uint8Array> {
  return publicKeyMap(store.get<AuditCheckpointKeysResponse>(CHECKPOINT_KEYS_STORAGE_KEY));
}

async function refreshCheckpointKeys(
  client: ApiClient,
  store: KeyValueStore,
): Promise<Map<number, Uint8Array>> {
  const fresh = await client.auditCheckpointKeys();
  try {
    store.set(CHECKPOINT_KEYS_STORAGE_KEY, fresh);
  } catch {
    // a full storage: verified again next time
  }
  return publicKeyMap(fresh);
}

function storedList(store: KeyValueStore): AuditCheckpoint[] {
  const list = store.get<unknown[]>(CHECKPOINTS_STORAGE_KEY);
  return Array.isArray(list) ? list.filter(isAuditCheckpoint).map(signedCheckpointPart) : [];
}

/**
 * The kept checkpoints that still verify with the kept keys, oldest first (an entry someone
 * changed in the phone's storage is left out).
 */
export function keptCheckpoints(store: KeyValueStore = taroStore): AuditCheckpoint[] {
  const keys = storedCheckpointKeys(store);
  return storedList(store)
    .filter((c) => checkAuditCheckpoint(c, keys) === null)
    .sort((a, b) => a.seq - b.seq);
}

/** The newest kept checkpoint (undefined: none). */
export function latestKeptCheckpoint(
  store: KeyValueStore = taroStore,
): AuditCheckpoint | undefined {
  return keptCheckpoints(store).at(-1);
}

/**
 * Keeps a checkpoint if it verifies with `keys`: the newest of its day replaces an older one of the
 * same day; the oldest days go past MAX_KEPT_CHECKPOINTS.
 */
export function keepCheckpoint(
  checkpoint: unknown,
  keys: ReadonlyMap<number, Uint8Array>,
  store: KeyValueStore = taroStore,
): KeepResult {
  const problem = checkAuditCheckpoint(checkpoint, keys);
  if (problem !== null) return { status: 'REJECTED', problem };
  const fresh = signedCheckpointPart(checkpoint as AuditCheckpoint);
  const list = storedList(store);
  if (list.some((c) => c.seq === fresh.seq && c.hash === fresh.hash)) {
    return { status: 'ALREADY_KEPT', checkpoint: fresh };
  }
  const day = fresh.at.slice(0, 10);
  const sameDay = list.filter((c) => c.at.slice(0, 10) === day);
  if (sameDay.some((c) => c.seq > fresh.seq)) return { status: 'ALREADY_KEPT', checkpoint: fresh };
  const next = [...list.filter((c) => c.at.slice(0, 10) !== day), fresh]
    .sort((a, b) => a.at.localeCompare(b.at) || a.seq - b.seq)
    .slice(-MAX_KEPT_CHECKPOINTS);
  store.set(CHECKPOINTS_STORAGE_KEY, next);
  return { status: 'KEPT', checkpoint: fresh };
}

/**
 * Fetches the latest public checkpoint and keeps it (see the trust rule). Throws NetworkError /
 * ApiError when the server cannot give it.
 */
export async function fetchAndKeepCheckpoint(
  client: ApiClient = api,
  store: KeyValueStore = taroStore,
): Promise<KeepResult> {
  const checkpoint = await client.publicAuditCheckpoint();
  let keys = storedCheckpointKeys(store);
  if (keys.size === 0) keys = await refreshCheckpointKeys(client, store);
  let result = keepCheckpoint(checkpoint, keys, store);
  if (result.status === 'REJECTED' && result.problem === 'UNKNOWN_KEY') {
    keys = await refreshCheckpointKeys(client, store); // the server may have rotated its key
    result = keepCheckpoint(checkpoint, keys, store);
  }
  return result;
}
