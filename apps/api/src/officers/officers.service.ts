import { Injectable } from '@nestjs/common';
import {
  type BadgeCodeResponse,
  type BadgeVerification,
  checkBadgeCode,
  type OfficerView,
  signBadgeCode,
} from '@qinqing/domain';
import { DomainException } from '../common/errors/domain.exception';
import { GateCodeKeys } from '../gates/gate-code-keys';
import type { AccessScope } from '../scope/access-scope';
import { OfficersRepository, type OfficerWithUnitLevelRow } from './officers.repository';

@Injectable()
export class OfficersService {
  constructor(
    private readonly officers: OfficersRepository,
    private readonly keys: GateCodeKeys,
  ) {}

  /** Officers in scope: an officer's own unit, a supervisor's jurisdiction, all for admins. */
  async list(scope: AccessScope): Promise<OfficerView[]> {
    if (scope.kind === 'enterprises') return [];
    const units = scope.kind === 'units' ? scope.unitIds : null;
    return this.officers.ofUnits(units);
  }

  /** The officer's account with the level of the unit (for the offline snapshot); null if none. */
  withUnitLevel(officerId: string): Promise<OfficerWithUnitLevelRow | null> {
    return this.officers.withUnitLevel(officerId);
  }

  async badgeCode(officerId: string, now = new Date()): Promise<BadgeCodeResponse> {
    const officer = await this.officers.badgeHolder(officerId);
    if (!officer || !officer.active || !officer.badgeNumber) throw new DomainException('FORBIDDEN');
    return signBadgeCode(
      {
        officerId: officer.id,
        name: officer.name,
        badgeNumber: officer.badgeNumber,
        unitName: officer.unitName ?? '',
      },
      this.keys.signing,
      now,
    );
  }

  /** Online check of a scanned badge code: signature, time, and that the account is active. */
  async verifyBadge(code: string, now = new Date()): Promise<BadgeVerification> {
    const checked = checkBadgeCode(code, this.keys.publicKeys, now);
    if (!checked.valid)
      return { valid: false, onDuty: false, officer: null, message: checked.message };
    const { officerId, name, badgeNumber, unitName } = checked.officer;
    const onDuty = await this.officers.isActiveOfficer(officerId);
    return {
      valid: true,
      onDuty,
      officer: { id: officerId, name, badgeNumber, unitName },
      message: onDuty
        ? `执法人员身份有效：${name}（${badgeNumber}）`
        : `${name}的执法账号已停用，请拨打67189801核实。`,
    };
  }
}
