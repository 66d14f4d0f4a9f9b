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
