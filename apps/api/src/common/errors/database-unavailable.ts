/**
 * Whether an error means "the database cannot be reached right now" (a fault of the moment, not of
 * the request): the server is down, restarting or full, the connection broke, or no connection
 * came within the pool's timeout. The error filter answers those with 503 SERVICE_UNAVAILABLE and
 * Retry-After, whatever the route; the phone tries again later with the same request.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  return causes(error).some(isConnectionFault);
}

/** Socket errors of connecting to, or talking with, the server. */
const SOCKET_ERRORS = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENETDOWN',
  'EAI_AGAIN',
]);

/**
 * SQLSTATEs of a server that is going away or not taking connections: 57P01 admin_shutdown,
 * 57P02 crash_shutdown, 57P03 cannot_connect_now (starting up, shutting down, in recovery),
 * 57P05 idle_session_timeout, 53300 too_many_connections; class 08 (connection exception) below.
 */
const UNAVAILABLE_SQLSTATES = new Set(['57P01', '57P02', '57P03', '57P05', '53300']);

/** What pg (and pg-pool) say when a connection dies or never comes, without a code. */
const CONNECTION_MESSAGES = [
  /Connection terminated/i,
  /timeout exceeded when trying to connect/i,
  /Client has encountered a connection error and is not queryable/i,
  /Client was closed and is not queryable/i,
  /Cannot use a pool after calling end on the pool/i,
];

/**
 * TypeORM's errors of a data source that is not (or no longer) connected, and of a transaction
 * whose connection died half-way: TypeORM releases a query runner as soon as its connection reports
 * an error (e.g. 57P01 while the transaction's code runs between two queries), so the next query of
 * the transaction finds the runner released. The server rolled that transaction back.
 */
const NOT_CONNECTED_ERRORS = new Set([
  'CannotExecuteNotConnectedError',
  'CannotGetEntityManagerNotConnectedError',
  'ConnectionIsNotSetError',
  'QueryRunnerAlreadyReleasedError',
  'QueryRunnerProviderAlreadyReleasedError',
]);

function isConnectionFault(error: object): boolean {
  const { code, name, message } = error as { code?: unknown; name?: unknown; message?: unknown };
  if (typeof code === 'string') {
    if (SOCKET_ERRORS.has(code) || UNAVAILABLE_SQLSTATES.has(code)) return true;
    if (/^08[0-9A-Z]{3}$/.test(code)) return true;
  }
  if (typeof name === 'string' && NOT_CONNECTED_ERRORS.has(name)) return true;
  if (typeof message === 'string') {
    if (message === 'Driver not Connected') return true;
    if (CONNECTION_MESSAGES.some((pattern) => pattern.test(message))) return true;
  }
  return false;
}

/**
 * The error and what it wraps: TypeORM's QueryFailedError keeps pg's error as `driverError`,
 * others use `cause`, and a failed connect to several addresses is an AggregateError.
 */
function causes(error: unknown): object[] {
  const found: object[] = [];
  const queue: unknown[] = [error];
  while (queue.length > 0 && found.length < 20) {
    const next = queue.shift();
    if (typeof next !== 'object' || next === null || found.includes(next)) continue;
    found.push(next);
    const { driverError, cause, errors } = next as {
      driverError?: unknown;
      cause?: unknown;
      errors?: unknown;
    };
    queue.push(driverError, cause);
    if (Array.isArray(errors)) queue.push(...errors);
  }
  return found;
}
