import { Injectable } from '@nestjs/common';
import type { ParsedBody, PoolFirm } from '@qinqing/domain';
import { randomUUID } from 'node:crypto';
import { DataSource, In, IsNull, type EntityTarget } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { sqlOf, type Tx } from '../database/transactions';
import type { AccessScope } from '../scope/access-scope';
import { Enterprise } from './enterprise.entity';
import { Gate } from './gate.entity';
import { PositiveListEntry } from './positive-list-entry.entity';
import { onPositiveListSql } from './positive-list';

/** Rows per INSERT statement (well under PostgreSQL's 65,535 bind parameters). */
const INSERT_CHUNK = 500;

/** A firm with its gates, 正面清单 entries and liaison officer, and whether it is on the list. */
export interface ListedFirm {
  firm: Enterprise;
  onPositiveList: boolean;
}

/** A gate's name and its firm's. */
export interface GateNames {
  gateName: string;
  enterpriseName: string;
}

/** Firms (enterprise), their gates (gate) and their 正面清单 memberships (positive_list_entry). */
@Injectable()
export class EnterprisesRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * The firms of a scope by name, with their gates and list entries (by name, by start) and their
   * liaison officer (app_user, joined for display), and whether each is on the 正面清单 on `day`.
   */
  async listed(scope: AccessScope, day: string, tx?: Tx): Promise<ListedFirm[]> {
    const query = sqlOf(this.dataSource, tx)
      .getRepository(Enterprise)
      .createQueryBuilder('e')
      .leftJoinAndSelect('e.gates', 'g')
      .leftJoinAndSelect('e.positiveListEntries', 'p')
      .leftJoinAndSelect('e.liaisonOfficer', 'l')
      .addSelect(onPositiveListSql('e', 'day'), 'e_on_list')
      .setParameter('day', day)
      .orderBy('e.name', 'ASC')
      .addOrderBy('g.name', 'ASC')
      .addOrderBy('p.effective_from', 'ASC');
    if (scope.kind === 'units')
      query.where('e.unit_id IN (:...units)', { units: nonEmpty(scope.unitIds) });
    if (scope.kind === 'enterprises') {
      query.where('e.id IN (:...ids)', { ids: nonEmpty(scope.enterpriseIds) });
    }
    const { entities, raw } = await query.getRawAndEntities();
    const listed = new Map<string, boolean>(
      raw.map((r: { e_id: string; e_on_list: boolean }) => [r.e_id, r.e_on_list]),
    );
    return entities.map((firm) => ({ firm, onPositiveList: listed.get(firm.id) ?? false }));
  }

  /** The firms of these ids that exist. */
  byIds(ids: string[], tx?: Tx): Promise<Enterprise[]> {
    return sqlOf(this.dataSource, tx)
      .getRepository(Enterprise)
      .findBy({ id: In(ids) });
  }

  exists(id: string, tx?: Tx): Promise<boolean> {
    return sqlOf(this.dataSource, tx).getRepository(Enterprise).existsBy({ id });
  }

  /** The unit supervising the firm (null: no such firm). */
  async unitOf(id: string, tx?: Tx): Promise<string | null> {
    const firm = await sqlOf(this.dataSource, tx)
      .getRepository(Enterprise)
      .findOne({ where: { id }, select: { id: true, unitId: true } });
    return firm?.unitId ?? null;
  }

  /**
   * A draw's pool (双随机): the firms of the units that pass its filters, with their list status on
   * `day`, by id.
   */
  drawPool(
    units: string[],
    filters: Pick<ParsedBody<'commitDraw'>, 'districts' | 'industries' | 'supervisionClasses'>,
    day: string,
    tx?: Tx,
  ): Promise<PoolFirm[]> {
    const query = sqlOf(this.dataSource, tx)
      .createQueryBuilder()
      .from('enterprise', 'e')
      .select([
        'e.id AS id',
        'e.name AS name',
        'e.uscc AS uscc',
        'e.unit_id AS "unitId"',
        'e.district AS district',
        'e.industry AS industry',
        'e.credit_grade AS "creditGrade"',
        'e.supervision_class AS "supervisionClass"',
      ])
      .addSelect(onPositiveListSql('e', 'day'), 'onPositiveList')
      .where('e.unit_id = ANY(:units)', { units })
      .setParameter('day', day)
      .orderBy('e.id');
    if (filters.districts?.length) query.andWhere('e.district = ANY(:districts)', filters);
    if (filters.industries?.length) query.andWhere('e.industry = ANY(:industries)', filters);
    if (filters.supervisionClasses?.length) {
      query.andWhere('e.supervision_class = ANY(:supervisionClasses)', filters);
    }
    return query.getRawMany<PoolFirm>();
  }

  /** A firm; throws when it does not exist. */
  byIdOrFail(id: string, tx?: Tx): Promise<Enterprise> {
    return sqlOf(this.dataSource, tx).findOneByOrFail(Enterprise, { id });
  }

  usccTaken(uscc: string, tx?: Tx): Promise<boolean> {
    return sqlOf(this.dataSource, tx).getRepository(Enterprise).existsBy({ uscc });
  }

  /** A firm locked for a change until the transaction ends (null: none). */
  lockForUpdate(id: string, tx: Tx): Promise<Enterprise | null> {
    return sqlOf(this.dataSource, tx)
      .getRepository(Enterprise)
      .createQueryBuilder('e')
      .setLock('for_no_key_update')
      .where('e.id = :id', { id })
      .getOne();
  }

  /** Inserts a new firm and answers it as saved (with its id). */
  create(row: Partial<Enterprise>, tx?: Tx): Promise<Enterprise> {
    const manager = sqlOf(this.dataSource, tx);
    return manager.save(manager.create(Enterprise, row));
  }

  /** Saves the changed columns of a firm read before. */
  save(firm: Enterprise, tx?: Tx): Promise<Enterprise> {
    return sqlOf(this.dataSource, tx).save(firm);
  }

  async setFirmColumns(id: string, columns: Partial<Enterprise>, tx?: Tx): Promise<void> {
    await sqlOf(this.dataSource, tx).update(Enterprise, { id }, columns);
  }

  /** Every firm, by name and USCC. */
  allFirms(tx?: Tx): Promise<Enterprise[]> {
    return sqlOf(this.dataSource, tx)
      .getRepository(Enterprise)
      .find({ order: { name: 'ASC', uscc: 'ASC' } });
  }

  /** Inserts new gates (one statement). */
  async createGates(rows: Partial<Gate>[], tx?: Tx): Promise<void> {
    const manager = sqlOf(this.dataSource, tx);
    await manager.save(rows.map((row) => manager.create(Gate, row)));
  }

  /** A gate locked against changes (and a second code issue) until the transaction ends. */
  lockGateForUpdate(id: string, tx: Tx): Promise<Gate | null> {
    return sqlOf(this.dataSource, tx)
      .getRepository(Gate)
      .createQueryBuilder('g')
      .setLock('for_no_key_update')
      .where('g.id = :gateId', { gateId: id })
      .getOne();
  }

  /** A gate with its firm (null: no such gate, or no firm). */
  async gateWithFirm(id: string, tx?: Tx): Promise<(Gate & { enterprise: Enterprise }) | null> {
    const gate = await sqlOf(this.dataSource, tx)
      .getRepository(Gate)
      .findOne({ where: { id }, relations: { enterprise: true } });
    return gate?.enterprise ? (gate as Gate & { enterprise: Enterprise }) : null;
  }

  /** A gate's name and its firm's (null: no such gate). */
  async gateNames(id: string, tx?: Tx): Promise<GateNames | null> {
    const [gate]: GateNames[] = await sqlOf(this.dataSource, tx).query(
      `SELECT g.name AS "gateName", e.name AS "enterpriseName"
         FROM gate g JOIN enterprise e ON e.id = g.enterprise_id WHERE g.id = $1`,
      [id],
    );
    return gate ?? null;
  }

  async setGateColumns(id: string, columns: Partial<Gate>, tx?: Tx): Promise<void> {
    await sqlOf(this.dataSource, tx).update(Gate, { id }, columns);
  }

  /** Every gate, by name. */
  allGates(tx?: Tx): Promise<Gate[]> {
    return sqlOf(this.dataSource, tx)
      .getRepository(Gate)
      .find({ order: { name: 'ASC' } });
  }

  /** A firm's open 正面清单 membership (null: not on the list now). */
  openEntry(enterpriseId: string, tx?: Tx): Promise<PositiveListEntry | null> {
    return sqlOf(this.dataSource, tx)
      .getRepository(PositiveListEntry)
      .findOneBy({ enterpriseId, effectiveTo: IsNull() });
  }

  hasOpenEntry(enterpriseId: string, tx?: Tx): Promise<boolean> {
    return sqlOf(this.dataSource, tx)
      .getRepository(PositiveListEntry)
      .existsBy({ enterpriseId, effectiveTo: IsNull() });
  }

  /** Inserts a new membership and answers it as saved (with its id). */
  createEntry(row: Partial<PositiveListEntry>, tx?: Tx): Promise<PositiveListEntry> {
    const entries = sqlOf(this.dataSource, tx).getRepository(PositiveListEntry);
    return entries.save(entries.create(row));
  }

  /** Saves the changed columns of a membership read before. */
  saveEntry(entry: PositiveListEntry, tx?: Tx): Promise<PositiveListEntry> {
    return sqlOf(this.dataSource, tx).getRepository(PositiveListEntry).save(entry);
  }

  /** Ends a membership on a day, with the reason. */
  async endEntry(
    id: string,
    effectiveTo: string,
    removalReason: string | null,
    tx?: Tx,
  ): Promise<void> {
    await sqlOf(this.dataSource, tx).update(
      PositiveListEntry,
      { id },
      { effectiveTo, removalReason },
    );
  }

  /** Every membership, by start. */
  allEntries(tx?: Tx): Promise<PositiveListEntry[]> {
    return sqlOf(this.dataSource, tx)
      .getRepository(PositiveListEntry)
      .find({ order: { effectiveFrom: 'ASC' } });
  }

  /** Inserts firms in chunks, each with an id made here; answers the ids in the rows' order. */
  insertFirms(rows: Partial<Enterprise>[], tx?: Tx): Promise<string[]> {
    return this.insertChunked(Enterprise, rows, tx);
  }

  /** Inserts gates in chunks, each with an id made here; answers the ids in the rows' order. */
  insertGates(rows: Partial<Gate>[], tx?: Tx): Promise<string[]> {
    return this.insertChunked(Gate, rows, tx);
  }

  /** Inserts memberships in chunks, with ids made here; answers the ids in the rows' order. */
  insertEntries(rows: Partial<PositiveListEntry>[], tx?: Tx): Promise<string[]> {
    return this.insertChunked(PositiveListEntry, rows, tx);
  }

  private async insertChunked<T extends object>(
    target: EntityTarget<T>,
    rows: object[],
    tx?: Tx,
  ): Promise<string[]> {
    const manager = sqlOf(this.dataSource, tx);
    const withIds = rows.map((row) => ({ id: randomUUID(), ...row }));
    for (let start = 0; start < withIds.length; start += INSERT_CHUNK) {
      await manager
        .createQueryBuilder()
        .insert()
        .into(target)
        .values(
          withIds.slice(start, start + INSERT_CHUNK) as unknown as QueryDeepPartialEntity<T>[],
        )
        .execute();
    }
    return withIds.map((row) => row.id);
  }
}

/** `IN ()` is invalid SQL: an impossible id keeps an empty scope empty. */
function nonEmpty(ids: string[]): string[] {
  return ids.length > 0 ? ids : ['00000000-0000-0000-0000-000000000000'];
}
