import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { sqlOf, type Tx } from '../database/transactions';

/** Serialises imports: two at once would plan against the same snapshot. */
const IMPORT_LOCK_KEY = 7_310_426_001;

/**
 * What the master-data import needs of the database besides the tables' own repositories
 * (enterprises, units, users): the import's lock.
 */
@Injectable()
export class MasterDataRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Holds other imports back until the transaction ends (a transaction-level advisory lock). */
  async lockImports(tx: Tx): Promise<void> {
    await sqlOf(this.dataSource, tx).query('SELECT pg_advisory_xact_lock($1)', [IMPORT_LOCK_KEY]);
  }
}
