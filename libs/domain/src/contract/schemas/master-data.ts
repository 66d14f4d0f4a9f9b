import * as z from 'zod';
import { MASTER_DATA_SHEETS } from '../../master-data';

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
});

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
    problems: z.array(importProblem),
    ignoredSheets: z
      .array(z.string())
      .meta({ description: 'Sheets of the workbook the import does not read' }),
  })
  .meta({ id: 'ImportReport' });
