import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const REQUEST_ID_HEADER = 'x-request-id';

/**
 * An incoming id kept as the request's own: up to 64 letters, digits, `.`, `_`, `-`. A UUID fits,
 * so does nginx's `$request_id` (32 hex digits); nothing that could forge or break a log line.
 */
const ACCEPTED_REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

/**
 * The id of a request (in every log line, the `x-request-id` answer header, a 500's body): the one
 * a proxy or client sent in `x-request-id` when acceptable, else a new UUID v4, so ids stay unique
 * across API instances and restarts.
 */
export function requestIdFor(request: Pick<IncomingMessage, 'headers'>): string {
  const incoming = request.headers[REQUEST_ID_HEADER];
  return typeof incoming === 'string' && ACCEPTED_REQUEST_ID.test(incoming)
    ? incoming
    : randomUUID();
}
