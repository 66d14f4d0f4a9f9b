import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { sqlOf, type Tx } from '../database/transactions';

/**
 * A read-only view of gate_code for the offline snapshot: the version of each gate's active code.
 * gate_code belongs to the firms-and-gates repository; this read moves there once it has one.
 */
@Injectable()
export class GateCodeVersionsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The active (not revoked) code version of each gate of these firms, by gate id. */
  async activeOfFirms(firmIds: string[], tx?: Tx): Promise<Record<string, number>> {
    const rows: { gateId: string; version: number }[] = await sqlOf(this.dataSource, tx).query(
      `SELECT gate_id AS "gateId", version FROM gate_code WHERE enterprise_id = ANY($1) AND revoked_at IS NULL`,
      [firmIds],
    );
    return Object.fromEntries(rows.map((r) => [r.gateId, r.version]));
  }
}
