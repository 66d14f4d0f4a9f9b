import {
  judgeOffline,
  type CheckInAccepted,
  type CheckInRefused,
  type CheckInRequest,
} from '@qinqing/domain';
import { api, NetworkError, type ApiClient } from '../../services/api';
import { session } from '../../services/session';
import { taroStore, type KeyValueStore } from '../../services/storage';
import { loadSnapshot, snapshotInfo } from '../offline-snapshot/snapshot';
import { officerQueue, startOfflineSupport } from '../sync-queue/officer-queue';
import { verdictOf, type LocalJudgement } from '../sync-queue/sync-queue';

export type { LocalJudgement } from '../sync-queue/sync-queue';

/**
 * What happened to a check-in the officer submitted.
 * - `online`: the server decided (the record exists).
 * - `offline`: no signal. The phone judged it with the rule engine on its signed snapshot
 *   (离线预判: `judgement.judged` true, with `decision`, `enterprise`, `gate`), or could not
 *   (`judged: false`, `reason` 'NO_SNAPSHOT': no snapshot on the phone; 'FIRM_NOT_IN_SNAPSHOT':
 *   a firm outside the snapshot). Either way the check-in is queued durably (`queued: true`) and
 *   sent with the same clientId when the signal comes back; the server's decision is final.
 */
export type CheckInSubmission =
  | { mode: 'online'; accepted: true; result: CheckInAccepted }
  | { mode: 'online'; accepted: false; result: CheckInRefused }
  | {
      mode: 'offline';
      judgement: LocalJudgement;
      queued: true;
      request: CheckInRequest;
      /** when the snapshot used was issued (undefined: no snapshot) */
      snapshotIssuedAt?: string;
    };

/**
 * Sends a check-in to the server; without signal, judges it offline and queues it (never lost).
 * Errors other than a refusal or no signal (e.g. validation) are thrown.
 */
export async function submitCheckIn(
  request: CheckInRequest,
  client: ApiClient = api,
  store: KeyValueStore = taroStore,
): Promise<CheckInSubmission> {
  startOfflineSupport();
  try {
    const answer = await client.submitCheckIn(request);
    return answer.accepted
      ? { mode: 'online', accepted: true, result: answer.result }
      : { mode: 'online', accepted: false, result: answer.result };
  } catch (error) {
    if (!(error instanceof NetworkError)) throw error;
  }
  const officerId = session.user()?.id;
  const snapshot = loadSnapshot({ store, officerId });
  const judgement: LocalJudgement = snapshot
    ? judgeOffline(snapshot, request, new Date())
    : { judged: false, reason: 'NO_SNAPSHOT' };
  const queue = officerQueue(officerId, client, store);
  if (!queue) throw new Error('请先登录后再打卡。');
  queue.enqueue({ request, offline: verdictOf(judgement) });
  return {
    mode: 'offline',
    judgement,
    queued: true,
    request,
    snapshotIssuedAt: snapshot ? snapshotInfo({ store, officerId })?.issuedAt : undefined,
  };
}
