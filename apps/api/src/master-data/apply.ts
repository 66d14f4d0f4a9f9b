import type { ImportedAccount } from '@qinqing/domain';
import type { AuditService } from '../audit/audit.service';
import type { Tx } from '../database/transactions';
import { applyContacts, applyOfficers, applyUnits, type Names } from './apply-people';
import type { GateCreate, GateUpdate, ImportPlan, ImportSummary } from './plan';
import type { MasterDataTables, Snapshot } from './snapshot';

export interface ImportMeta {
  importId: string;
  actorId: string;
  format: 'xlsx' | 'csv';
  fileSha256: string;
  summary: ImportSummary;
}

/**
 * Writes a plan inside the caller's transaction. Audit: one MASTER_DATA_IMPORTED entry for the
 * file, then per firm ENTERPRISE_CREATED / ENTERPRISE_UPDATED (field before/after and its gate
 * changes) and per membership POSITIVE_LIST_ADDED / POSITIVE_LIST_REMOVED, each carrying the
 * importId: a firm's history reads the same whether it was edited in the form or imported.
 * Units (UNIT_CREATED / UNIT_UPDATED) come first, then officers, firms and firm contacts
 * (USER_CREATED / USER_UPDATED, as the units and users endpoints write them). Answers the
 * accounts created, with their one-time passwords (only their hashes are stored).
 */
export async function applyPlan(
  tables: MasterDataTables,
  audit: AuditService,
  tx: Tx,
  plan: ImportPlan,
  snapshot: Snapshot,
  meta: ImportMeta,
): Promise<ImportedAccount[]> {
  const { importId, actorId } = meta;
  const append = (action: string, subjectType: string, subjectId: string, data: object) =>
    audit.append(tx, {
      actorId,
      action,
      subjectType,
      subjectId,
      data: { importId, ...data },
    });
  await append('MASTER_DATA_IMPORTED', 'master_data_import', importId, {
    format: meta.format,
    fileSha256: meta.fileSha256,
    summary: meta.summary,
  });

  const names = namesOf(plan, snapshot);
  const { firms } = tables;
  await applyUnits(tables, tx, append, plan.units);
  const officers = await applyOfficers(tables, tx, append, plan.accounts, names);
  const firmIds = new Map(snapshot.firms.map((f) => [f.uscc, f.id]));
  const created = await firms.insertFirms(
    plan.firmCreates.map((c) => ({ uscc: c.uscc, ...c.fields })),
    tx,
  );
  plan.firmCreates.forEach((c, i) => firmIds.set(c.uscc, created[i]));

  const gateIds = await firms.insertGates(
    plan.gateCreates.map(({ uscc, ...gate }) => ({ ...gate, enterpriseId: firmIds.get(uscc)! })),
    tx,
  );
  for (const update of plan.gateUpdates) {
    await firms.setGateColumns(update.gate.id, update.after, tx);
  }
  const gatesAdded = groupBy(
    plan.gateCreates.map((g, i) => ({ ...g, id: gateIds[i] })),
    (g) => g.uscc,
  );
  const gatesUpdated = groupBy(plan.gateUpdates, (g) => g.uscc);

  for (const c of plan.firmCreates) {
    const id = firmIds.get(c.uscc)!;
    await append('ENTERPRISE_CREATED', 'enterprise', id, {
      uscc: c.uscc,
      ...c.fields,
      gates: (gatesAdded.get(c.uscc) ?? []).map(gateData),
    });
  }
  const updated = new Map(plan.firmUpdates.map((u) => [u.firm.uscc, u]));
  const touched = new Set([...updated.keys(), ...gatesAdded.keys(), ...gatesUpdated.keys()]);
  for (const uscc of [...touched].filter((u) => snapshot.firmsByUscc.has(u)).sort()) {
    const update = updated.get(uscc);
    if (update) await firms.setFirmColumns(update.firm.id, update.after, tx);
    await append('ENTERPRISE_UPDATED', 'enterprise', firmIds.get(uscc)!, {
      before: update?.before ?? {},
      after: update?.after ?? {},
      gates: {
        added: (gatesAdded.get(uscc) ?? []).map(gateData),
        updated: (gatesUpdated.get(uscc) ?? []).map(gateChange),
      },
    });
  }

  const entryIds = await firms.insertEntries(
    plan.entryCreates.map(({ uscc, ...entry }) => ({ ...entry, enterpriseId: firmIds.get(uscc)! })),
    tx,
  );
  for (const [i, { uscc, ...entry }] of plan.entryCreates.entries()) {
    await append('POSITIVE_LIST_ADDED', 'enterprise', firmIds.get(uscc)!, {
      entryId: entryIds[i],
      ...entry,
    });
  }
  for (const end of plan.entryEnds) {
    await firms.endEntry(end.entry.id, end.effectiveTo, end.removalReason, tx);
    await append('POSITIVE_LIST_REMOVED', 'enterprise', firmIds.get(end.uscc)!, {
      entryId: end.entry.id,
      batch: end.entry.batch,
      effectiveTo: end.effectiveTo,
      removalReason: end.removalReason,
    });
  }
  const contacts = await applyContacts(tables, tx, append, plan.accounts, firmIds, names);
  return [...officers, ...contacts];
}

function namesOf(plan: ImportPlan, snapshot: Snapshot): Names {
  const units = new Map(snapshot.units.map((u) => [u.id, u.name]));
  for (const unit of plan.units.creates) units.set(unit.id, unit.name);
  const firms = new Map(snapshot.firms.map((f) => [f.uscc, f.name]));
  for (const firm of plan.firmCreates) firms.set(firm.uscc, firm.fields.name);
  return { unit: (id) => units.get(id) ?? '', firm: (uscc) => firms.get(uscc) ?? uscc };
}

function gateData(gate: GateCreate & { id: string }) {
  return { id: gate.id, name: gate.name, lat: gate.lat, lng: gate.lng, radiusM: gate.radiusM };
}

function gateChange(update: GateUpdate) {
  return { id: update.gate.id, name: update.gate.name, before: update.before, after: update.after };
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
}
