import {
  OFFLINE_SNAPSHOT_KIND,
  openEnvelope,
  type EnvelopeProblem,
  type OfflineSnapshot,
} from '@qinqing/domain';
import { api, type ApiClient } from '../../services/api';
import { session } from '../../services/session';
import { taroStore, type KeyValueStore } from '../../services/storage';
import { refreshKeys, storedKeys } from '../trust/keys';

/**
 * The signed offline snapshot (离线数据) an officer's phone keeps to judge check-ins without signal.
 *
 * Trust rule: the snapshot is accepted (when fetched) and used (every time it is loaded) only if
 * its envelope verifies with a public key the phone got from the keys endpoint
 * (GET /api/v1/gate-codes/keys, over the API's TLS connection), kept in storage. The keys inside
 * the snapshot (`gateCodeKeys`, used to verify gate codes offline) are trusted only because the
 * envelope carrying them verified with such a key; a snapshot is never verified with the keys it
 * carries itself (that would let anyone who can write the phone's storage, or answer in the API's
 * place, sign a snapshot of their own). A snapshot signed with a key id the phone does not know
 * makes it fetch the keys endpoint again (key rotation) before it decides. A snapshot also has to
 * name the logged-in officer: one left by another account on a shared phone is not used.
 */

const SNAPSHOT_KEY_PREFIX = 'qinqing.offline.snapshot.';

/** How often, at most, the phone asks for a fresh snapshot on its own (login, app show). */
export const SNAPSHOT_REFRESH_INTERVAL_MS = 5 * 60_000;

export interface StoredSnapshot {
  /** the signed envelope text, exactly as the server sent it */
  envelope: string;
  issuedAt: string;
  fetchedAt: string;
}

/** The stored snapshot could not be accepted. */
export class SnapshotRejectedError extends Error {
  constructor(readonly problem: EnvelopeProblem | 'OTHER_OFFICER') {
    super(
      problem === 'OTHER_OFFICER'
        ? '离线数据不属于当前登录的执法人员，未保存。'
        : `离线数据的签名无法验证（${problem}），未保存；请在有信号时重新登录。`,
    );
    this.name = 'SnapshotRejectedError';
  }
}

function snapshotKey(officerId: string): string {
  return `${SNAPSHOT_KEY_PREFIX}${officerId}`;
}

function open(envelope: string, keys: ReadonlyMap<number, Uint8Array>) {
  return openEnvelope<OfflineSnapshot>(envelope, OFFLINE_SNAPSHOT_KIND, keys);
}

export interface SnapshotOptions {
  store?: KeyValueStore;
  /** the logged-in officer's id (default: the session's) */
  officerId?: string;
  now?: () => Date;
}

/**
 * Fetches the snapshot, verifies it (see the trust rule above) and stores it durably.
 * Throws NetworkError / ApiError when the API cannot give it, SnapshotRejectedError when it fails
 * verification; the snapshot kept before stays in both cases.
 */
export async function refreshSnapshot(
  client: ApiClient = api,
  options: SnapshotOptions = {},
): Promise<OfflineSnapshot> {
  const store = options.store ?? taroStore;
  const officerId = options.officerId ?? session.user()?.id;
  const now = options.now ?? (() => new Date());
  const answer = await client.offlineSnapshot();
  if (storedKeys(store).size === 0) await refreshKeys(client, store);
  let opened = open(answer.snapshot, storedKeys(store));
  if (!opened.ok && opened.problem === 'UNKNOWN_KEY') {
    await refreshKeys(client, store); // the server may have rotated its key
    opened = open(answer.snapshot, storedKeys(store));
  }
  if (!opened.ok) throw new SnapshotRejectedError(opened.problem);
  const snapshot = opened.payload;
  if (officerId && snapshot.officer.id !== officerId) {
    throw new SnapshotRejectedError('OTHER_OFFICER');
  }
  const stored: StoredSnapshot = {
    envelope: answer.snapshot,
    issuedAt: snapshot.issuedAt,
    fetchedAt: now().toISOString(),
  };
  store.set(snapshotKey(snapshot.officer.id), stored);
  return snapshot;
}

/**
 * The envelope text last verified on load, with the keys it was verified with. Verifying the same
 * text with the same keys gives the same answer, so it is done once: an offline decision then
 * spends its time on the rules, not on a second signature check (tens of ms on a slow phone).
 * Any change to the stored text or to the keys is verified afresh.
 */
