import { ApiError, NetworkError, type ApiClient } from '../../services/api';
import type { Send } from './sync-queue';

/** Sends a queued check-in through the API client and says what the answer means for the queue. */
export function apiSender(client: ApiClient): Send {
  return async (request) => {
    try {
      const answer = await client.submitCheckIn(request);
      return answer.accepted
        ? {
            kind: 'recorded',
            decision: answer.result.decision,
            recordId: answer.result.visit.id,
            enterpriseName: answer.result.visit.enterpriseName,
          }
        : {
            kind: 'recorded',
            decision: answer.result.decision,
            recordId: answer.result.attemptId,
            enterpriseName: null,
          };
    } catch (error) {
      if (error instanceof NetworkError) return { kind: 'unreachable' };
      if (error instanceof ApiError) {
        const { statusCode, code, message } = error;
        if (statusCode === 401) return { kind: 'needsLogin', message };
        // 503 SERVICE_UNAVAILABLE (the database is away), 429, other 5xx: try again later, at
        // the earliest when the server said (Retry-After).
        if (statusCode === 429 || statusCode >= 500 || statusCode < 400) {
          const { retryAfterSeconds } = error;
          return retryAfterSeconds === undefined
            ? { kind: 'retryLater', message }
            : { kind: 'retryLater', message, retryAfterMs: retryAfterSeconds * 1000 };
        }
        return { kind: 'rejected', statusCode, code, message };
      }
      return { kind: 'retryLater', message: error instanceof Error ? error.message : '未知错误' };
    }
  };
}
