import type { ImportSummary } from '@qinqing/domain';
import type { CreditGrade } from '@qinqing/domain';
import type { AccountsPlan } from './accounts-sheets';
import { type ImportProblem, LIST_COLUMNS, LIST_SHEET } from './sheets';
import type { UnitsPlan } from './units-sheet';
import type { EntryState, FirmFields, FirmState, GateState, Snapshot } from './snapshot';
import type { EntryRow, FirmRow, GateRow, ValidRows } from './validate';

export interface FirmCreate {
  uscc: string;
  fields: FirmFields;
}
export interface FirmUpdate {
  firm: FirmState;
  before: Partial<FirmFields>;
  after: Partial<FirmFields>;
}
export interface GateValues {
  name: string;
  lat: number;
  lng: number;
  radiusM: number | null;
}
export interface GateCreate extends GateValues {
  uscc: string;
}
export interface GateUpdate {
  uscc: string;
  gate: GateState;
  before: Partial<GateValues>;
  after: Partial<GateValues>;
}
export interface EntryCreate {
  uscc: string;
  batch: string;
  effectiveFrom: string;
  effectiveTo: string | null;
  removalReason: string | null;
}
export interface EntryEnd {
  uscc: string;
  entry: EntryState;
  effectiveTo: string;
  removalReason: string;
}

/** What an import would change, firm by firm; nothing is deleted, history is only appended to. */
export interface ImportPlan {
  units: UnitsPlan;
  accounts: AccountsPlan;
  firmCreates: FirmCreate[];
  firmUpdates: FirmUpdate[];
  firmsUnchanged: number;
  gateCreates: GateCreate[];
  gateUpdates: GateUpdate[];
  gatesUnchanged: number;
  entryCreates: EntryCreate[];
  entryEnds: EntryEnd[];
  entriesUnchanged: number;
  /** Existing firms whose 环境信用等级 changes. */
  gradesChanged: number;
}

export type { ImportSummary } from '@qinqing/domain';

const FIRM_DEFAULTS: Omit<FirmFields, 'name' | 'unitId'> = {
  address: '',
  district: '',
  industry: '',
  creditGrade: 'UNRATED' as CreditGrade,
  supervisionClass: 'GENERAL',
  liaisonOfficerId: null,
};

const FIRM_FIELDS: (keyof FirmFields)[] = [
  'name',
  'address',
  'district',
  'industry',
  'creditGrade',
  'supervisionClass',
  'unitId',
  'liaisonOfficerId',
];

/** Compares the valid rows with the database; history conflicts become problems. */
export function planImport(
  rows: ValidRows,
  snapshot: Snapshot,
): {
  plan: ImportPlan;
  problems: ImportProblem[];
} {
  const problems: ImportProblem[] = [];
  const plan: ImportPlan = {
    units: rows.units,
    accounts: rows.accounts,
    firmCreates: [],
    firmUpdates: [],
    firmsUnchanged: 0,
    gateCreates: [],
    gateUpdates: [],
    gatesUnchanged: 0,
    entryCreates: [],
    entryEnds: [],
    entriesUnchanged: 0,
    gradesChanged: 0,
  };
  for (const row of rows.firms) planFirm(row, snapshot, plan);
  for (const row of rows.gates) planGate(row, snapshot, plan);
  for (const [uscc, entries] of groupByUscc(rows.entries)) {
    planEntries(uscc, entries, snapshot, plan, problems);
  }
  return { plan, problems };
}

