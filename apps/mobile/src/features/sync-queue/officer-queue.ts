import Taro from '@tarojs/taro';
import { api, type ApiClient } from '../../services/api';
import { session } from '../../services/session';
import { taroStore, type KeyValueStore } from '../../services/storage';
import { refreshSnapshotIfStale } from '../offline-snapshot/snapshot';
import { apiSender } from './api-sender';
import { SyncQueue, type FlushReport } from './sync-queue';

/**
 * The logged-in officer's queue. Each officer's queue has its own storage key, so a phone shared
 * by two officers never sends one officer's offline check-ins under the other's login.
 */
const queues = new WeakMap<KeyValueStore, Map<string, SyncQueue>>();

export function queueKey(officerId: string): string {
  return `qinqing.syncQueue.${officerId}`;
}

export function officerQueue(
  officerId: string | undefined = session.user()?.id,
  client: ApiClient = api,
  store: KeyValueStore = taroStore,
): SyncQueue | undefined {
  if (!officerId) return undefined;
  let ofStore = queues.get(store);
  if (!ofStore) {
    ofStore = new Map();
    queues.set(store, ofStore);
  }
  let queue = ofStore.get(officerId);
  if (!queue) {
    queue = new SyncQueue(store, apiSender(client), queueKey(officerId));
    ofStore.set(officerId, queue);
  }
  return queue;
}

/** Sends what the logged-in officer has queued (no-op when nothing is queued or nobody is in). */
export async function syncNow(
  options: { force?: boolean; onProgress?: (done: number, total: number) => void } = {},
): Promise<FlushReport | undefined> {
  const user = session.user();
  if (user?.role !== 'officer') return undefined;
  const queue = officerQueue(user.id);
  if (!queue || queue.pending().length === 0) return undefined;
  return queue.flush(options.onProgress, { force: options.force });
}

let started = false;

/**
 * Syncs when the network comes back and when the app comes to the front, and refreshes the
 * offline snapshot then (at most every few minutes). Safe to call from every screen: it registers
 * its listeners once.
 */
export function startOfflineSupport(): void {
  if (started) return;
  started = true;
  const onBack = () => {
    void syncNow().catch(() => undefined);
    void refreshSnapshotIfStale();
  };
  if (typeof Taro.onNetworkStatusChange === 'function') {
    Taro.onNetworkStatusChange((status) => {
      if (status.isConnected) onBack();
    });
  }
  if (typeof Taro.onAppShow === 'function') Taro.onAppShow(onBack);
  // H5: the browser's own event, in case Taro's network listener is not wired in this browser.
  if (typeof window !== 'undefined' && typeof window.addEventListener === 'function') {
    window.addEventListener('online', onBack);
  }
  onBack();
}

/** For tests: forget the queues and listeners. */
export function resetOfflineSupport(): void {
  queues.delete(taroStore);
  started = false;
}
