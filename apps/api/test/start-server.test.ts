import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { DEMO_PASSWORD } from '../src/database/seed/demo-data';
import { startServer } from '../src/server';

/** What `npm start` does on a fresh machine: embedded database, secrets, demo data, one origin. */
describe('startServer (npm start)', () => {
  let root: string;
  beforeAll(() => {
    root = mkdtempSync(path.join(tmpdir(), 'qinqing-start-'));
    chmodSync(root, 0o755);
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('starts in production mode on the embedded database, seeds the demo once, and keeps it across restarts', async () => {
    const env = {
      NODE_ENV: 'production',
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'silent',
      DATA_DIR: root,
      H5_DIR: '/nonexistent',
    };
    const first = await startServer(env);
    try {
      expect(first.embedded?.kind).toBe('postgres-cluster');
      expect((await fetch(`${first.url}/api/health`)).status).toBe(200);
      const login = await fetch(`${first.url}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'officer1', password: DEMO_PASSWORD }),
      });
      expect(login.status).toBe(200);
      expect(existsSync(path.join(root, 'secrets.json'))).toBe(true);
    } finally {
      await first.app.close();
    }
    const second = await startServer(env);
    try {
      const login = await fetch(`${second.url}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'admin', password: DEMO_PASSWORD }),
      });
      const { accessToken } = (await login.json()) as { accessToken: string };
      const codes = await fetch(`${second.url}/api/v1/enterprises`, {
        headers: { authorization: `Bearer ${accessToken}` },
      });
      expect(((await codes.json()) as { items: unknown[] }).items).toHaveLength(8); // seeded once, not twice
    } finally {
      await second.app.close();
    }
  }, 120_000);
});
