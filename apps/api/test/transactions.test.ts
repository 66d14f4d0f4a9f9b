import { DataSource } from 'typeorm';
import { managerOf, Transactions } from '../src/database/transactions';
import { typeOrmOptions } from '../src/database/typeorm-options';
import { createTestDatabase } from './support/test-database';

/**
 * Transactions.run, the one place services open a transaction: READ COMMITTED by default, one
 * snapshot for the whole work when asked for REPEATABLE READ (the master-data export reads every
 * table in one), on a real PostgreSQL with a second session writing meanwhile.
 */
describe('Transactions.run', () => {
  let dataSource: DataSource;
  let transactions: Transactions;
  beforeAll(async () => {
    dataSource = await new DataSource(typeOrmOptions(await createTestDatabase(), 4)).initialize();
    transactions = new Transactions(dataSource);
    await dataSource.query('CREATE TABLE tx_probe (n int NOT NULL)');
  });
  afterAll(() => dataSource.destroy());
  beforeEach(() => dataSource.query('TRUNCATE tx_probe'));

  /** The rows the work sees before and after another session commits a row between its reads. */
  async function readsAround(options?: Parameters<Transactions['run']>[1]) {
    return transactions.run(async (tx) => {
      const count = async () =>
        Number((await managerOf(tx).query('SELECT count(*) AS n FROM tx_probe'))[0].n);
      const level = (await managerOf(tx).query('SHOW transaction_isolation'))[0]
        .transaction_isolation as string;
      const before = await count();
      await dataSource.query('INSERT INTO tx_probe VALUES (1)'); // another session, committed
      return { level, before, after: await count() };
    }, options);
  }

  it('runs READ COMMITTED by default: a later statement sees what others committed meanwhile', async () => {
    expect(await readsAround()).toEqual({ level: 'read committed', before: 0, after: 1 });
  });

  it('gives every statement the same snapshot under REPEATABLE READ', async () => {
    expect(await readsAround({ isolation: 'REPEATABLE READ' })).toEqual({
      level: 'repeatable read',
      before: 0,
      after: 0,
    });
  });

  it('commits when the work resolves and rolls back when it throws', async () => {
    await transactions.run((tx) => managerOf(tx).query('INSERT INTO tx_probe VALUES (2)'));
    await expect(
      transactions.run(async (tx) => {
        await managerOf(tx).query('INSERT INTO tx_probe VALUES (3)');
        throw new Error('work failed');
      }),
    ).rejects.toThrow('work failed');
    expect(await dataSource.query('SELECT n FROM tx_probe')).toEqual([{ n: 2 }]);
  });
});
