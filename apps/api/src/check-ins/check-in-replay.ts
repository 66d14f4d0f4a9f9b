import { Injectable } from '@nestjs/common';
import type { RateLimitedRequest, RateLimitExemption } from '../common/rate-limit';
import { CheckInRepository } from './check-in.repository';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A check-in the caller already recorded, sent again with the same clientId (a phone's retry after
 * a lost answer, a queue flushed twice): it is answered with the original record and does not
 * count against the check-in limit, or a phone retrying through a bad signal would lock its
 * officer out of checking in. Asked only past the limit; under it, the check-in finds the replay
 * in its own context statement and the controller gives the count back.
 */
@Injectable()
export class CheckInReplay implements RateLimitExemption {
  constructor(private readonly checkIns: CheckInRepository) {}

  isExempt(request: RateLimitedRequest): Promise<boolean> {
    const clientId = (request.body as { clientId?: unknown } | undefined)?.clientId;
    if (!request.user || typeof clientId !== 'string' || !UUID.test(clientId)) {
      return Promise.resolve(false);
    }
    return this.checkIns.isRecordedBy(clientId, request.user.id);
  }
}