export function summarize(plan: ImportPlan): ImportSummary {
  return {
    firms: {
      create: plan.firmCreates.length,
      update: plan.firmUpdates.length,
      unchanged: plan.firmsUnchanged,
    },
    gates: {
      create: plan.gateCreates.length,
      update: plan.gateUpdates.length,
      unchanged: plan.gatesUnchanged,
    },
    positiveList: {
      create: plan.entryCreates.length,
      end: plan.entryEnds.length,
      unchanged: plan.entriesUnchanged,
    },
    gradesChanged: plan.gradesChanged,
    units: {
      create: plan.units.creates.length,
      update: plan.units.moves.length,
      unchanged: plan.units.unchanged,
    },
    officers: {
      create: plan.accounts.officerCreates.length,
      update: plan.accounts.officerUpdates.length,
      unchanged: plan.accounts.officersUnchanged,
    },
    contacts: {
      create: plan.accounts.contactCreates.length,
      update: plan.accounts.contactUpdates.length,
      unchanged: plan.accounts.contactsUnchanged,
    },
  };
}

export function hasChanges(plan: ImportPlan): boolean {
  const changes = [
    plan.firmCreates,
    plan.firmUpdates,
    plan.gateCreates,
    plan.gateUpdates,
    plan.entryCreates,
    plan.entryEnds,
    plan.units.creates,
    plan.units.moves,
    plan.accounts.officerCreates,
    plan.accounts.officerUpdates,
    plan.accounts.contactCreates,
    plan.accounts.contactUpdates,
  ];
  return changes.some((list) => list.length > 0);
}

function planFirm(row: FirmRow, snapshot: Snapshot, plan: ImportPlan): void {
  const given: Partial<FirmFields> = {};
  for (const field of FIRM_FIELDS) {
    const value = row[field];
    if (value !== undefined) (given as Record<string, unknown>)[field] = value;
  }
  const existing = snapshot.firmsByUscc.get(row.uscc);
  if (!existing) {
    plan.firmCreates.push({
      uscc: row.uscc,
      fields: { ...FIRM_DEFAULTS, ...given, name: row.name, unitId: row.unitId },
    });
    return;
  }
  const before: Partial<FirmFields> = {};
  const after: Partial<FirmFields> = {};
  for (const field of FIRM_FIELDS) {
    if (field in given && given[field] !== existing[field]) {
      (before as Record<string, unknown>)[field] = existing[field];
      (after as Record<string, unknown>)[field] = given[field];
    }
  }
  if (Object.keys(after).length === 0) plan.firmsUnchanged++;
  else plan.firmUpdates.push({ firm: existing, before, after });
  if ('creditGrade' in after) plan.gradesChanged++;
}

function planGate(row: GateRow, snapshot: Snapshot, plan: ImportPlan): void {
  const firm = snapshot.firmsByUscc.get(row.uscc);
  const gate = firm && (snapshot.gatesByFirm.get(firm.id) ?? []).find((g) => g.name === row.name);
  if (!gate) {
    plan.gateCreates.push({
      uscc: row.uscc,
      name: row.name,
      lat: row.lat,
      lng: row.lng,
      radiusM: row.radiusM ?? null,
    });
    return;
  }
  const given: Partial<GateValues> = { lat: row.lat, lng: row.lng };
  if (row.radiusM !== undefined) given.radiusM = row.radiusM;
  const before: Partial<GateValues> = {};
  const after: Partial<GateValues> = {};
  for (const [key, value] of Object.entries(given) as [keyof GateValues, number][]) {
    if (gate[key] !== value) {
      (before as Record<string, unknown>)[key] = gate[key];
      (after as Record<string, unknown>)[key] = value;
    }
  }
  if (Object.keys(after).length === 0) plan.gatesUnchanged++;
  else plan.gateUpdates.push({ uscc: row.uscc, gate, before, after });
}

interface Period {
  from: string;
  to: string | null;
  batch: string;
  /** The sheet row, or undefined for a stored entry the sheet does not mention. */
  row?: number;
  open: boolean;
}

/**
 * A firm's 正面清单 rows: a row with a stored entry's 生效日期 is that entry (unchanged, or ended
 * when it was open and the row gives 移出日期); any other row is a new entry. Stored history
 * never changes otherwise, and no two periods of a firm may overlap.
 */
