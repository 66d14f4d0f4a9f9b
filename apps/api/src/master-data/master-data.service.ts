import type { ImportReport } from '@qinqing/domain';
import { Injectable } from '@nestjs/common';
import { createHash, randomUUID } from 'node:crypto';
import { AuditService } from '../audit/audit.service';
import { Transactions } from '../database/transactions';
import { toCsv } from '../desk/export-table';
import { EnterprisesRepository } from '../enterprises/enterprises.repository';
import { UnitsRepository } from '../units/units.repository';
import { UsersRepository } from '../users/users.repository';
import { applyPlan } from './apply';
import { MasterDataRepository } from './master-data.repository';
import { parseUpload } from './parse';
import { hasChanges, planImport, summarize } from './plan';
import {
  CONTACT_SHEET,
  type ImportProblem,
  OFFICER_SHEET,
  SHEET_NAMES,
  SHEET_SPECS,
  type SheetName,
  UNIT_SHEET,
} from './sheets';
import { loadSnapshot, type MasterDataTables } from './snapshot';
import { validateRows } from './validate';
import { masterDataTables, templateTables, toWorkbook } from './workbook';

export type { ImportReport } from '@qinqing/domain';

const PEOPLE_SHEETS: SheetName[] = [UNIT_SHEET, OFFICER_SHEET, CONTACT_SHEET];

/** Bulk master data: parse → validate → plan → apply, and the export the import reads back. */
@Injectable()
export class MasterDataService {
  private readonly tables: MasterDataTables;

  constructor(
    private readonly masterData: MasterDataRepository,
    private readonly transactions: Transactions,
    private readonly audit: AuditService,
    firms: EnterprisesRepository,
    units: UnitsRepository,
    users: UsersRepository,
  ) {
    this.tables = { firms, units, users };
  }

  /**
   * Checks the whole file; applies it (all or nothing, one transaction) only when not a dry run
   * and without a single problem. The report is the same either way.
   */
  async import(
    body: unknown,
    contentType: string | undefined,
    options: { dryRun: boolean; csvSheet: SheetName; actorId: string },
  ): Promise<ImportReport> {
    const upload = await parseUpload(body, contentType, options.csvSheet);
    let report: ImportReport | undefined;
    await this.transactions.run(async (tx) => {
      await this.masterData.lockImports(tx);
      if (!options.dryRun && upload.sheets.some((s) => PEOPLE_SHEETS.includes(s.name))) {
        // as the units and users endpoints do: a move or a new username is checked against a
        // tree and a set of usernames that cannot change until this transaction ends
        await this.tables.units.lockTree(tx);
        await this.tables.users.lockAccounts(tx);
      }
      const snapshot = await loadSnapshot(this.tables, tx);
      const rows = validateRows(upload, snapshot);
      const { plan, problems } = planImport(rows, snapshot);
      const allProblems = sortProblems([...rows.problems, ...problems]);
      const summary = summarize(plan);
      report = {
        ok: allProblems.length === 0,
        dryRun: options.dryRun,
        summary,
        problems: allProblems,
        ignoredSheets: upload.ignoredSheets,
      };
      if (options.dryRun || allProblems.length > 0 || !hasChanges(plan)) return;
      const importId = randomUUID();
      const accounts = await applyPlan(this.tables, this.audit, tx, plan, snapshot, {
        importId,
        actorId: options.actorId,
        format: upload.format,
        fileSha256: sha256(body),
        summary,
      });
      report.importId = importId;
      if (accounts.length > 0) report.accounts = accounts;
    });
    return report!;
  }

  async template(): Promise<Buffer> {
    const snapshot = await this.snapshot();
    return toWorkbook(templateTables(), snapshot);
  }

  async exportXlsx(): Promise<Buffer> {
    const snapshot = await this.snapshot();
    return toWorkbook(masterDataTables(snapshot), snapshot);
  }

  async exportCsv(sheet: SheetName): Promise<Buffer> {
    return toCsv(masterDataTables(await this.snapshot())[sheet]);
  }

  /** A consistent view of all master data (one repeatable-read transaction). */
  private snapshot() {
    return this.transactions.run((tx) => loadSnapshot(this.tables, tx), {
      isolation: 'REPEATABLE READ',
    });
  }
}

function sha256(body: unknown): string {
  return createHash('sha256')
    .update(typeof body === 'string' ? body : (body as Buffer))
    .digest('hex');
}

/** In the order a person works through the file: sheet, row, column. */
function sortProblems(problems: ImportProblem[]): ImportProblem[] {
  const sheetOrder = (sheet: string) => SHEET_NAMES.indexOf(sheet as SheetName);
  const columnOrder = (p: ImportProblem) =>
    Object.values(SHEET_SPECS[p.sheet as SheetName]?.columns ?? {}).indexOf(p.column);
  return problems
    .map((p, i) => ({ p, i }))
    .sort(
      (a, b) =>
        sheetOrder(a.p.sheet) - sheetOrder(b.p.sheet) ||
        a.p.row - b.p.row ||
        columnOrder(a.p) - columnOrder(b.p) ||
        a.i - b.i,
    )
    .map(({ p }) => p);
}
