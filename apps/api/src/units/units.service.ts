import { Injectable } from '@nestjs/common';
import type { ParsedBody, UnitLevel, UnitListItem, UnitView } from '@qinqing/domain';
import { AuditService } from '../audit/audit.service';
import { DomainException } from '../common/errors/domain.exception';
import { Transactions, type Tx } from '../database/transactions';
import { UsersRepository } from '../users/users.repository';
import type { Unit } from './unit.entity';
import { newUnitCode, unitCreatedData, unitUpdatedData } from './unit-records';
import { UnitsRepository } from './units.repository';

/**
 * The unit tree (执法支队 → 分局 / 大队 → …), edited by admins; every change is an audit entry.
 * Changes that read the tree's shape (a move) or what hangs on a unit (a retirement) hold a lock
 * that serialises them with each other and with accounts being put into units.
 */
@Injectable()
export class UnitsService {
  constructor(
    private readonly units: UnitsRepository,
    private readonly users: UsersRepository,
    private readonly transactions: Transactions,
    private readonly audit: AuditService,
  ) {}

  /** Every unit, parents before their children, siblings by code; with its active accounts. */
  async list(): Promise<UnitListItem[]> {
    const [units, counts] = await Promise.all([
      this.units.all(),
      this.users.activeAccountsPerUnit(),
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
    return this.transactions.run(async (tx) => {
      const parent = dto.parentId ? await this.activeUnit(dto.parentId, 'parentId', tx) : null;
      const code = dto.code ?? newUnitCode();
      if (await this.units.codeTaken(code, tx)) {
        throw new DomainException('CONFLICT', {
          errors: [{ field: 'code', message: '该单位编码已被使用' }],
        });
      }
      const level: UnitLevel =
        dto.level ??
        (!parent ? 'DETACHMENT' : parent.level === 'DETACHMENT' ? 'BRANCH' : 'BRIGADE');
      const unit = await this.units.create(
        { name: dto.name, parentId: parent?.id ?? null, code, level },
        tx,
      );
      await this.audit.append(tx, {
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
    return this.transactions.run(async (tx) => {
      // Moves and retirements one at a time: two moves at once could otherwise close a cycle.
      await this.units.lockTree(tx);
      // Locked before counting what hangs on it: an account being put into it waits, or is seen.
      const unit = await this.units.lockForUpdate(id, tx);
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
          if (await this.units.isInSubtree(id, dto.parentId, tx)) {
            throw new DomainException('UNIT_CYCLE', { field: 'parentId' });
          }
          await this.activeUnit(dto.parentId, 'parentId', tx);
        }
        change('parentId', dto.parentId);
      }
      if (dto.active === false && unit.active) {
        const inUse = await this.units.useOf(id, tx);
        if (inUse.activeAccounts > 0 || inUse.activeChildUnits > 0) {
          throw new DomainException('UNIT_IN_USE', { ...inUse });
        }
      }
      if (dto.active === true && !unit.active && unit.parentId) {
        await this.activeUnit(unit.parentId, 'active', tx, '上级单位已撤销，请先恢复上级单位');
      }
      if (dto.active !== undefined) change('active', dto.active);
      if (Object.keys(after).length > 0) {
        await this.units.save(unit, tx);
        await this.audit.append(tx, {
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

  /**
   * A unit that exists and is not retired, locked against being retired meanwhile; 422 naming
   * `field` otherwise.
   */
  async activeUnit(
    id: string,
    field: string,
    tx: Tx,
    message = '找不到该单位，或该单位已撤销',
  ): Promise<Unit> {
    const unit = await this.units.lockForShare(id, tx);
    if (!unit || !unit.active) {
      throw new DomainException('VALIDATION_FAILED', { errors: [{ field, message }] });
    }
    return unit;
  }
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
