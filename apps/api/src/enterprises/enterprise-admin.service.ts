import { Injectable } from '@nestjs/common';
import {
  checkUscc,
  type EnterpriseRecord,
  type ParsedBody,
  type PositiveListEntryView,
} from '@qinqing/domain';
import { DataSource, type EntityManager, IsNull } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { DomainException } from '../common/errors/domain.exception';
import { Unit } from '../units/unit.entity';
import { User } from '../users/user.entity';
import { Enterprise } from './enterprise.entity';
import { Gate } from './gate.entity';
import { PositiveListEntry } from './positive-list-entry.entity';
import { asTx } from '../database/transactions';

/** Master data of firms, edited by admins; every change is an audit entry with before and after. */
@Injectable()
export class EnterpriseAdminService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async create(dto: ParsedBody<'createEnterprise'>, actorId: string): Promise<EnterpriseRecord> {
    const uscc = checkUscc(dto.uscc);
    if (!uscc.valid) {
      throw new DomainException('VALIDATION_FAILED', {
        errors: [{ field: 'uscc', message: uscc.message }],
      });
    }
    return this.dataSource.transaction(async (manager) => {
      if (!(await manager.getRepository(Unit).existsBy({ id: dto.unitId }))) {
        throw fieldError('unitId', '找不到该执法单位');
      }
      if (dto.liaisonOfficerId) await requireOfficer(manager, dto.liaisonOfficerId);
      if (await manager.getRepository(Enterprise).existsBy({ uscc: uscc.uscc })) {
        throw new DomainException('CONFLICT', {
          errors: [{ field: 'uscc', message: '该统一社会信用代码的企业已存在' }],
        });
      }
      const { gates, ...fields } = dto;
      const firm = await manager.save(manager.create(Enterprise, { ...fields, uscc: uscc.uscc }));
      await manager.save(
        gates.map((g) =>
          manager.create(Gate, { ...g, radiusM: g.radiusM ?? null, enterpriseId: firm.id }),
        ),
      );
      await this.audit.append(asTx(manager), {
        actorId,
        action: 'ENTERPRISE_CREATED',
        subjectType: 'enterprise',
        subjectId: firm.id,
        data: { ...dto, uscc: uscc.uscc },
      });
      return toRecord(await manager.findOneByOrFail(Enterprise, { id: firm.id }));
    });
  }

  async update(
    id: string,
    dto: ParsedBody<'updateEnterprise'>,
    actorId: string,
  ): Promise<EnterpriseRecord> {
    return this.dataSource.transaction(async (manager) => {
      const firm = await lockFirm(manager, id);
      if (dto.liaisonOfficerId) await requireOfficer(manager, dto.liaisonOfficerId);
      const changes = Object.fromEntries(Object.entries(dto).filter(([, v]) => v !== undefined));
      const before = pick(firm, Object.keys(changes) as (keyof Enterprise)[]);
      Object.assign(firm, changes);
      await manager.save(firm);
      await this.audit.append(asTx(manager), {
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
    return this.dataSource.transaction(async (manager) => {
      await lockFirm(manager, id);
      const entries = manager.getRepository(PositiveListEntry);
      if (await entries.existsBy({ enterpriseId: id, effectiveTo: IsNull() })) {
        throw new DomainException('CONFLICT', {
          errors: [{ field: 'enterpriseId', message: '该企业已在正面清单内' }],
        });
      }
      const entry = await entries.save(
        entries.create({ enterpriseId: id, ...dto, effectiveTo: null, removalReason: null }),
      );
      await this.audit.append(asTx(manager), {
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
    return this.dataSource.transaction(async (manager) => {
      await lockFirm(manager, id);
      const entries = manager.getRepository(PositiveListEntry);
      const open = await entries.findOneBy({ enterpriseId: id, effectiveTo: IsNull() });
      if (!open)
        throw new DomainException('CONFLICT', {
          errors: [{ field: 'enterpriseId', message: '该企业不在正面清单内' }],
        });
      if (dto.effectiveTo < open.effectiveFrom)
        throw fieldError('effectiveTo', '移出日期不能早于列入日期');
      open.effectiveTo = dto.effectiveTo;
      open.removalReason = dto.removalReason;
      await entries.save(open);
      await this.audit.append(asTx(manager), {
        actorId,
        action: 'POSITIVE_LIST_REMOVED',
        subjectType: 'enterprise',
        subjectId: id,
        data: { batch: open.batch, ...dto },
      });
      return toEntryView(open);
    });
  }
}

async function lockFirm(manager: EntityManager, id: string): Promise<Enterprise> {
  const firm = await manager
    .getRepository(Enterprise)
    .createQueryBuilder('e')
    .setLock('for_no_key_update')
    .where('e.id = :id', { id })
    .getOne();
  if (!firm) throw new DomainException('NOT_FOUND');
  return firm;
}

async function requireOfficer(manager: EntityManager, id: string): Promise<void> {
  if (!(await manager.getRepository(User).existsBy({ id, role: 'officer' }))) {
    throw fieldError('liaisonOfficerId', '找不到该执法人员');
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