function planEntries(
  uscc: string,
  rows: EntryRow[],
  snapshot: Snapshot,
  plan: ImportPlan,
  problems: ImportProblem[],
): void {
  const firm = snapshot.firmsByUscc.get(uscc);
  const stored = firm ? (snapshot.entriesByFirm.get(firm.id) ?? []) : [];
  const problem = (row: EntryRow, key: keyof typeof LIST_COLUMNS, value: string, message: string) =>
    problems.push({ sheet: LIST_SHEET, row: row.row, column: LIST_COLUMNS[key], value, message });
  const periods: Period[] = [];
  const matched = new Set<string>();
  for (const row of rows) {
    const entry = stored.find((e) => e.effectiveFrom === row.effectiveFrom);
    periods.push({
      from: row.effectiveFrom,
      to: row.effectiveTo ?? entry?.effectiveTo ?? null,
      batch: row.batch,
      row: row.row,
      open: false,
    });
    if (!entry) {
      plan.entryCreates.push({
        uscc,
        batch: row.batch,
        effectiveFrom: row.effectiveFrom,
        effectiveTo: row.effectiveTo,
        removalReason: row.removalReason,
      });
      continue;
    }
    matched.add(entry.id);
    if (entry.batch !== row.batch) {
      problem(
        row,
        'batch',
        row.batch,
        `已有自${entry.effectiveFrom}起的“${entry.batch}”记录：清单历史不能修改，批次应为“${entry.batch}”`,
      );
    } else if (entry.effectiveTo === row.effectiveTo && entry.removalReason === row.removalReason) {
      plan.entriesUnchanged++;
    } else if (entry.effectiveTo === null && row.effectiveTo !== null) {
      plan.entryEnds.push({
        uscc,
        entry,
        effectiveTo: row.effectiveTo,
        removalReason: row.removalReason ?? '',
      });
    } else if (entry.effectiveTo !== null) {
      const reasonOnly = entry.effectiveTo === row.effectiveTo;
      problem(
        row,
        reasonOnly ? 'removalReason' : 'effectiveTo',
        (reasonOnly ? row.removalReason : row.effectiveTo) ?? '',
        `该记录已于${entry.effectiveTo}移出（${entry.removalReason ?? ''}）：清单历史不能修改`,
      );
    } else plan.entriesUnchanged++;
  }
  for (const entry of stored.filter((e) => !matched.has(e.id))) {
    periods.push({
      from: entry.effectiveFrom,
      to: entry.effectiveTo,
      batch: entry.batch,
      open: entry.effectiveTo === null,
    });
  }
  reportOverlaps(periods, rows, problem);
}

function reportOverlaps(
  periods: Period[],
  rows: EntryRow[],
  problem: (row: EntryRow, key: 'effectiveFrom', value: string, message: string) => void,
): void {
  const overlaps = (a: Period, b: Period) =>
    a.from <= (b.to ?? '9999-12-31') && b.from <= (a.to ?? '9999-12-31');
  const describe = (p: Period) => `${p.batch}，${p.from} 至 ${p.to ?? '今'}`;
  for (const [i, a] of periods.entries()) {
    if (a.row === undefined) continue;
    const row = rows.find((r) => r.row === a.row)!;
    for (const [j, b] of periods.entries()) {
      if (i === j || !overlaps(a, b)) continue;
      if (b.row === undefined) {
        problem(
          row,
          'effectiveFrom',
          a.from,
          `与已有的正面清单记录（${describe(b)}）期间重叠` +
            (b.open ? '：请先在该记录的行中填写移出日期和移出原因' : ''),
        );
      } else if (b.row < a.row) {
        problem(row, 'effectiveFrom', a.from, `与第${b.row}行的清单期间（${describe(b)}）重叠`);
      }
    }
  }
}

function groupByUscc(rows: EntryRow[]): Map<string, EntryRow[]> {
  const groups = new Map<string, EntryRow[]>();
  for (const row of rows) groups.set(row.uscc, [...(groups.get(row.uscc) ?? []), row]);
  return groups;
}
