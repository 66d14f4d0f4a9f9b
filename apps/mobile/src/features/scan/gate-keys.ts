import { api, type ApiClient } from '../../services/api';
import { taroStore, type KeyValueStore } from '../../services/storage';
import { currentKeys } from '../trust/keys';

/**
 * The public keys that verify gate codes: the ones the phone keeps (see features/trust/keys.ts),
 * fetched the first time. Throws when the phone has none and the server cannot be reached.
 */
export async function loadGateCodeKeys(
  client: ApiClient = api,
  store: KeyValueStore = taroStore,
): Promise<Map<number, Uint8Array>> {
  const keys = await currentKeys(client, store);
  if (keys.size === 0) throw new Error('没有可用的打卡码核验密钥，请联网后重试。');
  return keys;
}
