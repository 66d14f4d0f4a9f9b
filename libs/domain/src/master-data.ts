/**
 * The sheets of the master-data workbook (firms, gates, 正面清单 batches), in the order the import
 * reads them: the API's template, import and export and the phone's import screen share them.
 */
export const MASTER_DATA_SHEETS = ['企业', '门岗', '正面清单'] as const;
export type MasterDataSheet = (typeof MASTER_DATA_SHEETS)[number];
