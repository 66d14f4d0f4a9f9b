/**
 * Sizes of fields the API accepts, in one place: the request schemas (./contract/schemas) check
 * them and the database columns (apps/api entities) are declared with them.
 */
export const FIELD_LIMITS = {
  /** the scanned text of a gate code (its URL or the bare token) */
  gateCodeText: 1000,
  /** a visit's reference: the task, complaint number, case … its purpose needs */
  visitReference: 100,
  /** co-officers named in one check-in */
  coOfficers: 10,
  /** metres of location accuracy a phone may report */
  locationAccuracyM: 100_000,
  /** an officer's notes at check-out */
  checkOutNotes: 2000,
  /** the opaque keyset cursor of a list */
  cursor: 200,
  /** a USCC as typed (checkUscc normalises it to 18 characters) */
  usccInput: 30,
  enterpriseName: 200,
  enterpriseAddress: 300,
  enterpriseDistrict: 50,
  enterpriseIndustry: 100,
  gateName: 100,
  /** gates registered with one firm at once */
  gatesPerFirm: 20,
  /** a gate's geofence radius in metres */
  gateRadiusM: { min: 10, max: 5000 },
  /** a 正面清单 batch, e.g. 第四批 */
  positiveListBatch: 50,
  positiveListRemovalReason: 500,
  username: 64,
  displayName: 64,
  /** 执法证号 */
  badgeNumber: 32,
  unitName: 100,
  unitCode: 32,
  /** firms one enterprise user may manage */
  firmsPerAccount: 50,
  /** the text searched for in the accounts list */
  userSearch: 64,
  password: 128,
  /** a refresh token as sent back */
  token: 2048,
  /** the login code of wx.login() */
  wechatCode: 128,
  /** the scanned text of an officer's badge code */
  badgeCodeText: 2000,
  /** a 双随机 draw's name, e.g. 2026年第四季度双随机抽查 */
  drawName: 100,
  /** units, districts or industries named in one draw's pool filter */
  drawFilterItems: 200,
  /** 回避: why an officer must not be drawn for a firm */
  conflictReason: 200,
  /** why the check-in policy changed, kept with the version */
  policyNote: 500,
} as const;

/** Items per page of a keyset-paginated list: the default and the most a client may ask for. */
export const PAGE_SIZE = { default: 50, max: 200 } as const;
