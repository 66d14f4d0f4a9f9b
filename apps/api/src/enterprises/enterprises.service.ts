import { Injectable } from '@nestjs/common';
import type { CheckInPolicy, EnterpriseView } from '@qinqing/domain';
import type { AccessScope } from '../scope/access-scope';
import type { Enterprise } from './enterprise.entity';
import { EnterprisesRepository } from './enterprises.repository';
import type { Gate } from './gate.entity';
import { localDay } from './positive-list';

export type { EnterpriseView };

@Injectable()
export class EnterprisesService {
  constructor(private readonly firms: EnterprisesRepository) {}

  /** The firms the caller may see, with gates and list membership in force today. */
  async list(
    scope: AccessScope,
    policy: CheckInPolicy,
    at = new Date(),
  ): Promise<EnterpriseView[]> {
    const firms = await this.firms.listed(scope, localDay(at, policy.utcOffsetMinutes));
    return firms.map(({ firm, onPositiveList }) =>
      toView(firm, onPositiveList, policy.geofenceDefaultRadiusM),
    );
  }
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
