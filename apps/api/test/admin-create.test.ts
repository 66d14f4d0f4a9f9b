import { spawn } from 'node:child_process';
import * as path from 'node:path';
import { ONE_TIME_PASSWORD_ALPHABET } from '@qinqing/domain';
import { Client } from 'pg';
import { createTestDatabase } from './support/test-database';
import { startTestApp, type TestApp } from './support/test-app';

const API_DIR = path.join(__dirname, '..');
// the CLI's source through ts-node with swc, as the API's child-process tests run src/main.ts;
// argv[1] stands for the script's path, which `node -e` has not
const ENTRY = `require('ts-node').register({ transpileOnly: true, swc: true }); require('./src/users/create-admin.ts');`;

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function adminCreate(databaseUrl: string, ...args: string[]): Promise<Run> {
  const child = spawn(process.execPath, ['-e', ENTRY, '--', 'create-admin', ...args], {
    cwd: API_DIR,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      DATABASE_URL: databaseUrl,
      PUBLIC_BASE_URL: 'https://qinqing.example.gov.cn',
      JWT_SECRET: 'admin-create-test-jwt-secret-0123456789',
      GATE_CODE_SEED: 'YWRtaW4tY3JlYXRlLXRlc3QtZ2F0ZS1jb2RlLXNlZWQ',
      AUDIT_CHECKPOINT_SEED: 'YWRtaW4tY3JlYXRlLXRlc3QtYXVkaXQtY2hlY2twb2k',
      H5_DIR: '/nonexistent',
      LOG_LEVEL: 'silent',
    },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, stdout, stderr })));
}

const passwordOf = (run: Run) => /One-time password: (\S+)/.exec(run.stdout)?.[1] ?? '';

describe('npm run admin:create (the first administrator of a database without one)', () => {
  let url: string;
  let db: Client;
  let t: TestApp | undefined;
  beforeAll(async () => {
    // an empty database: dropped back to before any migration, as a bureau's new one is
    url = await createTestDatabase();
    db = new Client({ connectionString: url });
    await db.connect();
    await db.query('DROP SCHEMA public CASCADE; CREATE SCHEMA public');
  });
  afterAll(async () => {
    await t?.close();
    await db.end();
  });

  const login = (username: string, password: string) =>
    t!.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username, password },
      remoteAddress: '10.9.9.9',
    });

  it('migrates the empty database, creates the admin and prints a one-time password once', async () => {
    const run = await adminCreate(url, '--username', 'zhangju', '--name', '张局');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('已创建管理员账号 Administrator created: zhangju');
    const password = passwordOf(run);
    expect(password).toHaveLength(14);
    expect([...password].every((c) => ONE_TIME_PASSWORD_ALPHABET.includes(c))).toBe(true);

    const { rows } = await db.query(
      `SELECT role, name, active, must_change_password, password_hash FROM app_user`,
    );
    expect(rows).toEqual([
      expect.objectContaining({
        role: 'admin',
        name: '张局',
        active: true,
        must_change_password: true,
      }),
    ]);
    expect(rows[0].password_hash).toMatch(/^\$argon2id\$/);
    const audit = await db.query(
      `SELECT action, data FROM audit_entry WHERE subject_type = 'user'`,
    );
    expect(audit.rows).toEqual([
      {
        action: 'ADMIN_CREATED',
        data: { username: 'zhangju', reset: false, via: 'admin:create' },
      },
    ]);
    expect(JSON.stringify(audit.rows)).not.toContain(password);

    t = await startTestApp({ DATABASE_URL: url });
    const res = await login('zhangju', password);
    expect(res.statusCode).toBe(200);
    expect(res.json().user).toMatchObject({
      username: 'zhangju',
      role: 'admin',
      mustChangePassword: true,
    });
  }, 120_000);

  it('refuses while an active administrator exists, in Chinese and English, non-zero', async () => {
    const run = await adminCreate(url, '--username', 'lisi');
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('已有在用的管理员账号（zhangju）');
    expect(run.stderr).toContain('An active administrator already exists (zhangju)');
    const { rows } = await db.query(`SELECT count(*)::int AS n FROM app_user`);
    expect(rows[0].n).toBe(1);
  }, 120_000);

  it('with --force adds another administrator, or resets and reactivates an existing one', async () => {
    const added = await adminCreate(url, '--username', 'lisi', '--force');
    expect(added.code).toBe(0);
    await db.query(`UPDATE app_user SET active = false WHERE username = 'zhangju'`);
    const again = await adminCreate(url, '--username', 'ZhangJu');
    expect(again.code).toBe(1); // lisi is active
    const reset = await adminCreate(url, '--username', 'ZhangJu', '--force');
    expect(reset.code).toBe(0);
    expect(reset.stdout).toContain('已重置管理员账号 Administrator reset: zhangju');
    const { rows } = await db.query(
      `SELECT username, active, must_change_password FROM app_user ORDER BY username`,
    );
    expect(rows).toEqual([
      { username: 'lisi', active: true, must_change_password: true },
      { username: 'zhangju', active: true, must_change_password: true },
    ]);
    expect((await login('zhangju', passwordOf(reset))).statusCode).toBe(200);
  }, 120_000);

  it('never turns another role into an administrator, and checks its arguments', async () => {
    await db.query(
      `INSERT INTO app_user (username, password_hash, role, name) VALUES ('firmx', 'x', 'enterprise', '企业')`,
    );
    const taken = await adminCreate(url, '--username', 'firmx', '--force');
    expect(taken.code).toBe(1);
    expect(taken.stderr).toContain('已被非管理员账号使用');
    const bad = await adminCreate(url, '--username', 'a b');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('用户名不正确');
    const missing = await adminCreate(url);
    expect(missing.code).toBe(2);
    const unknown = await adminCreate(url, '--username', 'wangwu', '--password', 'x');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('Usage');
  }, 120_000);
});
