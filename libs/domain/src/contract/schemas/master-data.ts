import * as z from 'zod';
import { MASTER_DATA_SHEETS } from '../../master-data';
import { uuid } from './common';

const sheet = z.enum(MASTER_DATA_SHEETS);

/** POST /master-data/import?dryRun=&sheet= (the file is the raw body) */
export const importQuery = z.strictObject({
  dryRun: z.enum(['true', 'false']).optional().meta({
    description: 'false applies the import; omitted: a dry run (nothing changes unless asked)',
  }),
  sheet: sheet.optional().meta({ description: 'The sheet a CSV file holds (default 企业)' }),
});

/** GET /master-data/export.csv?sheet= */
export const exportCsvQuery = z.strictObject({
  sheet: sheet.optional().meta({ description: 'default 企业' }),
});

/** One problem of an import, located as a person finds it in the spreadsheet. */
export const importProblem = z.object({
  sheet: z.string(),
  row: z.number().int().meta({ description: 'The spreadsheet row number; the header is row 1' }),
  column: z.string().meta({
    description: 'The Chinese header of the column ("" when the problem is the whole row or sheet)',
  }),
  value: z.string(),
  message: z.string().meta({ description: 'What is wrong, in Chinese' }),
});

const changes = <K extends string>(...keys: K[]) =>
  z.object(
    Object.fromEntries(keys.map((key) => [key, z.number().int()])) as Record<K, z.ZodNumber>,
  );

export const importSummary = z.object({
  firms: changes('create', 'update', 'unchanged'),
  gates: changes('create', 'update', 'unchanged'),
  positiveList: changes('create', 'end', 'unchanged'),
  gradesChanged: z
    .number()
    .int()
    .meta({ description: 'Existing firms whose 环境信用等级 changes' }),
  units: changes('create', 'update', 'unchanged').meta({
    description: 'update: a unit moved to another parent',
  }),
  officers: changes('create', 'update', 'unchanged'),
  contacts: changes('create', 'update', 'unchanged').meta({
    description: 'firm contacts (enterprise accounts); update includes new firm bindings',
  }),
});

/** An account the import created, with its one-time password: answered once, never stored. */
export const importedAccount = z
  .object({
    userId: uuid(),
    username: z.string(),
    displayName: z.string(),
    role: z.enum(['officer', 'enterprise']),
    unit: z.string().nullable().meta({ description: "an officer's unit (its name)" }),
    firms: z.array(z.string()).meta({ description: "a firm contact's firms (their names)" }),
    oneTimePassword: z.string().meta({ description: 'shown once; to be changed at first login' }),
  })
  .meta({ id: 'ImportedAccount' });

/**
 * The report of an import: 200 with it, or 422 VALIDATION_FAILED carrying it when a real import
 * finds problems (then nothing changed).
 */
export const importReport = z
  .object({
    ok: z.boolean(),
    dryRun: z.boolean(),
    importId: z
      .string()
      .optional()
      .meta({
        description:
          'Set when the import changed something: its audit entries carry it (a file that ' +
          'changes nothing writes nothing, not even an audit entry)',
      }),
    summary: importSummary,
    accounts: z
      .array(importedAccount)
      .optional()
      .meta({
        description:
          'Set when the import created accounts: each with its one-time password, answered only ' +
          'here (the server keeps only the hash); POST /users/credentials-sheet prints them',
      }),
    problems: z.array(importProblem),
    ignoredSheets: z
      .array(z.string())
      .meta({ description: 'Sheets of the workbook the import does not read' }),
  })
  .meta({ id: 'ImportReport' });
