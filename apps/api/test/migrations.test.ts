import { DataSource } from 'typeorm';
import { typeOrmOptions } from '../src/database/typeorm-options';
import { createTestDatabase } from './support/test-database';

describe('migrations', () => {
  let dataSource: DataSource;
  beforeAll(async () => {
    dataSource = new DataSource(typeOrmOptions(await createTestDatabase(), 1));
    await dataSource.initialize();
  });
  afterAll(() => dataSource.destroy());

  it('leave no entity change without a committed migration', async () => {
    const pending = await dataSource.driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((q) => q.query)).toEqual([]);
  });

  it('have all run on the template', async () => {
    expect(await dataSource.showMigrations()).toBe(false);
  });

  it('enforce the closed vocabularies in the database too', async () => {
    await expect(
      dataSource.query(`INSERT INTO unit (code, name, level) VALUES ('X', 'x', 'SQUAD')`),
    ).rejects.toThrow(/CHK_unit_level/);
  });

  it('refuse a visit, a co-officer, a gate code or a notification that points nowhere', async () => {
    const nowhere = '00000000-0000-4000-8000-000000000000';
    await expect(
      dataSource.query(
        `INSERT INTO visit (client_id, officer_id, unit_id, purpose, outcome, reasons,
                policy_version, client_time, received_at, checked_in_at)
         VALUES (gen_random_uuid(), $1, $1, 'ROUTINE', 'REFUSED', '[]', 1, now(), now(), now())`,
        [nowhere],
      ),
    ).rejects.toThrow(/violates foreign key constraint/);
    await expect(
      dataSource.query(
        `INSERT INTO visit_officer (visit_id, officer_id, is_lead) VALUES ($1, $1, true)`,
        [nowhere],
      ),
    ).rejects.toThrow(/violates foreign key constraint/);
    await expect(
      dataSource.query(
        `INSERT INTO notification (user_id, kind, payload) VALUES ($1, 'VISIT', '{}')`,
        [nowhere],
      ),
    ).rejects.toThrow(/violates foreign key constraint/);
  });

  it('stop the foreign keys on rows that point nowhere, naming them', async () => {
    const names = dataSource.migrations.map((m) => m.name);
    const later = names.length - 1 - names.indexOf('CoreForeignKeys1796500000000');
    for (let i = 0; i <= later; i++) await dataSource.undoLastMigration();
    const nowhere = '00000000-0000-4000-8000-000000000000';
    await dataSource.query(
      `INSERT INTO notification (user_id, kind, payload) VALUES ($1, 'VISIT', '{}')`,
      [nowhere],
    );
    await expect(dataSource.runMigrations()).rejects.toThrow(
      /notification\.user_id: 1 row\(s\) name no app_user/,
    );
    await dataSource.query(`DELETE FROM notification WHERE user_id = $1`, [nowhere]);
    await dataSource.runMigrations();
    expect(await dataSource.showMigrations()).toBe(false);
  });

  it('can be reverted and re-applied', async () => {
    const ran = dataSource.migrations.length;
    for (let i = 0; i < ran; i++) await dataSource.undoLastMigration();
    const tables = await dataSource.query(
      `SELECT count(*)::int AS n FROM pg_tables WHERE tablename = 'enterprise'`,
    );
    expect(tables[0].n).toBe(0);
    await dataSource.runMigrations();
    expect(await dataSource.showMigrations()).toBe(false);
  });
});
