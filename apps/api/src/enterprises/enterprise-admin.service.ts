import { Injectable } from '@nestjs/common';
import {
  checkUscc,
  type EnterpriseRecord,
  type ParsedBody,
  type PositiveListEntryView,
} from '@qinqing/domain';
import { AuditService } from '../audit/audit.service';
import { DomainException } from '../common/errors/domain.exception';
import { Transactions, type Tx } from '../database/transactions';
import { UnitsRepository } from '../units/units.repository';
import { UsersRepository } from '../users/users.repository';
import type { Enterprise } from './enterprise.entity';
import { EnterprisesRepository } from './enterprises.repository';
import type { PositiveListEntry } from './positive-list-entry.entity';

/** Master data of firms, edited by admins; every change is an audit entry with before and after. */
@Injectable()
export class EnterpriseAdminService {
  constructor(
    private readonly firms: EnterprisesRepository,
    private readonly units: UnitsRepository,
    private readonly users: UsersRepository,
    private readonly transactions: Transactions,
    private readonly audit: AuditService,
  ) {}

  async create(dto: ParsedBody<'createEnterprise'>, actorId: string): Promise<EnterpriseRecord> {
    const uscc = checkUscc(dto.uscc);
    if (!uscc.valid) {
      throw new DomainException('VALIDATION_FAILED', {
        errors: [{ field: 'uscc', message: uscc.message }],
      });
    }
    return this.transactions.run(async (tx) => {
      if (!(await this.units.exists(dto.unitId, tx))) {
        throw fieldError('unitId', '找不到该执法单位');
      }
      if (dto.liaisonOfficerId) await this.requireOfficer(dto.liaisonOfficerId, tx);
      if (await this.firms.usccTaken(uscc.uscc, tx)) {
        throw new DomainException('CONFLICT', {
          errors: [{ field: 'uscc', message: '该统一社会信用代码的企业已存在' }],
        });
      }
      const { gates, ...fields } = dto;
      const firm = await this.firms.create({ ...fields, uscc: uscc.uscc }, tx);
      await this.firms.createGates(
        gates.map((g) => ({ ...g, radiusM: g.radiusM ?? null, enterpriseId: firm.id })),
        tx,
      );
      await this.audit.append(tx, {
        actorId,
        action: 'ENTERPRISE_CREATED',
        subjectType: 'enterprise',
        subjectId: firm.id,
        data: { ...dto, uscc: uscc.uscc },
      });
      return toRecord(await this.firms.byIdOrFail(firm.id, tx));
    });
  }

  async update(
    id: string,
    dto: ParsedBody<'updateEnterprise'>,
    actorId: string,
  ): Promise<EnterpriseRecord> {
    return this.transactions.run(async (tx) => {
      const firm = await this.lockFirm(id, tx);
      if (dto.liaisonOfficerId) await this.requireOfficer(dto.liaisonOfficerId, tx);
      const changes = Object.fromEntries(Object.entries(dto).filter(([, v]) => v !== undefined));
      const before = pick(firm, Object.keys(changes) as (keyof Enterprise)[]);
      Object.assign(firm, changes);
      await this.firms.save(firm, tx);
      await this.audit.append(tx, {
        actorId,
        action: 'ENTERPRISE_UPDATED',
        subjectType: 'enterprise',
        subjectId: id,
        data: { before, after: changes },
      });
      return toRecord(firm);
    });
  }

  /** Puts a firm on the 正面清单 from a day; refused while an open membership exists. */
  async addToPositiveList(
    id: string,
    dto: ParsedBody<'addToPositiveList'>,
    actorId: string,
  ): Promise<PositiveListEntryView> {
    return this.transactions.run(async (tx) => {
      await this.lockFirm(id, tx);
      if (await this.firms.hasOpenEntry(id, tx)) {
        throw new DomainException('CONFLICT', {
          errors: [{ field: 'enterpriseId', message: '该企业已在正面清单内' }],
        });
      }
      const entry = await this.firms.createEntry(
        { enterpriseId: id, ...dto, effectiveTo: null, removalReason: null },
        tx,
      );
      await this.audit.append(tx, {
        actorId,
        action: 'POSITIVE_LIST_ADDED',
        subjectType: 'enterprise',
        subjectId: id,
        data: { ...dto },
      });
      return toEntryView(entry);
    });
  }

  /** Ends the open membership on a day, with the reason: the history stays. */
  async removeFromPositiveList(
    id: string,
    dto: ParsedBody<'removeFromPositiveList'>,
    actorId: string,
  ): Promise<PositiveListEntryView> {
    return this.transactions.run(async (tx) => {
      await this.lockFirm(id, tx);
      const open = await this.firms.openEntry(id, tx);
      if (!open)
        throw new DomainException('CONFLICT', {
          errors: [{ field: 'enterpriseId', message: '该企业不在正面清单内' }],
        });
      if (dto.effectiveTo < open.effectiveFrom)
        throw fieldError('effectiveTo', '移出日期不能早于列入日期');
      open.effectiveTo = dto.effectiveTo;
      open.removalReason = dto.removalReason;
      await this.firms.saveEntry(open, tx);
      await this.audit.append(tx, {
        actorId,
        action: 'POSITIVE_LIST_REMOVED',
        subjectType: 'enterprise',
        subjectId: id,
        data: { batch: open.batch, ...dto },
      });
      return toEntryView(open);
    });
  }

  private async lockFirm(id: string, tx: Tx): Promise<Enterprise> {
    const firm = await this.firms.lockForUpdate(id, tx);
    if (!firm) throw new DomainException('NOT_FOUND');
    return firm;
  }

  private async requireOfficer(id: string, tx: Tx): Promise<void> {
    if (!(await this.users.isOfficer(id, tx))) {
      throw fieldError('liaisonOfficerId', '找不到该执法人员');
    }
  }
}

function fieldError(field: string, message: string): DomainException {
  return new DomainException('VALIDATION_FAILED', { errors: [{ field, message }] });
}

function pick<T extends object>(source: T, keys: (keyof T)[]): Partial<T> {
  return Object.fromEntries(keys.map((k) => [k, source[k]])) as Partial<T>;
}

function toRecord(firm: Enterprise): EnterpriseRecord {
  return {
    id: firm.id,
    uscc: firm.uscc,
    name: firm.name,
    address: firm.address,
    district: firm.district,
    industry: firm.industry,
    creditGrade: firm.creditGrade,
    supervisionClass: firm.supervisionClass,
    unitId: firm.unitId,
    liaisonOfficerId: firm.liaisonOfficerId,
    createdAt: firm.createdAt.toISOString(),
    updatedAt: firm.updatedAt.toISOString(),
  };
}

function toEntryView(entry: PositiveListEntry): PositiveListEntryView {
  return {
    id: entry.id,
    enterpriseId: entry.enterpriseId,
    batch: entry.batch,
    effectiveFrom: entry.effectiveFrom,
    effectiveTo: entry.effectiveTo,
    removalReason: entry.removalReason,
  };
}