let lastVerified: { envelope: string; keys: string; payload: OfflineSnapshot } | undefined;

function keysFingerprint(keys: ReadonlyMap<number, Uint8Array>): string {
  return [...keys].map(([id, key]) => `${id}:${key.join('.')}`).join(';');
}

function verifiedPayload(envelope: string, store: KeyValueStore): OfflineSnapshot | undefined {
  const keys = storedKeys(store);
  const fingerprint = keysFingerprint(keys);
  if (lastVerified?.envelope === envelope && lastVerified.keys === fingerprint) {
    return lastVerified.payload;
  }
  const opened = open(envelope, keys);
  if (!opened.ok) return undefined;
  lastVerified = { envelope, keys: fingerprint, payload: opened.payload };
  return opened.payload;
}

/** The stored snapshot of the logged-in officer, verified; undefined if none or invalid. */
export function loadSnapshot(options: SnapshotOptions = {}): OfflineSnapshot | undefined {
  const store = options.store ?? taroStore;
  const officerId = options.officerId ?? session.user()?.id;
  if (!officerId) return undefined;
  const stored = store.get<StoredSnapshot>(snapshotKey(officerId));
  if (!stored?.envelope) return undefined;
  const payload = verifiedPayload(stored.envelope, store);
  return payload?.officer.id === officerId ? payload : undefined;
}

/** When the stored snapshot was issued and fetched (no verification: for display only). */
export function snapshotInfo(options: SnapshotOptions = {}): StoredSnapshot | undefined {
  const store = options.store ?? taroStore;
  const officerId = options.officerId ?? session.user()?.id;
  return officerId ? store.get<StoredSnapshot>(snapshotKey(officerId)) : undefined;
}

let lastAttempt = 0;

/**
 * Refreshes the snapshot when the last attempt is older than the interval (on officer login and
 * when the app comes to the front). Never throws: without signal the old snapshot stays.
 */
export async function refreshSnapshotIfStale(
  client: ApiClient = api,
  options: SnapshotOptions & { intervalMs?: number } = {},
): Promise<boolean> {
  const now = (options.now ?? (() => new Date()))().getTime();
  const interval = options.intervalMs ?? SNAPSHOT_REFRESH_INTERVAL_MS;
  const user = session.user();
  if (!options.officerId && user?.role !== 'officer') return false;
  if (now - lastAttempt < interval) return false;
  lastAttempt = now;
  try {
    await refreshSnapshot(client, options);
    return true;
  } catch {
    return false;
  }
}

/** For tests: forget when the last refresh was tried. */
export function resetSnapshotRefreshTimer(): void {
  lastAttempt = 0;
}

/**
 * A snapshot older than this no longer says what the rules will find (visits by colleagues,
 * list changes): its preview is shown as possibly out of date until the phone fetches a new one.
 */
export const SNAPSHOT_FRESH_HOURS = 24;

export function snapshotExpired(issuedAt: string, now: Date = new Date()): boolean {
  return now.getTime() - new Date(issuedAt).getTime() > SNAPSHOT_FRESH_HOURS * 3_600_000;
}

/** "离线数据更新于 …": when the snapshot was issued, in the bureau's words. */
export function snapshotAgeText(issuedAt: string | undefined, now: Date = new Date()): string {
  if (!issuedAt) return '手机上还没有离线数据：请在有信号时打开本应用，以便离线时预判。';
  const then = new Date(issuedAt);
  const minutes = Math.max(0, Math.floor((now.getTime() - then.getTime()) / 60_000));
  const age =
    minutes < 1
      ? '刚刚'
      : minutes < 60
        ? `${minutes} 分钟前`
        : minutes < 24 * 60
          ? `${Math.floor(minutes / 60)} 小时前`
          : `${Math.floor(minutes / (24 * 60))} 天前`;
  const pad = (n: number) => String(n).padStart(2, '0');
  // Shown in China time (UTC+8), whatever the phone's zone.
  const local = new Date(then.getTime() + 8 * 3_600_000);
  const stamp = `${local.getUTCMonth() + 1}月${local.getUTCDate()}日 ${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}`;
  return `离线数据更新于 ${stamp}（${age}）`;
}
