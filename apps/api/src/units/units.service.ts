import { Injectable } from '@nestjs/common';
import type { ParsedBody, UnitLevel, UnitListItem, UnitView } from '@qinqing/domain';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { DomainException } from '../common/errors/domain.exception';
import { Unit } from './unit.entity';
import { newUnitCode, unitCreatedData, unitUpdatedData } from './unit-records';
import { asTx } from '../database/transactions';

/**
 * The unit tree (执法支队 → 分局 / 大队 → …), edited by admins; every change is an audit entry.
 * Changes that read the tree's shape (a move) or what hangs on a unit (a retirement) hold a lock
 * that serialises them with each other and with accounts being put into units.
 */
@Injectable()
export class UnitsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  /** Every unit, parents before their children, siblings by code; with its active accounts. */
  async list(): Promise<UnitListItem[]> {
    const [units, counts] = await Promise.all([
      this.dataSource.getRepository(Unit).find({ order: { code: 'ASC' } }),
      this.dataSource.query(
        `SELECT coalesce(unit_id, jurisdiction_unit_id) AS "unitId", count(*)::int AS n
           FROM app_user WHERE active AND coalesce(unit_id, jurisdiction_unit_id) IS NOT NULL
          GROUP BY 1`,
      ) as Promise<{ unitId: string; n: number }[]>,
    ]);
    const accounts = new Map(counts.map((c) => [c.unitId, c.n]));
    const children = new Map<string | null, Unit[]>();
    for (const unit of units) {
      const key = unit.parentId && units.some((u) => u.id === unit.parentId) ? unit.parentId : null;
      children.set(key, [...(children.get(key) ?? []), unit]);
    }
    const ordered: UnitListItem[] = [];
    const walk = (parentId: string | null) => {
      for (const unit of children.get(parentId) ?? []) {
        ordered.push({ ...toView(unit), activeAccounts: accounts.get(unit.id) ?? 0 });
        walk(unit.id);
      }
    };
    walk(null);
    return ordered;
  }

  async create(dto: ParsedBody<'createUnit'>, actorId: string): Promise<UnitView> {
    return this.dataSource.transaction(async (manager) => {
      const parent = dto.parentId ? await activeUnit(manager, dto.parentId, 'parentId') : null;
      const code = dto.code ?? newUnitCode();
      if (await manager.getRepository(Unit).existsBy({ code })) {
        throw new DomainException('CONFLICT', {
          errors: [{ field: 'code', message: '该单位编码已被使用' }],
        });
      }
      const level: UnitLevel =
        dto.level ??
        (!parent ? 'DETACHMENT' : parent.level === 'DETACHMENT' ? 'BRANCH' : 'BRIGADE');
      const unit = await manager.save(
        manager.create(Unit, { name: dto.name, parentId: parent?.id ?? null, code, level }),
      );
      await this.audit.append(asTx(manager), {
        actorId,
        action: 'UNIT_CREATED',
        subjectType: 'unit',
        subjectId: unit.id,
        data: unitCreatedData(unit),
      });
      return toView(unit);
    });
  }

  async update(id: string, dto: ParsedBody<'updateUnit'>, actorId: string): Promise<UnitView> {
    return this.dataSource.transaction(async (manager) => {
      // Moves and retirements one at a time: two moves at once could otherwise close a cycle.
      await manager.query('LOCK TABLE unit IN SHARE ROW EXCLUSIVE MODE');
      // Locked before counting what hangs on it: an account being put into it waits, or is seen.
      const unit = await manager
        .getRepository(Unit)
        .createQueryBuilder('u')
        .setLock('for_no_key_update')
        .where('u.id = :id', { id })
        .getOne();
      if (!unit) throw new DomainException('NOT_FOUND');
      const before: Record<string, unknown> = {};
      const after: Record<string, unknown> = {};
      const change = <K extends 'name' | 'parentId' | 'active'>(key: K, value: Unit[K]) => {
        if (unit[key] === value) return;
        before[key] = unit[key];
        after[key] = value;
        unit[key] = value;
      };
      if (dto.name !== undefined) change('name', dto.name);
      if (dto.parentId !== undefined && dto.parentId !== unit.parentId) {
        if (dto.parentId !== null) {
          if (await isInSubtree(manager, id, dto.parentId)) {
            throw new DomainException('UNIT_CYCLE', { field: 'parentId' });
          }
          await activeUnit(manager, dto.parentId, 'parentId');
        }
        change('parentId', dto.parentId);
      }
      if (dto.active === false && unit.active) {
        const [inUse] = (await manager.query(
          `SELECT (SELECT count(*)::int FROM app_user
                    WHERE active AND (unit_id = $1 OR jurisdiction_unit_id = $1)) AS "activeAccounts",
                  (SELECT count(*)::int FROM unit WHERE parent_id = $1 AND active) AS "activeChildUnits"`,
          [id],
        )) as { activeAccounts: number; activeChildUnits: number }[];
        if (inUse.activeAccounts > 0 || inUse.activeChildUnits > 0) {
          throw new DomainException('UNIT_IN_USE', { ...inUse });
        }
      }
      if (dto.active === true && !unit.active && unit.parentId) {
        await activeUnit(manager, unit.parentId, 'active', '上级单位已撤销，请先恢复上级单位');
      }
      if (dto.active !== undefined) change('active', dto.active);
      if (Object.keys(after).length > 0) {
        await manager.save(unit);
        await this.audit.append(asTx(manager), {
          actorId,
          action: 'UNIT_UPDATED',
          subjectType: 'unit',
          subjectId: id,
          data: unitUpdatedData(before, after),
        });
      }
      return toView(unit);
    });
  }
}

/** A unit that exists and is not retired, locked against being retired meanwhile. */
export async function activeUnit(
  manager: EntityManager,
  id: string,
  field: string,
  message = '找不到该单位，或该单位已撤销',
): Promise<Unit> {
  const unit = await manager
    .getRepository(Unit)
    .createQueryBuilder('u')
    .setLock('pessimistic_read')
    .where('u.id = :id', { id })
    .getOne();
  if (!unit || !unit.active) {
    throw new DomainException('VALIDATION_FAILED', { errors: [{ field, message }] });
  }
  return unit;
}

/** Whether `candidate` is `root` or lies under it. */
async function isInSubtree(manager: EntityManager, root: string, candidate: string) {
  const [row] = (await manager.query(
    `WITH RECURSIVE sub AS (
       SELECT id FROM unit WHERE id = $1
       UNION SELECT u.id FROM unit u JOIN sub ON u.parent_id = sub.id)
     SELECT EXISTS (SELECT 1 FROM sub WHERE id = $2) AS inside`,
    [root, candidate],
  )) as { inside: boolean }[];
  return row.inside;
}

function toView(unit: Unit): UnitView {
  return {
    id: unit.id,
    code: unit.code,
    name: unit.name,
    level: unit.level,
    parentId: unit.parentId,
    active: unit.active,
  };
}
