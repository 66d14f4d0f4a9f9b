import type { CreditGrade, Role, SupervisionClass, UnitLevel } from '@qinqing/domain';
import type { Tx } from '../database/transactions';
import type { EnterprisesRepository } from '../enterprises/enterprises.repository';
import type { UnitsRepository } from '../units/units.repository';
import type { UsersRepository } from '../users/users.repository';

/** The repositories of the tables master data reads and writes. */
export interface MasterDataTables {
  firms: EnterprisesRepository;
  units: UnitsRepository;
  users: UsersRepository;
}

/** The master-data fields of a firm that the 企业 sheet carries. */
export interface FirmFields {
  name: string;
  address: string;
  district: string;
  industry: string;
  creditGrade: CreditGrade;
  supervisionClass: SupervisionClass;
  unitId: string;
  liaisonOfficerId: string | null;
}

export interface FirmState extends FirmFields {
  id: string;
  uscc: string;
}

export interface GateState {
  id: string;
  name: string;
  lat: number;
  lng: number;
  radiusM: number | null;
}

export interface EntryState {
  id: string;
  batch: string;
  effectiveFrom: string;
  effectiveTo: string | null;
  removalReason: string | null;
}

export interface UnitState {
  id: string;
  code: string;
  name: string;
  level: UnitLevel;
  parentId: string | null;
  active: boolean;
}

/** An account as the 执法人员 and 企业联系人 sheets compare against (any role: usernames are shared). */
export interface AccountState {
  id: string;
  username: string;
  role: Role;
  name: string;
  phone: string | null;
  unitId: string | null;
  badgeNumber: string | null;
  /** enterprise accounts: the firms they are bound to, sorted */
  firmIds: string[];
}

/** The database's master data, as the import compares against and the export writes. */
export interface Snapshot {
  firms: FirmState[];
  firmsByUscc: Map<string, FirmState>;
  gatesByFirm: Map<string, GateState[]>;
  entriesByFirm: Map<string, EntryState[]>;
  units: UnitState[];
  officers: { id: string; badgeNumber: string }[];
  accounts: AccountState[];
  /**
   * Districts known to the import: those of the firms already registered. A district new to the
   * bureau enters with the first firm registered there in the firm form (POST /enterprises), so a
   * typo in a sheet (金水 for 金水区) never creates a district of its own.
   */
  districts: string[];
}

export async function loadSnapshot(tables: MasterDataTables, tx: Tx): Promise<Snapshot> {
  // one after the other: inside a transaction the queries share one connection
  const firms = await tables.firms.allFirms(tx);
  const gates = await tables.firms.allGates(tx);
  const entries = await tables.firms.allEntries(tx);
  const units = await tables.units.all(tx);
  const users = await tables.users.all(tx);
  const members = await tables.users.memberships(undefined, tx);
  const officers = users.filter((u) => u.role === 'officer');
  const firmIdsOf = groupBy(
    members,
    (m) => m.userId,
    (m) => m.enterpriseId,
  );
  const firmStates: FirmState[] = firms.map((f) => ({
    id: f.id,
    uscc: f.uscc,
    name: f.name,
    address: f.address,
    district: f.district,
    industry: f.industry,
    creditGrade: f.creditGrade,
    supervisionClass: f.supervisionClass,
    unitId: f.unitId,
    liaisonOfficerId: f.liaisonOfficerId,
  }));
  return {
    firms: firmStates,
    firmsByUscc: new Map(firmStates.map((f) => [f.uscc, f])),
    gatesByFirm: groupBy(
      gates,
      (g) => g.enterpriseId,
      (g) => ({
        id: g.id,
        name: g.name,
        lat: g.lat,
        lng: g.lng,
        radiusM: g.radiusM,
      }),
    ),
    entriesByFirm: groupBy(
      entries,
      (e) => e.enterpriseId,
      (e) => ({
        id: e.id,
        batch: e.batch,
        effectiveFrom: e.effectiveFrom,
        effectiveTo: e.effectiveTo,
        removalReason: e.removalReason,
      }),
    ),
    units: units.map((u) => ({
      id: u.id,
      code: u.code,
      name: u.name,
      level: u.level,
      parentId: u.parentId,
      active: u.active,
    })),
    accounts: users.map((u) => ({
      id: u.id,
      username: u.username,
      role: u.role,
      name: u.name,
      phone: u.phone,
      unitId: u.unitId,
      badgeNumber: u.badgeNumber,
      firmIds: (firmIdsOf.get(u.id) ?? []).sort(),
    })),
    officers: officers
      .filter((o) => o.badgeNumber)
      .map((o) => ({ id: o.id, badgeNumber: o.badgeNumber! })),
    districts: [...new Set(firms.map((f) => f.district).filter((d) => d !== ''))].sort(),
  };
}

function groupBy<T, V>(
  items: T[],
  key: (item: T) => string,
  map: (item: T) => V,
): Map<string, V[]> {
  const groups = new Map<string, V[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k) ?? [];
    group.push(map(item));
    groups.set(k, group);
  }
  return groups;
}

/** How the sheets name a unit: by name, or by code when another unit has the same name. */
export function unitLabel(snapshot: Snapshot, unitId: string): string {
  const unit = snapshot.units.find((u) => u.id === unitId);
  if (!unit) return '';
  const sameName = snapshot.units.filter((u) => u.name === unit.name).length;
  return sameName > 1 ? unit.code : unit.name;
}
