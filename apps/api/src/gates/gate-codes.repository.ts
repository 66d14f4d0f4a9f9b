import { Injectable } from '@nestjs/common';
import { DataSource, IsNull } from 'typeorm';
import { sqlOf, type Tx } from '../database/transactions';
import { GateCode } from './gate-code.entity';

/** A gate with its firm and the code in force, as the admin list shows it. */
export interface GateWithActiveCode {
  gateId: string;
  gateName: string;
  enterpriseId: string;
  enterpriseName: string;
  uscc: string;
  district: string;
  activeVersion: number | null;
  activeIssuedAt: Date | null;
  activeIssuedByName: string | null;
}

/** One version of a gate's code, with who issued it. */
export interface CodeVersionRow {
  version: number;
  issuedAt: Date;
  issuedById: string | null;
  issuedByName: string | null;
  revokedAt: Date | null;
}

/** The signed codes of the gates (gate_code), one version active per gate. */
@Injectable()
export class GateCodesRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** A gate's newest code version (null: none issued yet). */
  latestOf(gateId: string, tx?: Tx): Promise<GateCode | null> {
    return sqlOf(this.dataSource, tx)
      .getRepository(GateCode)
      .findOne({ where: { gateId }, order: { version: 'DESC' } });
  }

  /** Revokes a gate's active code, if any, at `at`; answers whether there was one. */
  async revokeActive(gateId: string, at: Date, tx?: Tx): Promise<boolean> {
    const revoked = await sqlOf(this.dataSource, tx)
      .getRepository(GateCode)
      .update({ gateId, revokedAt: IsNull() }, { revokedAt: at });
    return (revoked.affected ?? 0) > 0;
  }

  async insert(
    code: Pick<GateCode, 'gateId' | 'enterpriseId' | 'version' | 'keyId' | 'code' | 'issuedBy'>,
    tx?: Tx,
  ): Promise<void> {
    await sqlOf(this.dataSource, tx).getRepository(GateCode).insert(code);
  }

  /** A gate's active code (null: none). */
  activeCodeOf(gateId: string, tx?: Tx): Promise<GateCode | null> {
    return sqlOf(this.dataSource, tx)
      .getRepository(GateCode)
      .findOneBy({ gateId, revokedAt: IsNull() });
  }

  /**
   * Every gate (gate, its firm from enterprise, the issuer's name from app_user, joined for
   * display) with its active code, by firm and gate name.
   */
  gatesWithActiveCodes(tx?: Tx): Promise<GateWithActiveCode[]> {
    return sqlOf(this.dataSource, tx).query(
      `SELECT g.id AS "gateId", g.name AS "gateName", e.id AS "enterpriseId",
              e.name AS "enterpriseName", e.uscc, e.district,
              c.version AS "activeVersion", c.issued_at AS "activeIssuedAt",
              u.name AS "activeIssuedByName"
         FROM gate g
         JOIN enterprise e ON e.id = g.enterprise_id
         LEFT JOIN gate_code c ON c.gate_id = g.id AND c.revoked_at IS NULL
         LEFT JOIN app_user u ON u.id = c.issued_by
        ORDER BY e.name, g.name, g.id`,
    );
  }

  /** Every version of a gate's code, newest first, with the issuer's name (app_user). */
  versionsOf(gateId: string, tx?: Tx): Promise<CodeVersionRow[]> {
    return sqlOf(this.dataSource, tx).query(
      `SELECT c.version, c.issued_at AS "issuedAt", c.issued_by AS "issuedById",
              u.name AS "issuedByName", c.revoked_at AS "revokedAt"
         FROM gate_code c LEFT JOIN app_user u ON u.id = c.issued_by
        WHERE c.gate_id = $1
        ORDER BY c.version DESC`,
      [gateId],
    );
  }
}
