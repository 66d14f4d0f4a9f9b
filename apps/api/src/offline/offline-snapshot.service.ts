import { Injectable } from '@nestjs/common';
import {
  OFFLINE_SNAPSHOT_KIND,
  type OfflineSnapshot,
  type OfflineSnapshotResponse,
  signEnvelope,
} from '@qinqing/domain';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { DomainException } from '../common/errors/domain.exception';
import { EnterprisesService } from '../enterprises/enterprises.service';
import { GateCodeKeys } from '../gates/gate-code-keys';
import { OfficersService } from '../officers/officers.service';
import { DrawsService } from '../draws/draws.service';
import { PolicyService } from '../policy/policy.service';
import { ScopeService } from '../scope/scope.service';
import { VisitsRepository } from '../visits/visits.repository';
import { GateCodeVersionsRepository } from './gate-code-versions.repository';

/**
 * What an officer's phone needs to judge a check-in without signal, signed with the server's key
 * so that the phone (and anyone auditing it) can tell it came from the server unaltered.
 */
@Injectable()
export class OfflineSnapshotService {
  constructor(
    private readonly visits: VisitsRepository,
    private readonly codeVersions: GateCodeVersionsRepository,
    private readonly scopes: ScopeService,
    private readonly enterprises: EnterprisesService,
    private readonly policies: PolicyService,
    private readonly officers: OfficersService,
    private readonly keys: GateCodeKeys,
    private readonly draws: DrawsService,
  ) {}

  async forOfficer(caller: AuthenticatedUser, now = new Date()): Promise<OfflineSnapshotResponse> {
    const officer = await this.officers.withUnitLevel(caller.id);
    if (!officer) throw new DomainException('FORBIDDEN');
    const scope = await this.scopes.forUser(caller);
    const policy = await this.policies.current();
    const enterprises = await this.enterprises.list(scope, policy, now);
    const firmIds = enterprises.map((e) => e.id);
    const snapshot: OfflineSnapshot = {
      issuedAt: now.toISOString(),
      officer,
      colleagues: await this.officers.list(scope),
      enterprises,
      priorVisits: await this.priorVisits(firmIds, now, policy),
      activeCodeVersions: await this.codeVersions.activeOfFirms(firmIds),
      policy,
      gateCodeKeys: this.keys.published(),
      tasks: await this.draws.officerTasks(caller),
    };
    return {
      snapshot: signEnvelope(OFFLINE_SNAPSHOT_KIND, snapshot, this.keys.signing),
      issuedAt: snapshot.issuedAt,
    };
  }

  /** The firms' prior visits in the cap window of a check-in now, per firm. */
  private async priorVisits(
    firmIds: string[],
    now: Date,
    policy: { repeatVisitWindowDays: number; utcOffsetMinutes: number },
  ): Promise<OfflineSnapshot['priorVisits']> {
    const rows = await this.visits.priorVisitsInCapWindow(firmIds, now, policy);
    const byFirm: OfflineSnapshot['priorVisits'] = {};
    for (const row of rows) {
      (byFirm[row.enterpriseId] ??= []).push({
        checkedInAt: new Date(row.checkedInAt).toISOString(),
        purpose: row.purpose,
        reference: row.reference,
        unitLevel: row.unitLevel,
      });
    }
    return byFirm;
  }
}
