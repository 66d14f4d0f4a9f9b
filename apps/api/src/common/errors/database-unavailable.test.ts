import { createServer, type AddressInfo, type Socket } from 'node:net';
import { Pool } from 'pg';
import {
  CannotExecuteNotConnectedError,
  QueryFailedError,
  QueryRunnerAlreadyReleasedError,
  QueryRunnerProviderAlreadyReleasedError,
} from 'typeorm';
import { freePort } from '../../database/embedded/free-port';
import { isDatabaseUnavailable } from './database-unavailable';

/** An error like pg's DatabaseError: a message and a SQLSTATE. */
const pgError = (code: string, message = 'x') => Object.assign(new Error(message), { code });

describe('isDatabaseUnavailable', () => {
  it.each([
    ['ECONNREFUSED', Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' })],
    ['ECONNRESET', Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' })],
    ['Connection terminated unexpectedly', new Error('Connection terminated unexpectedly')],
    ['a pool timeout', new Error('timeout exceeded when trying to connect')],
    [
      '57P01 admin_shutdown',
      pgError('57P01', 'terminating connection due to administrator command'),
    ],
    ['57P03 cannot_connect_now', pgError('57P03', 'the database system is shutting down')],
    ['53300 too_many_connections', pgError('53300', 'sorry, too many clients already')],
    ['08006 connection_failure', pgError('08006')],
    ['08P01 protocol_violation', pgError('08P01')],
    [
      'QueryFailedError wrapping a terminated connection',
      new QueryFailedError('SELECT 1', [], new Error('Connection terminated')),
    ],
    [
      'QueryFailedError wrapping 57P01',
      new QueryFailedError('SELECT 1', [], pgError('57P01', 'terminating connection')),
    ],
    ['a data source not connected', new CannotExecuteNotConnectedError()],
    ['a transaction whose connection died', new QueryRunnerAlreadyReleasedError()],
    ['a manager whose connection died', new QueryRunnerProviderAlreadyReleasedError()],
    ['TypeORM without a pool', new Error('Driver not Connected')],
    [
      'an AggregateError of refused connects',
      new AggregateError([Object.assign(new Error('refused'), { code: 'ECONNREFUSED' })], ''),
    ],
    ['a cause', new Error('outer', { cause: pgError('57P03') })],
  ])('recognises %s', (_name, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it.each([
    ['23505 unique_violation', new QueryFailedError('INSERT', [], pgError('23505'))],
    ['22P02 invalid_text_representation', pgError('22P02')],
    ['40P01 deadlock', pgError('40P01')],
    ['a plain bug', new TypeError("Cannot read properties of undefined (reading 'id')")],
    ['not an error', 'boom'],
    ['nothing', undefined],
  ])('leaves %s alone', (_name, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });

  it('recognises what pg really throws: nothing listens, a silent server, a full pool', async () => {
    const port = await freePort();
    const refused = new Pool({ connectionString: `postgres://x@127.0.0.1:${port}/x` });
    const refusal = await refused.query('SELECT 1').catch((e: unknown) => e);
    await refused.end();
    expect(isDatabaseUnavailable(refusal)).toBe(true);

    // A server that accepts the connection and never answers.
    const sockets: Socket[] = [];
    const silent = createServer((socket) => void sockets.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const { port: silentPort } = silent.address() as AddressInfo;
    const pool = new Pool({
      connectionString: `postgres://x@127.0.0.1:${silentPort}/x`,
      connectionTimeoutMillis: 200,
      max: 1,
    });
    try {
      const [first, second] = await Promise.all([
        pool.query('SELECT 1').catch((e: unknown) => e),
        pool.query('SELECT 1').catch((e: unknown) => e), // waits for the only slot
      ]);
      expect(String(first)).toMatch(/timeout/);
      expect(isDatabaseUnavailable(first)).toBe(true);
      expect(isDatabaseUnavailable(second)).toBe(true);
    } finally {
      await pool.end();
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => silent.close(resolve));
    }
  });
});
