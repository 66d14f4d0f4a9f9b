import type { CheckInAccepted, CheckInRefused, CheckInRequest } from '@qinqing/domain';
import { api, type ApiClient } from '../../services/api';

/**
 * What happened to a check-in the officer submitted. `online`: the server decided (the record
 * exists). The offline path (离线预判 + durable queue) is added by the sync-queue feature.
 */
export type CheckInSubmission =
  | { mode: 'online'; accepted: true; result: CheckInAccepted }
  | { mode: 'online'; accepted: false; result: CheckInRefused };

/** Sends a check-in to the server. Errors other than a refusal (e.g. no signal) are thrown. */
export async function submitCheckIn(
  request: CheckInRequest,
  client: ApiClient = api,
): Promise<CheckInSubmission> {
  const answer = await client.checkIn(request);
  return answer.accepted
    ? { mode: 'online', accepted: true, result: answer.result }
    : { mode: 'online', accepted: false, result: answer.result };
}
