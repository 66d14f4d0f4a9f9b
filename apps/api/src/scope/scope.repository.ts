import { Injectable } from '@nestjs/common';
import type { Role } from '@qinqing/domain';
import { DataSource } from 'typeorm';
import { sqlOf, type Tx } from '../database/transactions';

/** What a scope is decided from: the account's role, state and units. */
export interface ScopeUserRow {
  id: string;
  role: Role;
  active: boolean;
  unitId: string | null;
  jurisdictionUnitId: string | null;
}

/**
 * A read-only repository for scope decisions over app_user, enterprise_member and unit (whose
 * writes belong to the users, firms and units repositories): the caller's account, the firms bound
 * to it, and a unit's subtree. It never writes.
 */
@Injectable()
export class ScopeRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The account deciding a scope; null when it does not exist. */
  async user(id: string, tx?: Tx): Promise<ScopeUserRow | null> {
    const [row]: ScopeUserRow[] = await sqlOf(this.dataSource, tx).query(
      `SELECT id, role, active, unit_id AS "unitId", jurisdiction_unit_id AS "jurisdictionUnitId"
         FROM app_user WHERE id = $1`,
      [id],
    );
    return row ?? null;
  }

  /** The firms an enterprise account is bound to. */
  async firmsOf(userId: string, tx?: Tx): Promise<string[]> {
    const rows: { enterpriseId: string }[] = await sqlOf(this.dataSource, tx).query(
      'SELECT enterprise_id AS "enterpriseId" FROM enterprise_member WHERE user_id = $1',
      [userId],
    );
    return rows.map((r) => r.enterpriseId);
  }

  /** A unit and every unit below it (empty when the unit does not exist). */
  async subtree(unitId: string, tx?: Tx): Promise<string[]> {
    const rows: { id: string }[] = await sqlOf(this.dataSource, tx).query(
      `WITH RECURSIVE tree AS (
         SELECT id FROM unit WHERE id = $1
         UNION SELECT u.id FROM unit u JOIN tree t ON u.parent_id = t.id)
       SELECT id FROM tree`,
      [unitId],
    );
    return rows.map((r) => r.id);
  }
}
