import { checkUscc } from '@qinqing/domain';
import { DataSource } from 'typeorm';
import { DEMO_PASSWORD } from '../src/database/seed/demo-data';
import { seedDemoDataIfEmpty } from '../src/database/seed/demo-seed';
import { typeOrmOptions } from '../src/database/typeorm-options';
import { verifyPassword } from '../src/users/password';
import { createTestDatabase } from './support/test-database';

describe('demo seed', () => {
  let dataSource: DataSource;
  beforeAll(async () => {
    dataSource = new DataSource(typeOrmOptions(await createTestDatabase(), 2));
    await dataSource.initialize();
  });
  afterAll(() => dataSource.destroy());

  it('seeds an empty database once, and concurrent starters seed nothing twice', async () => {
    const results = await Promise.all([
      seedDemoDataIfEmpty(dataSource),
      seedDemoDataIfEmpty(dataSource),
    ]);
    expect(results.sort()).toEqual([false, true]);
    expect(await seedDemoDataIfEmpty(dataSource)).toBe(false);
  });

  it('creates the demo accounts of the README with the demo password', async () => {
    const users: { username: string; role: string; password_hash: string }[] =
      await dataSource.query(
        'SELECT username, role, password_hash FROM app_user ORDER BY username',
      );
    expect(users.map((u) => `${u.username}:${u.role}`)).toEqual([
      'admin:admin',
      'firm1:enterprise',
      'firm2:enterprise',
      'officer1:officer',
      'officer2:officer',
      'officer3:officer',
      'officer4:officer',
      'supervisor:supervisor',
      'supervisor2:supervisor',
    ]);
    for (const user of users) {
      expect(user.password_hash).toMatch(/^\$argon2id\$/);
      expect(await verifyPassword(user.password_hash, DEMO_PASSWORD)).toBe(true);
    }
    expect(await verifyPassword(users[0].password_hash, 'wrong')).toBe(false);
  });

  it('puts the four officers in two units', async () => {
    const rows = await dataSource.query(
      `SELECT count(DISTINCT unit_id)::int AS units, count(*)::int AS officers FROM app_user WHERE role = 'officer'`,
    );
    expect(rows[0]).toEqual({ units: 2, officers: 4 });
  });

  it('binds firm1 to a firm on the positive list today and firm2 to a different firm off it', async () => {
    const rows: { username: string; name: string; listed: boolean }[] = await dataSource.query(`
      SELECT u.username, e.name,
        EXISTS (SELECT 1 FROM positive_list_entry p WHERE p.enterprise_id = e.id
                AND p.effective_from <= current_date
                AND (p.effective_to IS NULL OR p.effective_to >= current_date)) AS listed
      FROM app_user u JOIN enterprise_member m ON m.user_id = u.id JOIN enterprise e ON e.id = m.enterprise_id
      WHERE u.username IN ('firm1', 'firm2') ORDER BY u.username`);
    expect(rows).toEqual([
      { username: 'firm1', name: '郑州思念食品有限公司', listed: true },
      { username: 'firm2', name: '河南瑞泰耐材科技有限公司', listed: false },
    ]);
  });

  it('gives every firm a valid USCC, a gate and a spread of credit grades', async () => {
    const firms: { uscc: string; credit_grade: string; gates: number }[] = await dataSource.query(
      `SELECT e.uscc, e.credit_grade, (SELECT count(*)::int FROM gate g WHERE g.enterprise_id = e.id) AS gates
       FROM enterprise e`,
    );
    expect(firms.length).toBeGreaterThanOrEqual(6);
    for (const firm of firms) {
      expect(checkUscc(firm.uscc).valid).toBe(true);
      expect(firm.gates).toBeGreaterThan(0);
    }
    expect(new Set(firms.map((f) => f.credit_grade)).size).toBe(5);
  });
});
