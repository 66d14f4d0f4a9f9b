import { Injectable } from '@nestjs/common';
import type { CheckInPolicy, EnterpriseView } from '@qinqing/domain';
import { DataSource } from 'typeorm';
import type { AccessScope } from '../scope/access-scope';
import { Enterprise } from './enterprise.entity';
import { Gate } from './gate.entity';
import { localDay, onPositiveListSql } from './positive-list';

export type { EnterpriseView };

@Injectable()
export class EnterprisesService {
  constructor(private readonly dataSource: DataSource) {}

  /** The firms the caller may see, with gates and list membership in force today. */
  async list(
    scope: AccessScope,
    policy: CheckInPolicy,
    at = new Date(),
  ): Promise<EnterpriseView[]> {
    const query = this.dataSource
      .getRepository(Enterprise)
      .createQueryBuilder('e')
      .leftJoinAndSelect('e.gates', 'g')
      .leftJoinAndSelect('e.positiveListEntries', 'p')
      .leftJoinAndSelect('e.liaisonOfficer', 'l')
      .addSelect(onPositiveListSql('e', 'day'), 'e_on_list')
      .setParameter('day', localDay(at, policy.utcOffsetMinutes))
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
    return entities.map((e) => toView(e, listed.get(e.id) ?? false, policy.geofenceDefaultRadiusM));
  }
}

/** `IN ()` is invalid SQL: an impossible id keeps an empty scope empty. */
function nonEmpty(ids: string[]): string[] {
  return ids.length > 0 ? ids : ['00000000-0000-0000-0000-000000000000'];
}

function toView(e: Enterprise, onPositiveList: boolean, defaultRadiusM: number): EnterpriseView {
  return {
    id: e.id,
    uscc: e.uscc,
    name: e.name,
    address: e.address,
    district: e.district,
    industry: e.industry,
    creditGrade: e.creditGrade,
    supervisionClass: e.supervisionClass,
    unitId: e.unitId,
    liaisonOfficer: e.liaisonOfficer
      ? { id: e.liaisonOfficer.id, name: e.liaisonOfficer.name, phone: e.liaisonOfficer.phone }
      : null,
    onPositiveList,
    positiveList: (e.positiveListEntries ?? []).map((p) => ({
      batch: p.batch,
      effectiveFrom: p.effectiveFrom,
      effectiveTo: p.effectiveTo,
      removalReason: p.removalReason,
    })),
    gates: (e.gates ?? []).map((g: Gate) => ({
      id: g.id,
      name: g.name,
      lat: g.lat,
      lng: g.lng,
      radiusM: g.radiusM ?? defaultRadiusM,
    })),
  };
}
