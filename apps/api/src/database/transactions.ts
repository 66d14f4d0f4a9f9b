import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

declare const openTransaction: unique symbol;

/**
 * An open transaction, as services see it: a handle they pass from one repository call to the
 * next, with nothing on it to run SQL with. Only repositories (and database/) turn it back into
 * the connection it stands for (`sqlOf`). The lint rule in eslint.config.mjs keeps DataSource and
 * EntityManager out of every other file.
 */
export interface Tx {
  readonly [openTransaction]: true;
}

/**
 * Runs work in one transaction; it commits when the work resolves. READ COMMITTED unless asked:
 * `{ isolation: 'REPEATABLE READ' }` gives every statement of the work the same snapshot (a
 * consistent read of several tables).
 */
@Injectable()
export class Transactions {
  constructor(private readonly dataSource: DataSource) {}

  run<T>(
    work: (tx: Tx) => Promise<T>,
    options: { isolation?: 'READ COMMITTED' | 'REPEATABLE READ' } = {},
  ): Promise<T> {
    const run = (manager: EntityManager) => work(manager as unknown as Tx);
    // Named only when asked: TypeORM sends a SET TRANSACTION (one more round trip) for any level
    // named, and READ COMMITTED is the server's default.
    return options.isolation
      ? this.dataSource.transaction(options.isolation, run)
      : this.dataSource.transaction(run);
  }
}

/**
 * For repositories: the connection a call runs on: the caller's transaction when given one, the
 * pool otherwise.
 */
export function sqlOf(dataSource: DataSource, tx?: Tx): EntityManager {
  return tx ? (tx as unknown as EntityManager) : dataSource.manager;
}

/** For database/ code handed a Tx (a job's transaction): the connection it stands for. */
export function managerOf(tx: Tx): EntityManager {
  return tx as unknown as EntityManager;
}

/** For the code that still holds an EntityManager while its callers move to repositories. */
export function asTx(manager: EntityManager): Tx {
  return manager as unknown as Tx;
}
