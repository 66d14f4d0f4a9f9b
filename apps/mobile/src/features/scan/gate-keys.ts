import { decodeBase64url, type GateCodeKeysResponse } from '@qinqing/domain';

import { api, type ApiClient } from '../../services/api';
import { taroStore, type KeyValueStore } from '../../services/storage';

const KEYS_STORAGE_KEY = 'qinqing.gateCodeKeys';
let cached: GateCodeKeysResponse | undefined;

export function keysToMap(response: GateCodeKeysResponse): Map<number, Uint8Array> {
  const keys = new Map<number, Uint8Array>();
  for (const { keyId, publicKey } of response.keys) {
    const bytes = decodeBase64url(publicKey);
    if (bytes) keys.set(keyId, bytes);
  }
  return keys;
}

/**
 * The public keys that verify gate codes (GET /gate-codes/keys), fetched once and kept durably:
 * without signal, the last keys served still verify codes.
 */
export async function loadGateCodeKeys(
  client: ApiClient = api,
  store: KeyValueStore = taroStore,
): Promise<Map<number, Uint8Array>> {
  if (!cached) {
    try {
      cached = await client.request<GateCodeKeysResponse>('GET', '/api/v1/gate-codes/keys');
      store.set(KEYS_STORAGE_KEY, cached);
    } catch (error) {
      const kept = store.get<GateCodeKeysResponse>(KEYS_STORAGE_KEY);
      if (!kept) throw error;
      cached = kept;
    }
  }
  return keysToMap(cached);
}

/** For tests. */
export function forgetGateCodeKeys(): void {
  cached = undefined;
}
