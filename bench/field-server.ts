/**
 * The API of one checkout (FIELD_REPO: this repository or an older worktree), in its own process,
 * serving that checkout's H5 build (FIELD_H5_DIR) with the demo data, as bench:field measures it.
 * Started by field-app.ts with fork(); loads the checkout's own sources (its bootstrap, seed and
 * node_modules), so an older commit runs its own API, e.g. without compression or cache headers.
 *
 * IPC: sends {port} once listening; answers {type: 'issueCode', id, firm} with {id, code} (a
 * fresh gate code for the firm's first gate, issued by the demo admin through the API) and stops
 * on 'stop'. Settings come from FIELD_* variables set by the parent.
 */
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';

interface Fastify {
  inject(options: {
    method: string;
    url: string;
    payload?: unknown;
    headers?: Record<string, string>;
  }): Promise<{ statusCode: number; body: string; json(): Record<string, unknown> }>;
}

interface NestApp {
  init(): Promise<unknown>;
  listen(port: number, host: string): Promise<unknown>;
  close(): Promise<void>;
  get(token: unknown): unknown;
  getHttpServer(): { address(): AddressInfo | string | null };
  getHttpAdapter(): { getInstance(): Fastify };
}

interface DataSourceLike {
  query(sql: string, params?: unknown[]): Promise<{ id: string }[]>;
}

const env = process.env;
const repo = path.resolve(env.FIELD_REPO ?? path.join(__dirname, '..'));
const api = path.join(repo, 'apps/api');
/** A module of the checkout's API (its sources, or a package from its node_modules). */
const fromApi = (request: string) =>
  require(
    request.startsWith('.') ? path.join(api, request) : require.resolve(request, { paths: [api] }),
  );

async function main(): Promise<void> {
  fromApi('reflect-metadata');
  const { createApp } = fromApi('./src/bootstrap');
  const { seedDemoDataIfEmpty } = fromApi('./src/database/seed/demo-seed');
  const { DEMO_PASSWORD } = fromApi('./src/database/seed/demo-data');
  const { DataSource } = fromApi('typeorm');

  const app: NestApp = await createApp({
    NODE_ENV: 'production',
    DATABASE_URL: env.FIELD_DATABASE_URL,
    DB_POOL_MAX: 5,
    LOG_LEVEL: 'silent',
    DATA_DIR: env.FIELD_DATA_DIR,
    H5_DIR: env.FIELD_H5_DIR,
    JWT_SECRET: env.FIELD_JWT_SECRET,
    GATE_CODE_SEED: env.FIELD_GATE_CODE_SEED,
    // newer checkouts need it with a database of their own (older ones ignore unknown settings)
    AUDIT_CHECKPOINT_SEED: env.FIELD_AUDIT_CHECKPOINT_SEED,
    PUBLIC_BASE_URL: 'https://qinqing.example.cn',
  });
  await app.init(); // runs the checkout's migrations
  const dataSource = app.get(DataSource) as DataSourceLike;
  await seedDemoDataIfEmpty(dataSource);
  await app.listen(0, '127.0.0.1');
  const fastify = app.getHttpAdapter().getInstance();

  let adminToken: string | undefined;
  async function issueCode(firm: string): Promise<string> {
    if (!adminToken) {
      const login = await fastify.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { username: 'admin', password: DEMO_PASSWORD },
      });
      if (login.statusCode !== 200 && login.statusCode !== 201) {
        throw new Error(`admin login: ${login.statusCode} ${login.body}`);
      }
      adminToken = String(login.json().accessToken);
    }
    const [gate] = await dataSource.query(
      `SELECT g.id FROM gate g JOIN enterprise e ON e.id = g.enterprise_id
        WHERE e.name = $1 ORDER BY g.name LIMIT 1`,
      [firm],
    );
    if (!gate) throw new Error(`no gate of a firm named ${firm}`);
    const res = await fastify.inject({
      method: 'POST',
      url: `/api/v1/gates/${gate.id}/codes`,
      headers: { authorization: `Bearer ${adminToken}` },
    });
    if (res.statusCode >= 300) throw new Error(`issue code: ${res.statusCode} ${res.body}`);
    return String(res.json().code);
  }

  const address = app.getHttpServer().address() as AddressInfo;
  process.send?.({ type: 'listening', port: address.port });
  process.on('message', (message: 'stop' | { type: 'issueCode'; id: number; firm: string }) => {
    if (message === 'stop') {
      void app.close().then(
        () => process.exit(0),
        () => process.exit(1),
      );
      return;
    }
    if (message.type === 'issueCode') {
      issueCode(message.firm).then(
        (code) => process.send?.({ type: 'code', id: message.id, code }),
        (error: unknown) => process.send?.({ type: 'code', id: message.id, error: String(error) }),
      );
    }
  });
  // The parent gone (killed): do not linger.
  process.on('disconnect', () => process.exit(0));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
