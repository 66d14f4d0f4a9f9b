/**
 * The method and path of every endpoint defined by a schema (./schemas, ./endpoints): all the phone
 * needs at run time to call one, without zod. Types come from ./types.
 */
export interface Route {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** the full path; `:name` is a path parameter */
  path: string;
  /**
   * Not JSON on one side: 'download' answers a file, 'upload' takes a file as the body. The phone
   * opens or sends these by their URL (routeUrl), not through a generated client method.
   */
  file?: 'download' | 'upload';
}

export const ROUTES = {
  passwordLogin: { method: 'POST', path: '/api/v1/auth/login' },
  wechatLogin: { method: 'POST', path: '/api/v1/auth/wechat' },
  bindWechat: { method: 'POST', path: '/api/v1/auth/wechat/bind' },
  refreshSession: { method: 'POST', path: '/api/v1/auth/refresh' },
  checkIn: { method: 'POST', path: '/api/v1/check-ins' },
  previewCheckIn: { method: 'POST', path: '/api/v1/check-ins/preview' },
  listVisits: { method: 'GET', path: '/api/v1/visits' },
  getVisit: { method: 'GET', path: '/api/v1/visits/:id' },
  visitAudit: { method: 'GET', path: '/api/v1/visits/:id/audit' },
  checkOut: { method: 'POST', path: '/api/v1/visits/:id/check-out' },
  listEnterprises: { method: 'GET', path: '/api/v1/enterprises' },
  createEnterprise: { method: 'POST', path: '/api/v1/enterprises' },
  updateEnterprise: { method: 'PATCH', path: '/api/v1/enterprises/:id' },
  addToPositiveList: { method: 'POST', path: '/api/v1/enterprises/:id/positive-list' },
  removeFromPositiveList: { method: 'POST', path: '/api/v1/enterprises/:id/positive-list/removal' },
  listGates: { method: 'GET', path: '/api/v1/gates' },
  gateCodeHistory: { method: 'GET', path: '/api/v1/gates/:gateId/codes' },
  issueGateCode: { method: 'POST', path: '/api/v1/gates/:gateId/codes' },
  gateCodeKeys: { method: 'GET', path: '/api/v1/gate-codes/keys' },
  verifyAudit: { method: 'GET', path: '/api/v1/audit/verify' },
  verifyAuditWith: { method: 'POST', path: '/api/v1/audit/verify' },
  signAuditCheckpoint: { method: 'POST', path: '/api/v1/audit/checkpoints' },
  runChainCheck: { method: 'POST', path: '/api/v1/audit/checks' },
  chainStatus: { method: 'GET', path: '/api/v1/audit/checks/latest' },
  publicAuditCheckpoint: { method: 'GET', path: '/api/v1/public/audit/checkpoint' },
  auditCheckpointKeys: { method: 'GET', path: '/api/v1/public/audit/keys' },
  rateVisit: { method: 'POST', path: '/api/v1/visits/:id/rating' },
  visitRating: { method: 'GET', path: '/api/v1/visits/:id/rating' },
  ratingStatus: { method: 'GET', path: '/api/v1/visits/:id/rating-status' },
  listRatings: { method: 'GET', path: '/api/v1/ratings' },
  myRatingSummary: { method: 'GET', path: '/api/v1/officers/me/rating-summary' },
  offlineSnapshot: { method: 'GET', path: '/api/v1/offline/snapshot' },
  listFollowUps: { method: 'GET', path: '/api/v1/follow-ups' },
  getFollowUp: { method: 'GET', path: '/api/v1/follow-ups/:id' },
  recordFollowUpContact: { method: 'POST', path: '/api/v1/follow-ups/:id/contacts' },
  closeFollowUp: { method: 'POST', path: '/api/v1/follow-ups/:id/close' },
  drawSpotCheck: { method: 'POST', path: '/api/v1/rating-spot-checks' },
  listSpotChecks: { method: 'GET', path: '/api/v1/rating-spot-checks' },
  getSpotCheck: { method: 'GET', path: '/api/v1/rating-spot-checks/:id' },
  recordSpotCheckResult: { method: 'POST', path: '/api/v1/rating-spot-checks/:id/items/:ratingId' },
  listOfficers: { method: 'GET', path: '/api/v1/officers' },
  badgeCode: { method: 'GET', path: '/api/v1/officers/me/badge-code' },
  verifyBadge: { method: 'POST', path: '/api/v1/badge-codes/verify' },
  listNotifications: { method: 'GET', path: '/api/v1/notifications' },
  markNotificationRead: { method: 'POST', path: '/api/v1/notifications/:id/read' },
  commitDraw: { method: 'POST', path: '/api/v1/draws' },
  revealDraw: { method: 'POST', path: '/api/v1/draws/:id/reveal' },
  listDraws: { method: 'GET', path: '/api/v1/draws' },
  drawStatistics: { method: 'GET', path: '/api/v1/draws/statistics' },
  getDraw: { method: 'GET', path: '/api/v1/draws/:id' },
  myTasks: { method: 'GET', path: '/api/v1/officers/me/tasks' },
  listPublicDraws: { method: 'GET', path: '/api/v1/public/draws' },
  getPublicDraw: { method: 'GET', path: '/api/v1/public/draws/:id' },
  publicDrawInputs: { method: 'GET', path: '/api/v1/public/draws/:id/inputs' },
  listOfficerConflicts: { method: 'GET', path: '/api/v1/officer-conflicts' },
  declareOfficerConflict: { method: 'POST', path: '/api/v1/officer-conflicts' },
  withdrawOfficerConflict: {
    method: 'DELETE',
    path: '/api/v1/officer-conflicts/:officerId/:enterpriseId',
  },
  currentPolicy: { method: 'GET', path: '/api/v1/policy' },
  policyVersions: { method: 'GET', path: '/api/v1/policy/versions' },
  updatePolicy: { method: 'PUT', path: '/api/v1/policy' },
  createReport: { method: 'POST', path: '/api/v1/reports' },
  listReports: { method: 'GET', path: '/api/v1/reports' },
  getReport: { method: 'GET', path: '/api/v1/reports/:id' },
  advanceReport: { method: 'POST', path: '/api/v1/reports/:id/status' },
  deskSummary: { method: 'GET', path: '/api/v1/desk/summary' },
  health: { method: 'GET', path: '/api/health' },
  reportPhoto: { method: 'GET', path: '/api/v1/reports/:id/photos/:index', file: 'download' },
  gatePosterPdf: { method: 'GET', path: '/api/v1/gates/:gateId/poster.pdf', file: 'download' },
  gatePosterPng: { method: 'GET', path: '/api/v1/gates/:gateId/poster.png', file: 'download' },
  exportVisitsXlsx: { method: 'GET', path: '/api/v1/exports/visits.xlsx', file: 'download' },
  exportVisitsCsv: { method: 'GET', path: '/api/v1/exports/visits.csv', file: 'download' },
  exportRatingsXlsx: { method: 'GET', path: '/api/v1/exports/ratings.xlsx', file: 'download' },
  exportRatingsCsv: { method: 'GET', path: '/api/v1/exports/ratings.csv', file: 'download' },
  masterDataTemplate: {
    method: 'GET',
    path: '/api/v1/master-data/template.xlsx',
    file: 'download',
  },
  importMasterData: { method: 'POST', path: '/api/v1/master-data/import', file: 'upload' },
  exportMasterDataXlsx: {
    method: 'GET',
    path: '/api/v1/master-data/export.xlsx',
    file: 'download',
  },
  exportMasterDataCsv: { method: 'GET', path: '/api/v1/master-data/export.csv', file: 'download' },
  changePassword: { method: 'POST', path: '/api/v1/auth/password' },
  listUnits: { method: 'GET', path: '/api/v1/units' },
  createUnit: { method: 'POST', path: '/api/v1/units' },
  updateUnit: { method: 'PATCH', path: '/api/v1/units/:id' },
  listUsers: { method: 'GET', path: '/api/v1/users' },
  createUser: { method: 'POST', path: '/api/v1/users' },
  getUser: { method: 'GET', path: '/api/v1/users/:id' },
  updateUser: { method: 'PATCH', path: '/api/v1/users/:id' },
  resetUserPassword: { method: 'POST', path: '/api/v1/users/:id/password-reset' },
  printCredentials: {
    method: 'POST',
    path: '/api/v1/users/credentials-sheet',
    file: 'download',
  },
} as const satisfies Record<string, Route>;

export type RouteName = keyof typeof ROUTES;

/** The routes whose request and answer are JSON: the phone's client has a method for each. */
export type JsonRouteName = {
  [N in RouteName]: (typeof ROUTES)[N] extends { file: string } ? never : N;
}[RouteName];

/**
 * A route's path with its parameters filled in and the query appended (values that are undefined,
 * null or '' are left out).
 */
export function routeUrl(
  route: Route,
  params: Record<string, string> = {},
  query: Record<string, unknown> = {},
): string {
  const path = route.path.replace(/:(\w+)/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`missing path parameter ${name} of ${route.path}`);
    return encodeURIComponent(value);
  });
  const search = Object.entries(query)
    .filter(([, v]) => v !== undefined && v !== null && v !== '')
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`)
    .join('&');
  return search ? `${path}?${search}` : path;
}
