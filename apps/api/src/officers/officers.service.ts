import { Injectable } from '@nestjs/common';
import {
  type BadgeCodeResponse,
  type BadgeVerification,
  checkBadgeCode,
  type OfficerView,
  signBadgeCode,
} from '@qinqing/domain';
import { DataSource } from 'typeorm';
import { DomainException } from '../common/errors/domain.exception';
import { GateCodeKeys } from '../gates/gate-code-keys';
import type { AccessScope } from '../scope/access-scope';

@Injectable()
export class OfficersService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly keys: GateCodeKeys,
  ) {}

  /** Officers in scope: an officer's own unit, a supervisor's jurisdiction, all for admins. */
  async list(scope: AccessScope): Promise<OfficerView[]> {
    if (scope.kind === 'enterprises') return [];
    const units = scope.kind === 'units' ? scope.unitIds : null;
    return this.dataSource.query(
      `SELECT u.id, u.name, u.badge_number AS "badgeNumber", u.unit_id AS "unitId", un.name AS "unitName", u.active
         FROM app_user u LEFT JOIN unit un ON un.id = u.unit_id
        WHERE u.role = 'officer' AND ($1::uuid[] IS NULL OR u.unit_id = ANY($1))
        ORDER BY un.name, u.name`,
      [units],
    );
  }

  async badgeCode(officerId: string, now = new Date()): Promise<BadgeCodeResponse> {
    const [officer] = await this.dataSource.query(
      `SELECT u.id, u.name, u.badge_number AS "badgeNumber", un.name AS "unitName", u.active
         FROM app_user u LEFT JOIN unit un ON un.id = u.unit_id WHERE u.id = $1 AND u.role = 'officer'`,
      [officerId],
    );
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
    const [row] = await this.dataSource.query(
      `SELECT active FROM app_user WHERE id = $1 AND role = 'officer'`,
      [officerId],
    );
    const onDuty = row?.active === true;
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
