import { publicKeyMap, type GateCodeKeysResponse } from '@qinqing/domain';

import { api, type ApiClient } from '../../services/api';
import { taroStore, type KeyValueStore } from '../../services/storage';

/**
 * The server's public keys (GET /gate-codes/keys) that the phone trusts: they verify gate codes,
 * badge codes and the offline snapshot. One copy, kept durably, so verification works offline.
 */
export const KEYS_STORAGE_KEY = 'qinqing.keys';

/** The keys kept on the phone (empty when it never reached the server). */
export function storedKeys(store: KeyValueStore = taroStore): Map<number, Uint8Array> {
  return publicKeyMap(store.get<GateCodeKeysResponse>(KEYS_STORAGE_KEY));
}

/** Fetches the keys from the server and keeps them; throws when the server cannot be reached. */
export async function refreshKeys(
  client: ApiClient = api,
  store: KeyValueStore = taroStore,
): Promise<Map<number, Uint8Array>> {
  const fresh = await client.gateCodeKeys();
  try {
    store.set(KEYS_STORAGE_KEY, fresh);
  } catch {
    // a full storage only costs the offline check next time
  }
  return publicKeyMap(fresh);
}

/**
 * The keys to verify with now: the kept ones at once (refreshed in the background, so a rotation
 * reaches the phone), or, the first time, fresh from the server. Empty when neither is possible.
 */
export async function currentKeys(
  client: ApiClient = api,
  store: KeyValueStore = taroStore,
): Promise<Map<number, Uint8Array>> {
  const kept = storedKeys(store);
  if (kept.size > 0) {
    refreshKeys(client, store).catch(() => undefined);
    return kept;
  }
  try {
    return await refreshKeys(client, store);
  } catch {
    return kept;
  }
}
