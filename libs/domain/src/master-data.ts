/**
 * The sheets of the master-data workbook (firms, gates, 正面清单 batches; units, officers and firm
 * contacts), in the order the workbook lists them: the API's template, import and export and the
 * phone's import screen share them.
 */
export const MASTER_DATA_SHEETS = [
  '企业',
  '门岗',
  '正面清单',
  '单位',
  '执法人员',
  '企业联系人',
] as const;
export type MasterDataSheet = (typeof MASTER_DATA_SHEETS)[number];
