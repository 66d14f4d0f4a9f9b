import { Injectable } from '@nestjs/common';
import { DataSource, IsNull } from 'typeorm';
import { sqlOf, type Tx } from '../database/transactions';
import { Unit } from './unit.entity';

/** What hangs on a unit and keeps it from being retired. */
export interface UnitUse {
  activeAccounts: number;
  activeChildUnits: number;
}

/** The unit tree (unit). */
@Injectable()
export class UnitsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Serialises the changes that read the tree's shape (moves) or what hangs on a unit
   * (retirements) with each other and with accounts being put into units.
   */
  async lockTree(tx: Tx): Promise<void> {
    await sqlOf(this.dataSource, tx).query('LOCK TABLE unit IN SHARE ROW EXCLUSIVE MODE');
  }

  /** Every unit, by code. */
  all(tx?: Tx): Promise<Unit[]> {
    return sqlOf(this.dataSource, tx)
      .getRepository(Unit)
      .find({ order: { code: 'ASC' } });
  }

  /** The first created active unit without a parent (the 支队; null: none). */
  top(tx?: Tx): Promise<Unit | null> {
    return sqlOf(this.dataSource, tx)
      .getRepository(Unit)
      .findOne({ where: { parentId: IsNull(), active: true }, order: { createdAt: 'ASC' } });
  }

  exists(id: string, tx?: Tx): Promise<boolean> {
    return sqlOf(this.dataSource, tx).getRepository(Unit).existsBy({ id });
  }

  codeTaken(code: string, tx?: Tx): Promise<boolean> {
    return sqlOf(this.dataSource, tx).getRepository(Unit).existsBy({ code });
  }

  /** A unit share-locked until the transaction ends: it cannot be retired meanwhile. */
  lockForShare(id: string, tx: Tx): Promise<Unit | null> {
    return sqlOf(this.dataSource, tx)
      .getRepository(Unit)
      .createQueryBuilder('u')
      .setLock('pessimistic_read')
      .where('u.id = :id', { id })
      .getOne();
  }

  /** A unit locked for a change until the transaction ends. */
  lockForUpdate(id: string, tx: Tx): Promise<Unit | null> {
    return sqlOf(this.dataSource, tx)
      .getRepository(Unit)
      .createQueryBuilder('u')
      .setLock('for_no_key_update')
      .where('u.id = :id', { id })
      .getOne();
  }

  /** Inserts a new unit and answers it as saved (with its id). */
  create(row: Partial<Unit>, tx?: Tx): Promise<Unit> {
    const manager = sqlOf(this.dataSource, tx);
    return manager.save(manager.create(Unit, row));
  }

  /** Inserts a new unit whose id is made by the caller. */
  async insert(row: Partial<Unit> & { id: string }, tx?: Tx): Promise<void> {
    await sqlOf(this.dataSource, tx).insert(Unit, row);
  }

  /** Saves the changed columns of a unit read before. */
  save(unit: Unit, tx?: Tx): Promise<Unit> {
    return sqlOf(this.dataSource, tx).save(unit);
  }

  async setParent(id: string, parentId: string | null, tx?: Tx): Promise<void> {
    await sqlOf(this.dataSource, tx).update(Unit, { id }, { parentId });
  }

  /** Whether `candidate` is `root` or lies under it. */
  async isInSubtree(root: string, candidate: string, tx?: Tx): Promise<boolean> {
    const [row] = (await sqlOf(this.dataSource, tx).query(
      `WITH RECURSIVE sub AS (
         SELECT id FROM unit WHERE id = $1
         UNION SELECT u.id FROM unit u JOIN sub ON u.parent_id = sub.id)
       SELECT EXISTS (SELECT 1 FROM sub WHERE id = $2) AS inside`,
      [root, candidate],
    )) as { inside: boolean }[];
    return row.inside;
  }

  /** The active accounts and active child units of a unit (app_user read here, one statement). */
  async useOf(id: string, tx?: Tx): Promise<UnitUse> {
    const [use] = (await sqlOf(this.dataSource, tx).query(
      `SELECT (SELECT count(*)::int FROM app_user
                WHERE active AND (unit_id = $1 OR jurisdiction_unit_id = $1)) AS "activeAccounts",
              (SELECT count(*)::int FROM unit WHERE parent_id = $1 AND active) AS "activeChildUnits"`,
      [id],
    )) as UnitUse[];
    return use;
  }
}
