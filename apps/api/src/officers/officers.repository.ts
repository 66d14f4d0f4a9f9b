import { Injectable } from '@nestjs/common';
import type { OfficerView, OfflineSnapshot } from '@qinqing/domain';
import { DataSource } from 'typeorm';
import { sqlOf, type Tx } from '../database/transactions';

/** What a badge code carries of its officer, and whether the account is active. */
export interface BadgeHolderRow {
  id: string;
  name: string;
  badgeNumber: string | null;
  unitName: string | null;
  active: boolean;
}

/** An officer's name and 执法证号, as a draw's task lists them. */
export interface OfficerName {
  id: string;
  name: string;
  badgeNumber: string | null;
}

/** An officer with the level of the unit, as the offline snapshot gives it. */
export type OfficerWithUnitLevelRow = OfflineSnapshot['officer'];

/**
 * Officers (app_user rows of role officer) as their colleagues, badges and phones see them: a
 * read-only repository (the accounts' writes belong to the users repository). Reads JOIN unit for
 * the unit's name or level in the same statement.
 */
@Injectable()
export class OfficersRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The officers of these units (null: of every unit), by unit name and name. */
  ofUnits(units: string[] | null, tx?: Tx): Promise<OfficerView[]> {
    return sqlOf(this.dataSource, tx).query(
      `SELECT u.id, u.name, u.badge_number AS "badgeNumber", u.unit_id AS "unitId", un.name AS "unitName", u.active
         FROM app_user u LEFT JOIN unit un ON un.id = u.unit_id
        WHERE u.role = 'officer' AND ($1::uuid[] IS NULL OR u.unit_id = ANY($1))
        ORDER BY un.name, u.name`,
      [units],
    );
  }

  /** The officer a badge code is made for; null when the account is not an officer's. */
  async badgeHolder(officerId: string, tx?: Tx): Promise<BadgeHolderRow | null> {
    const [officer]: BadgeHolderRow[] = await sqlOf(this.dataSource, tx).query(
      `SELECT u.id, u.name, u.badge_number AS "badgeNumber", un.name AS "unitName", u.active
         FROM app_user u LEFT JOIN unit un ON un.id = u.unit_id WHERE u.id = $1 AND u.role = 'officer'`,
      [officerId],
    );
    return officer ?? null;
  }

  /** The active officers of these units, by id (a draw's officers). */
  activeOfUnits(units: string[], tx?: Tx): Promise<{ id: string; unitId: string }[]> {
    return sqlOf(this.dataSource, tx).query(
      `SELECT id, unit_id AS "unitId" FROM app_user
        WHERE role = 'officer' AND active AND unit_id = ANY($1) ORDER BY id`,
      [units],
    );
  }

  /** Names and badge numbers of these accounts (those that exist). */
  names(ids: string[], tx?: Tx): Promise<OfficerName[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return sqlOf(this.dataSource, tx).query(
      `SELECT id, name, badge_number AS "badgeNumber" FROM app_user WHERE id = ANY($1)`,
      [ids],
    );
  }

  /** The unit of an officer (null: no such officer; unitId null: an officer without a unit). */
  async unitOf(officerId: string, tx?: Tx): Promise<{ unitId: string | null } | null> {
    const [officer]: { unitId: string | null }[] = await sqlOf(this.dataSource, tx).query(
      `SELECT unit_id AS "unitId" FROM app_user WHERE id = $1 AND role = 'officer'`,
      [officerId],
    );
    return officer ?? null;
  }

  /** Whether the account is an officer's and active (on duty). */
  async isActiveOfficer(officerId: string, tx?: Tx): Promise<boolean> {
    const [row]: { active: boolean }[] = await sqlOf(this.dataSource, tx).query(
      `SELECT active FROM app_user WHERE id = $1 AND role = 'officer'`,
      [officerId],
    );
    return row?.active === true;
  }

  /** The officer with the level of the unit; null when not an officer's account with a unit. */
  async withUnitLevel(officerId: string, tx?: Tx): Promise<OfficerWithUnitLevelRow | null> {
    const [officer]: OfficerWithUnitLevelRow[] = await sqlOf(this.dataSource, tx).query(
      `SELECT u.id, u.name, u.badge_number AS "badgeNumber", u.unit_id AS "unitId", un.level AS "unitLevel", u.active
         FROM app_user u JOIN unit un ON un.id = u.unit_id WHERE u.id = $1 AND u.role = 'officer'`,
      [officerId],
    );
    return officer ?? null;
  }
}
