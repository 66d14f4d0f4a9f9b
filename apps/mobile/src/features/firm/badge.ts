import { checkBadgeCode, type BadgeCodeCheck, type BadgeVerification } from '@qinqing/domain';

import { ApiClient, ApiError, api as defaultApi } from '../../services/api';
import { taroStore, type KeyValueStore } from '../../services/storage';
import { currentKeys } from '../trust/keys';

export { KEYS_STORAGE_KEY as BADGE_KEYS_STORAGE_KEY } from '../trust/keys';

/** The number people call to check an officer by phone (执法监督). */
export const SUPERVISION_HOTLINE = '67189801';

export type VerdictTone = 'valid' | 'offline' | 'invalid';

/** What the firm sees after a badge code was checked. */
export interface BadgeVerdict {
  tone: VerdictTone;
  title: string;
  message: string;
  officer: { name: string; badgeNumber: string; unitName: string } | null;
}

/**
 * The verdict from the offline check (signature and time, from the cached keys) and the online one
 * (also on duty). The server's answer wins when there is one; without signal, a code with a good
 * signature is shown as such, but its on-duty status stays unconfirmed.
 */
export function badgeVerdict(
  offline: BadgeCodeCheck | null,
  online: BadgeVerification | null,
): BadgeVerdict {
  if (online) {
    if (online.valid && online.onDuty) {
      return {
        tone: 'valid',
        title: '身份有效 · 在岗',
        message: online.message,
        officer: online.officer,
      };
    }
    return {
      tone: 'invalid',
      title: online.valid ? '证件有效但不在岗' : '身份无法确认',
      message: online.message,
      officer: online.officer,
    };
  }
  if (offline?.valid) {
    const { name, badgeNumber, unitName } = offline.officer;
    return {
      tone: 'offline',
      title: '签名有效（离线核验）',
      message: '网络不可用，未能确认是否在岗。请联网后再核验，或拨打67189801核实。',
      officer: { name, badgeNumber, unitName },
    };
  }
  if (offline) {
    return { tone: 'invalid', title: '身份无法确认', message: offline.message, officer: null };
  }
  return {
    tone: 'invalid',
    title: '无法核验',
    message: '网络不可用，且本机没有核验密钥。请联网后重试，或拨打67189801核实。',
    officer: null,
  };
}

/** The published public keys: kept on the phone, fetched the first time (see features/trust). */
export function loadBadgeKeys(
  client: ApiClient = defaultApi,
  store: KeyValueStore = taroStore,
): Promise<Map<number, Uint8Array>> {
  return currentKeys(client, store);
}

/** Checks a badge code offline first (when keys are at hand), then online; never throws. */
export async function verifyBadgeText(
  text: string,
  now: Date,
  client: ApiClient = defaultApi,
  store: KeyValueStore = taroStore,
): Promise<BadgeVerdict> {
  const code = text.trim();
  const keys = await loadBadgeKeys(client, store);
  const offline = keys.size > 0 ? checkBadgeCode(code, keys, now) : null;
  if (offline && !offline.valid && offline.problem === 'NOT_A_BADGE_CODE') {
    return badgeVerdict(offline, null);
  }
  try {
    return badgeVerdict(offline, await client.verifyBadge({ body: { code } }));
  } catch (error) {
    if (error instanceof ApiError) {
      return { tone: 'invalid', title: '身份无法确认', message: error.message, officer: null };
    }
    return badgeVerdict(offline, null);
  }
}
