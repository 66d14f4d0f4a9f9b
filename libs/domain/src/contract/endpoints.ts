import * as z from 'zod';
import { ERROR_MESSAGES, type ErrorCode } from '../errors';
import { USCC_PROBLEM_MESSAGES } from '../uscc';
import type { Role } from '../roles';
import { ROUTES, type Route, type RouteName } from './routes';
import {
  auditCheckpointKeys,
  auditVerifyRequest,
  chainCheckStatus,
  chainVerification,
  publicAuditCheckpoint,
} from './schemas/audit';
import { loginRequest, refreshRequest, sessionResponse, wechatCodeRequest } from './schemas/auth';
import {
  checkInAccepted,
  checkInPreview,
  checkInPreviewRequest,
  checkInRequest,
} from './schemas/check-ins';
import {
  auditTrailEntry,
  checkOutRequest,
  listVisitsQuery,
  visitIdParams,
  visitPage,
  visitView,
} from './schemas/visits';
import {
  addPositiveListRequest,
  createEnterpriseRequest,
  endPositiveListRequest,
  enterpriseIdParams,
  enterpriseRecord,
  enterpriseView,
  positiveListEntry,
  updateEnterpriseRequest,
} from './schemas/enterprises';
import {
  gateCodeHistory,
  gateIdParams,
  gateListItem,
  issuedGateCode,
  publicKeys,
} from './schemas/gates';
import {
  badgeCodeResponse,
  offlineSnapshotResponse,
  badgeVerification,
  notificationIdParams,
  notificationView,
  officerView,
  verifyBadgeRequest,
} from './schemas/officers';
import {
  followUpCaseView,
  followUpCloseRequest,
  followUpContactRequest,
  followUpIdParams,
  listFollowUpsQuery,
  spotCheckIdParams,
  spotCheckItemParams,
  spotCheckRequest,
  spotCheckResultRequest,
  spotCheckView,
} from './schemas/oversight';
import {
  changePasswordRequest,
  createdUser,
  credentialsSheetRequest,
  createUnitRequest,
  createUserRequest,
  listUsersQuery,
  oneTimePasswordResponse,
  unitIdParams,
  unitListItem,
  unitView,
  updateUnitRequest,
  updateUserRequest,
  userAccount,
  userIdParams,
  userPage,
} from './schemas/people';
import {
  listRatingsQuery,
  ratingPage,
  ratingRequest,
  ratingStatusView,
  ratingSummary,
  ratingView,
} from './schemas/ratings';
import { deskSummary, deskSummaryQuery } from './schemas/desk';
import {
  drawIdParams,
  drawRequest,
  drawStatistics,
  drawStatisticsQuery,
  drawTaskView,
  drawView,
  officerConflictParams,
  officerConflictRequest,
  officerConflictView,
  publicDrawInputs,
  publicDrawView,
} from './schemas/draws';
import { errorBody, fileBody, MEDIA_TYPES } from './schemas/common';
import { healthReport } from './schemas/health';
import { exportCsvQuery, importQuery, importReport } from './schemas/master-data';
import { checkInPolicy, policyVersionView, updatePolicyRequest } from './schemas/policy';
import { ratingFilters } from './schemas/ratings';
import { visitFilters } from './schemas/visits';
import {
  listReportsQuery,
  reportIdParams,
  reportPhotoParams,
  reportRequest,
  reportStatusRequest,
  reportView,
} from './schemas/reports';

/**
 * One endpoint, defined once: where it is (ROUTES), who may call it, what it takes (params, query,
 * body) and what it answers (the success body, and the error codes it may answer besides the
 * ones every endpoint may: VALIDATION_FAILED when it takes input, UNAUTHENTICATED unless public,
 * FORBIDDEN when limited to roles, SERVICE_UNAVAILABLE, INTERNAL_ERROR). The server validates,
 * routes and documents from it; the phone's client calls from it.
 */
export interface EndpointSpec {
  summary: string;
  description?: string;
  /** 'public': no login; 'user': any logged-in account; or the roles that may call it */
  access: 'public' | 'user' | readonly Role[];
  /** the success status */
  status: 200 | 201 | 204;
  params?: z.ZodObject;
  query?: z.ZodObject;
  body?: z.ZodType;
  response: z.ZodType;
  /** further error codes this endpoint answers */
  errors?: readonly ErrorCode[];
  /** a file answer (route `file: 'download'`): its media types; `response` is then fileBody() */
  produces?: readonly string[];
  /** a file as the body (route `file: 'upload'`): its media types; no `body` schema then */
  consumes?: readonly string[];
  /** answers besides the success and the error codes, e.g. the import's 422 with its report */
  otherAnswers?: readonly {
    status: number;
    description: string;
    schema: z.ZodType;
    example: unknown;
  }[];
  /**
   * Reachable by an account that must change its (one-time) password first; every other
   * endpoint that needs a login answers it 403 PASSWORD_CHANGE_REQUIRED.
   */
  duringPasswordChange?: true;
}

export type Endpoint<N extends RouteName = RouteName> = EndpointSpec & { name: N } & Route;

function endpoint<N extends RouteName, const S extends EndpointSpec>(
  name: N,
  spec: S,
): S & { name: N } & (typeof ROUTES)[N] {
  return { ...spec, name, ...ROUTES[name] };
}

const EXPORT_DESCRIPTION =
  'Newest first, up to a cap of rows: when there were more, the header X-Export-Truncated ' +
  'carries the cap.';

export const ENDPOINTS = {
  passwordLogin: endpoint('passwordLogin', {
    summary: 'Username/password login → access and refresh tokens',
    description:
      '5 failures from one address in 15 minutes: 429 with Retry-After for that address; ' +
      'failures of one account slow its next attempts down, never lock it out.',
    access: 'public',
    status: 200,
    body: loginRequest,
    response: sessionResponse,
    errors: ['INVALID_CREDENTIALS', 'RATE_LIMITED'],
  }),
  wechatLogin: endpoint('wechatLogin', {
    summary: '微信登录: mini-program login code → session, for an account bound to WeChat',
    access: 'public',
    status: 200,
    body: wechatCodeRequest,
    response: sessionResponse,
    errors: ['WECHAT_NOT_BOUND', 'WECHAT_LOGIN_FAILED', 'WECHAT_NOT_CONFIGURED'],
  }),
  bindWechat: endpoint('bindWechat', {
    summary: 'Bind the WeChat account of a login code to the logged-in account',
    access: 'user',
    status: 204,
    body: wechatCodeRequest,
    response: z.void(),
    errors: ['WECHAT_LOGIN_FAILED', 'WECHAT_NOT_CONFIGURED'],
  }),
  refreshSession: endpoint('refreshSession', {
    summary: 'A new access token (and refresh token) from a refresh token',
    access: 'public',
    status: 200,
    body: refreshRequest,
    response: sessionResponse,
    errors: ['UNAUTHENTICATED', 'TOKEN_EXPIRED'],
  }),
  checkIn: endpoint('checkIn', {
    summary: '先扫码、后入企: check in at a gate (idempotent on clientId)',
    description:
      '201 ALLOWED or FLAGGED; a refusal is recorded too and answered 409 CHECK_IN_REFUSED with ' +
      '{reasons, attemptId, decision}. Sending the same clientId again answers the first result.',
    access: ['officer'],
    status: 201,
    body: checkInRequest,
    response: checkInAccepted,
    errors: ['CHECK_IN_REFUSED', 'CLIENT_ID_REUSED', 'RATE_LIMITED'],
  }),
  previewCheckIn: endpoint('previewCheckIn', {
    summary: '预判: what each purpose would give if submitted now (nothing is recorded)',
    access: ['officer'],
    status: 200,
    body: checkInPreviewRequest,
    response: checkInPreview,
    errors: ['RATE_LIMITED'],
  }),
  listVisits: endpoint('listVisits', {
    summary: 'Visits and refused attempts in the caller’s scope, newest first, keyset-paginated',
    access: 'user',
    status: 200,
    query: listVisitsQuery,
    response: visitPage,
  }),
  getVisit: endpoint('getVisit', {
    summary: 'One visit; 404 when it does not exist or is outside the caller’s scope',
    access: 'user',
    status: 200,
    params: visitIdParams,
    response: visitView,
    errors: ['NOT_FOUND'],
  }),
  visitAudit: endpoint('visitAudit', {
    summary: 'The audit entries of a visit (check-in, check-out, auto-close …)',
    access: ['supervisor', 'admin'],
    status: 200,
    params: visitIdParams,
    response: z.object({ items: z.array(auditTrailEntry) }),
    errors: ['NOT_FOUND'],
  }),
  checkOut: endpoint('checkOut', {
    summary: 'Check out with findings (an officer of the visit, once)',
    access: ['officer'],
    status: 200,
    params: visitIdParams,
    body: checkOutRequest,
    response: visitView,
    errors: ['NOT_FOUND', 'VISIT_ALREADY_CHECKED_OUT', 'VISIT_REFUSED_NO_CHECK_OUT'],
  }),
  listEnterprises: endpoint('listEnterprises', {
    summary:
      'Firms in the caller’s scope (officer: the unit’s; supervisor: the jurisdiction’s; ' +
      'enterprise user: its own; admin: all), with gates and 正面清单 status today',
    access: 'user',
    status: 200,
    response: z.object({ items: z.array(enterpriseView) }),
  }),
  createEnterprise: endpoint('createEnterprise', {
    summary: 'Register a firm with its gates (admin); the USCC is checked',
    description: 'A USCC already registered answers 409 CONFLICT with the field.',
    access: ['admin'],
    status: 201,
    body: createEnterpriseRequest,
    response: enterpriseRecord,
    errors: ['CONFLICT'],
  }),
  updateEnterprise: endpoint('updateEnterprise', {
    summary: 'Change credit grade, supervision class, liaison officer or address (admin)',
    access: ['admin'],
    status: 200,
    params: enterpriseIdParams,
    body: updateEnterpriseRequest,
    response: enterpriseRecord,
    errors: ['NOT_FOUND'],
  }),
  addToPositiveList: endpoint('addToPositiveList', {
    summary: 'Put the firm on the 正面清单 from a day (admin)',
    description: 'A firm already on the list answers 409 CONFLICT.',
    access: ['admin'],
    status: 201,
    params: enterpriseIdParams,
    body: addPositiveListRequest,
    response: positiveListEntry,
    errors: ['NOT_FOUND', 'CONFLICT'],
  }),
  removeFromPositiveList: endpoint('removeFromPositiveList', {
    summary: 'End the firm’s 正面清单 membership on a day, with the reason (admin)',
    description: 'A firm not on the list answers 409 CONFLICT.',
    access: ['admin'],
    status: 200,
    params: enterpriseIdParams,
    body: endPositiveListRequest,
    response: positiveListEntry,
    errors: ['NOT_FOUND', 'CONFLICT'],
  }),
  listGates: endpoint('listGates', {
    summary: 'Every firm’s gates with the code version in force (admin)',
    access: ['admin'],
    status: 200,
    response: z.object({ items: z.array(gateListItem) }),
  }),
  gateCodeHistory: endpoint('gateCodeHistory', {
    summary: 'Every version of a gate’s code, newest first, with its issuer (admin)',
    access: ['admin'],
    status: 200,
    params: gateIdParams,
    response: gateCodeHistory,
    errors: ['NOT_FOUND'],
  }),
  issueGateCode: endpoint('issueGateCode', {
    summary: 'Issue a new 执法打卡码 for a gate, revoking the older one (admin)',
    access: ['admin'],
    status: 201,
    params: gateIdParams,
    response: issuedGateCode,
    errors: ['NOT_FOUND'],
  }),
  gateCodeKeys: endpoint('gateCodeKeys', {
    summary: 'Public keys that verify gate codes (the phone verifies offline)',
    access: 'public',
    status: 200,
    response: publicKeys,
  }),
  verifyAudit: endpoint('verifyAudit', {
    summary:
      'Walk every hash chain of the log, compare every audited row with its latest entry and the ' +
      'stored signed checkpoints with the chains (the result is recorded)',
    access: ['supervisor', 'admin'],
    status: 200,
    response: chainVerification,
  }),
  verifyAuditWith: endpoint('verifyAuditWith', {
    summary:
      'As GET verify, also comparing the signed checkpoints the caller kept; a checkpoint whose ' +
      'signature does not verify is listed in rejectedCheckpoints and not compared',
    access: ['supervisor', 'admin'],
    status: 200,
    body: auditVerifyRequest,
    response: chainVerification,
  }),
  signAuditCheckpoint: endpoint('signAuditCheckpoint', {
    summary: 'Sign a checkpoint of every chain head now (stored and archived)',
    description: 'NOT_FOUND while the audit log has no entry.',
    access: ['supervisor', 'admin'],
    status: 201,
    response: publicAuditCheckpoint,
    errors: ['NOT_FOUND'],
  }),
  runChainCheck: endpoint('runChainCheck', {
    summary: 'Run an audit chain check now, record it, answer the chain status',
    access: ['supervisor', 'admin'],
    status: 201,
    response: chainCheckStatus,
  }),
  chainStatus: endpoint('chainStatus', {
    summary: 'The latest recorded chain check, the last failure, and whether the desk alerts',
    access: ['supervisor', 'admin'],
    status: 200,
    response: chainCheckStatus,
  }),
  publicAuditCheckpoint: endpoint('publicAuditCheckpoint', {
    summary:
      'The latest signed checkpoint {seq, hash, at, chains, keyId, signature} and its public key; ' +
      'keep it and send it to POST /audit/verify later (signed anew when older than ' +
      'AUDIT_CHECKPOINT_FRESH_MINUTES and a chain has grown)',
    description: 'NOT_FOUND while the audit log has no entry.',
    access: 'public',
    status: 200,
    response: publicAuditCheckpoint,
    errors: ['NOT_FOUND'],
  }),
  auditCheckpointKeys: endpoint('auditCheckpointKeys', {
    summary: 'The Ed25519 public keys that verify audit checkpoints, by key id',
    access: 'public',
    status: 200,
    response: auditCheckpointKeys,
  }),
  rateVisit: endpoint('rateVisit', {
    summary:
      '好差评: a user of the visited firm rates a checked-out visit, once, within the window',
    access: ['enterprise'],
    status: 201,
    params: visitIdParams,
    body: ratingRequest,
    response: ratingView,
    errors: [
      'NOT_FOUND',
      'RATING_EXISTS',
      'RATING_WINDOW_CLOSED',
      'VISIT_NOT_CHECKED_OUT',
      'RATING_NOT_APPLICABLE',
      'SIGNATURE_INVALID',
    ],
  }),
  visitRating: endpoint('visitRating', {
    summary: 'The rating of a visit (the firm, supervisors); 404 when not rated',
    access: ['enterprise', 'supervisor', 'admin'],
    status: 200,
    params: visitIdParams,
    response: ratingView,
    errors: ['NOT_FOUND'],
  }),
  ratingStatus: endpoint('ratingStatus', {
    summary: 'Whether the visit can be rated now, and until when',
    access: ['enterprise', 'supervisor', 'admin'],
    status: 200,
    params: visitIdParams,
    response: ratingStatusView,
    errors: ['NOT_FOUND'],
  }),
  listRatings: endpoint('listRatings', {
    summary: 'Ratings of the jurisdiction, newest first, keyset-paginated',
    access: ['supervisor', 'admin'],
    status: 200,
    query: listRatingsQuery,
    response: ratingPage,
  }),
  myRatingSummary: endpoint('myRatingSummary', {
    summary: 'The officer’s own ratings, aggregated over released monthly batches (anonymous)',
    access: ['officer'],
    status: 200,
    response: ratingSummary,
  }),
  offlineSnapshot: endpoint('offlineSnapshot', {
    summary:
      'The signed snapshot for 离线预判: the unit’s firms, earlier visits, code versions, policy, keys',
    access: ['officer'],
    status: 200,
    response: offlineSnapshotResponse,
  }),
  listFollowUps: endpoint('listFollowUps', {
    summary: '回访核实 cases of the jurisdiction: open ones first, by due time',
    access: ['supervisor', 'admin'],
    status: 200,
    query: listFollowUpsQuery,
    response: z.object({ items: z.array(followUpCaseView) }),
  }),
  getFollowUp: endpoint('getFollowUp', {
    summary: 'One 回访核实 case',
    access: ['supervisor', 'admin'],
    status: 200,
    params: followUpIdParams,
    response: followUpCaseView,
    errors: ['NOT_FOUND'],
  }),
  recordFollowUpContact: endpoint('recordFollowUpContact', {
    summary: 'Record a contact with the firm (call, visit …)',
    access: ['supervisor', 'admin'],
    status: 201,
    params: followUpIdParams,
    body: followUpContactRequest,
    response: followUpCaseView,
    errors: ['NOT_FOUND', 'FOLLOW_UP_CLOSED'],
  }),
  closeFollowUp: endpoint('closeFollowUp', {
    summary: 'Close with the finding and resolution (after at least one contact)',
    access: ['supervisor', 'admin'],
    status: 200,
    params: followUpIdParams,
    body: followUpCloseRequest,
    response: followUpCaseView,
    errors: ['NOT_FOUND', 'FOLLOW_UP_CLOSED', 'FOLLOW_UP_NO_CONTACT'],
  }),
  drawSpotCheck: endpoint('drawSpotCheck', {
    summary: '抽查: draw a month’s ratings of the jurisdiction with a fresh published seed',
    access: ['supervisor'],
    status: 201,
    body: spotCheckRequest,
    response: spotCheckView,
    errors: ['SPOT_CHECK_EXISTS', 'SPOT_CHECK_EMPTY'],
  }),
  listSpotChecks: endpoint('listSpotChecks', {
    summary: 'The spot checks of the jurisdiction, newest month first',
    access: ['supervisor', 'admin'],
    status: 200,
    response: z.object({ items: z.array(spotCheckView) }),
  }),
  getSpotCheck: endpoint('getSpotCheck', {
    summary: 'One spot check with its drawn ratings and their results',
    access: ['supervisor', 'admin'],
    status: 200,
    params: spotCheckIdParams,
    response: spotCheckView,
    errors: ['NOT_FOUND'],
  }),
  recordSpotCheckResult: endpoint('recordSpotCheckResult', {
    summary: 'Record what the phone call about a drawn rating found',
    access: ['supervisor', 'admin'],
    status: 200,
    params: spotCheckItemParams,
    body: spotCheckResultRequest,
    response: spotCheckView,
    errors: ['NOT_FOUND'],
  }),
  listOfficers: endpoint('listOfficers', {
    summary: 'Officers in scope (an officer: the unit’s — the co-officer picker)',
    access: ['officer', 'supervisor', 'admin'],
    status: 200,
    response: z.object({ items: z.array(officerView) }),
  }),
  badgeCode: endpoint('badgeCode', {
    summary: '电子执法证: a signed badge code valid for two minutes',
    access: ['officer'],
    status: 200,
    response: badgeCodeResponse,
  }),
  verifyBadge: endpoint('verifyBadge', {
    summary: 'Check a scanned badge code: real (signature), current, on duty',
    description: 'A code that is not valid is answered 200 with valid: false and the reason.',
    access: 'user',
    status: 200,
    body: verifyBadgeRequest,
    response: badgeVerification,
  }),
  listNotifications: endpoint('listNotifications', {
    summary: 'The caller’s own notifications, newest first (e.g. an officer at the gate)',
    access: 'user',
    status: 200,
    response: z.object({ items: z.array(notificationView) }),
  }),
  markNotificationRead: endpoint('markNotificationRead', {
    summary: 'Mark one of the caller’s notifications read',
    access: 'user',
    status: 204,
    params: notificationIdParams,
    response: z.void(),
    errors: ['NOT_FOUND'],
  }),
  commitDraw: endpoint('commitDraw', {
    summary: '双随机: define and commit a draw (pool snapshot hash and seed commitment published)',
    description:
      'A unit outside the caller’s jurisdiction answers 404; a pool without firms 409 DRAW_POOL_EMPTY.',
    access: ['supervisor', 'admin'],
    status: 201,
    body: drawRequest,
    response: drawView,
    errors: ['NOT_FOUND', 'DRAW_POOL_EMPTY'],
  }),
  revealDraw: endpoint('revealDraw', {
    summary: 'Reveal the seed and make the tasks (once)',
    access: ['supervisor', 'admin'],
    status: 200,
    params: drawIdParams,
    response: drawView,
    errors: ['NOT_FOUND', 'DRAW_ALREADY_REVEALED'],
  }),
  listDraws: endpoint('listDraws', {
    summary: 'The draws of the caller’s jurisdiction, newest first',
    access: ['supervisor', 'admin'],
    status: 200,
    response: z.object({ items: z.array(publicDrawView) }),
  }),
  drawStatistics: endpoint('drawStatistics', {
    summary: 'Realised draw rate per credit grade against the intended rate',
    access: ['supervisor', 'admin'],
    status: 200,
    query: drawStatisticsQuery,
    response: drawStatistics,
  }),
  getDraw: endpoint('getDraw', {
    summary: 'One draw with its tasks and officers',
    access: ['supervisor', 'admin'],
    status: 200,
    params: drawIdParams,
    response: drawView,
    errors: ['NOT_FOUND'],
  }),
  myTasks: endpoint('myTasks', {
    summary: 'The officer’s drawn tasks whose period has not ended',
    access: ['officer'],
    status: 200,
    response: z.object({ items: z.array(drawTaskView) }),
  }),
  listPublicDraws: endpoint('listPublicDraws', {
    summary: '一公开: every draw, its commitment, seed and results (no personal data)',
    access: 'public',
    status: 200,
    response: z.object({ items: z.array(publicDrawView) }),
  }),
  getPublicDraw: endpoint('getPublicDraw', {
    summary: '一公开: one draw, its commitment, seed and results (no personal data)',
    access: 'public',
    status: 200,
    params: drawIdParams,
    response: publicDrawView,
    errors: ['NOT_FOUND'],
  }),
  publicDrawInputs: endpoint('publicDrawInputs', {
    summary: 'The inputs (and, once revealed, the seed) to re-run the draw',
    access: 'public',
    status: 200,
    params: drawIdParams,
    response: publicDrawInputs,
    errors: ['NOT_FOUND'],
  }),
  listOfficerConflicts: endpoint('listOfficerConflicts', {
    summary: '回避: the declared conflicts of officers with firms',
    access: ['supervisor', 'admin'],
    status: 200,
    response: z.object({ items: z.array(officerConflictView) }),
  }),
  declareOfficerConflict: endpoint('declareOfficerConflict', {
    summary: '回避: record that an officer must not be drawn for a firm (audited)',
    description: 'Declaring it again replaces the reason. Answers every declared conflict.',
    access: ['admin'],
    status: 201,
    body: officerConflictRequest,
    response: z.object({ items: z.array(officerConflictView) }),
    errors: ['NOT_FOUND'],
  }),
  withdrawOfficerConflict: endpoint('withdrawOfficerConflict', {
    summary: '回避: withdraw a declared conflict (audited)',
    access: ['admin'],
    status: 204,
    params: officerConflictParams,
    response: z.void(),
    errors: ['NOT_FOUND'],
  }),
  currentPolicy: endpoint('currentPolicy', {
    summary: 'The check-in policy in force now (every role: the phone evaluates it offline)',
    access: 'user',
    status: 200,
    response: checkInPolicy,
  }),
  policyVersions: endpoint('policyVersions', {
    summary: 'Every version of the policy, newest first, with createdByName (who stored it)',
    access: ['admin', 'supervisor'],
    status: 200,
    response: z.array(policyVersionView),
  }),
  updatePolicy: endpoint('updatePolicy', {
    summary: 'Store a new version of the policy (admin)',
    description:
      'The policy is checked field by field (validatePolicy): each problem is a field error on ' +
      '`policy`. Answers the new version.',
    access: ['admin'],
    status: 200,
    body: updatePolicyRequest,
    response: checkInPolicy,
  }),
  createReport: endpoint('createReport', {
    summary: '监督举报: a firm’s user reports misconduct by a visit’s officers or one officer',
    description:
      'Categories from 六不准 / 九不得; up to 4 JPEG or PNG photos as data URLs, checked by their ' +
      'bytes. The report goes to the supervisors of the answerable unit (the visit’s, else the ' +
      'officer’s, else the firm’s) and never to the reported officer. NOT_FOUND: not one of the ' +
      'caller’s firms, or not its visit.',
    access: ['enterprise'],
    status: 201,
    body: reportRequest,
    response: reportView,
    errors: ['NOT_FOUND'],
  }),
  listReports: endpoint('listReports', {
    summary: 'Reports in the caller’s scope, newest first',
    description: 'Supervisors: the jurisdiction’s; a firm’s user: the firm’s own; admins: all.',
    access: ['supervisor', 'admin', 'enterprise'],
    status: 200,
    query: listReportsQuery,
    response: z.object({ items: z.array(reportView) }),
  }),
  getReport: endpoint('getReport', {
    summary: 'One report with its history; 404 outside the caller’s scope',
    access: ['supervisor', 'admin', 'enterprise'],
    status: 200,
    params: reportIdParams,
    response: reportView,
    errors: ['NOT_FOUND'],
  }),
  advanceReport: endpoint('advanceReport', {
    summary: 'The next step: RECEIVED → INVESTIGATING → CONCLUDED (outcome required to conclude)',
    description: 'REPORT_STATUS_INVALID: not the next status.',
    access: ['supervisor', 'admin'],
    status: 200,
    params: reportIdParams,
    body: reportStatusRequest,
    response: reportView,
    errors: ['NOT_FOUND', 'REPORT_STATUS_INVALID'],
  }),
  deskSummary: endpoint('deskSummary', {
    summary: "The supervisor's desk: visits, refusals, positive-list visits, ratings, cases",
    description:
      'Over the jurisdiction, or the given unit and the units below it. Visits, refusals, ratings ' +
      'and finished cases and reports count within [from, to) (default: the last 12 weeks); open ' +
      'and overdue follow-ups and reports not concluded count as of now. Weeks start on Monday, ' +
      "bureau time. spotCheck is this month's spot check of the jurisdiction. NOT_FOUND: the " +
      'unit does not exist or is outside the jurisdiction.',
    access: ['supervisor', 'admin'],
    status: 200,
    query: deskSummaryQuery,
    response: deskSummary,
    errors: ['NOT_FOUND'],
  }),
  health: endpoint('health', {
    summary: 'Liveness and database check',
    access: 'public',
    status: 200,
    response: healthReport,
    errors: ['DATABASE_UNAVAILABLE'],
  }),
  reportPhoto: endpoint('reportPhoto', {
    summary: 'A photo of a report (0-based index), as stored',
    description: 'NOT_FOUND: no such report in scope, or no such photo.',
    access: ['supervisor', 'admin', 'enterprise'],
    status: 200,
    params: reportPhotoParams,
    response: fileBody(),
    produces: [MEDIA_TYPES.jpeg, MEDIA_TYPES.png],
    errors: ['NOT_FOUND'],
  }),
  gatePosterPdf: endpoint('gatePosterPdf', {
    summary: "The printable A4 poster of a gate's active 执法打卡码, as PDF (admin)",
    description:
      'Firm, gate, QR code, 执法检查 先扫码 后入企, hotlines and 六不准 on one A4 page, text as ' +
      'text in an embedded font. Downloads as 打卡码-<firm>-<gate>-v<N>.pdf. NOT_FOUND: no such ' +
      'gate, or it has no active code.',
    access: ['admin'],
    status: 200,
    params: gateIdParams,
    response: fileBody(),
    produces: [MEDIA_TYPES.pdf],
    errors: ['NOT_FOUND'],
  }),
  gatePosterPng: endpoint('gatePosterPng', {
    summary: 'The same poster as a PNG, A4 at 150 dpi (1240 × 1754 px) (admin)',
    description:
      'Downloads as 打卡码-<firm>-<gate>-v<N>.png. NOT_FOUND: no such gate, or it has no active code.',
    access: ['admin'],
    status: 200,
    params: gateIdParams,
    response: fileBody(),
    produces: [MEDIA_TYPES.png],
    errors: ['NOT_FOUND'],
  }),
  exportVisitsXlsx: endpoint('exportVisitsXlsx', {
    summary: 'The visit log as an Excel workbook (filters of GET /visits)',
    description: EXPORT_DESCRIPTION,
    access: ['supervisor', 'admin'],
    status: 200,
    query: visitFilters,
    response: fileBody(),
    produces: [MEDIA_TYPES.xlsx],
  }),
  exportVisitsCsv: endpoint('exportVisitsCsv', {
    summary: 'The visit log as CSV (UTF-8 with BOM; filters of GET /visits)',
    description: EXPORT_DESCRIPTION,
    access: ['supervisor', 'admin'],
    status: 200,
    query: visitFilters,
    response: fileBody(),
    produces: [MEDIA_TYPES.csv],
  }),
  exportRatingsXlsx: endpoint('exportRatingsXlsx', {
    summary: 'Ratings (好差评) as an Excel workbook (filters of GET /ratings)',
    description: EXPORT_DESCRIPTION,
    access: ['supervisor', 'admin'],
    status: 200,
    query: ratingFilters,
    response: fileBody(),
    produces: [MEDIA_TYPES.xlsx],
  }),
  exportRatingsCsv: endpoint('exportRatingsCsv', {
    summary: 'Ratings (好差评) as CSV (UTF-8 with BOM; filters of GET /ratings)',
    description: EXPORT_DESCRIPTION,
    access: ['supervisor', 'admin'],
    status: 200,
    query: ratingFilters,
    response: fileBody(),
    produces: [MEDIA_TYPES.csv],
  }),
  masterDataTemplate: endpoint('masterDataTemplate', {
    summary: 'The import workbook: sheets 企业, 门岗, 正面清单 with headers, and 说明',
    access: ['admin'],
    status: 200,
    response: fileBody(),
    produces: [MEDIA_TYPES.xlsx],
  }),
  importMasterData: endpoint('importMasterData', {
    summary: 'Import firms, gates, credit grades and 正面清单 batches from XLSX or CSV',
    description:
      'The file is the raw body (XLSX, or CSV holding the sheet named by `sheet`, default 企业). ' +
      'Every row is checked; problems are {sheet, row, column, value, message}. dryRun=true ' +
      '(the default) changes nothing. dryRun=false applies everything in one transaction, or ' +
      'nothing: with any problem it answers 422 VALIDATION_FAILED with the same report. ' +
      'Districts known: those of the firms already registered. 400 VALIDATION_FAILED: the body ' +
      'is not a spreadsheet.',
    access: ['admin'],
    status: 200,
    query: importQuery,
    consumes: [MEDIA_TYPES.xlsx, 'text/csv'],
    response: importReport,
    otherAnswers: [
      {
        status: 422,
        description: 'VALIDATION_FAILED with the report: nothing changed',
        schema: errorBody.and(importReport),
        example: {
          code: 'VALIDATION_FAILED',
          message: `导入文件有1处问题，未导入任何数据。${ERROR_MESSAGES.VALIDATION_FAILED}`,
          ok: false,
          dryRun: false,
          summary: {
            firms: { create: 0, update: 0, unchanged: 0 },
            gates: { create: 0, update: 0, unchanged: 0 },
            positiveList: { create: 0, end: 0, unchanged: 0 },
            gradesChanged: 0,
            units: { create: 0, update: 0, unchanged: 0 },
            officers: { create: 0, update: 0, unchanged: 0 },
            contacts: { create: 0, update: 0, unchanged: 0 },
          },
          problems: [
            {
              sheet: '企业',
              row: 2,
              column: '统一社会信用代码',
              value: '91410100MA00000000',
              message: USCC_PROBLEM_MESSAGES.CHECK_CHARACTER,
            },
          ],
          ignoredSheets: [],
        },
      },
    ],
  }),
  exportMasterDataXlsx: endpoint('exportMasterDataXlsx', {
    summary: 'All firms, gates and 正面清单 history as the import workbook',
    access: ['admin'],
    status: 200,
    response: fileBody(),
    produces: [MEDIA_TYPES.xlsx],
  }),
  exportMasterDataCsv: endpoint('exportMasterDataCsv', {
    summary: 'One sheet (default 企业) as CSV, UTF-8 with BOM',
    access: ['admin'],
    status: 200,
    query: exportCsvQuery,
    response: fileBody(),
    produces: [MEDIA_TYPES.csv],
  }),
  changePassword: endpoint('changePassword', {
    summary: 'Change the caller’s own password (required after a one-time password)',
    description:
      'The new password must follow the policy (passwordProblems in libs/domain): at least 10 ' +
      'characters, not containing the username, not a well-known password, not the current one. ' +
      'A wrong current password counts as a failed login (same limits).',
    access: 'user',
    status: 204,
    body: changePasswordRequest,
    response: z.void(),
    errors: ['RATE_LIMITED'],
    duringPasswordChange: true,
  }),
  listUnits: endpoint('listUnits', {
    summary:
      'Every unit (retired ones too), parents before children, with parentId, active and its active accounts',
    access: ['admin'],
    status: 200,
    response: z.object({ items: z.array(unitListItem) }),
  }),
  createUnit: endpoint('createUnit', {
    summary: 'Add a unit under a parent (or a top unit)',
    access: ['admin'],
    status: 201,
    body: createUnitRequest,
    response: unitView,
    errors: ['CONFLICT'],
  }),
  updateUnit: endpoint('updateUnit', {
    summary: 'Rename, move (no cycles: 409 UNIT_CYCLE) or retire a unit (409 UNIT_IN_USE)',
    description:
      'A unit with active accounts (officers, supervisors of its jurisdiction) or active child ' +
      'units is not retired; its history (visits, firms) keeps naming it.',
    access: ['admin'],
    status: 200,
    params: unitIdParams,
    body: updateUnitRequest,
    response: unitView,
    errors: ['NOT_FOUND', 'UNIT_CYCLE', 'UNIT_IN_USE'],
  }),
  listUsers: endpoint('listUsers', {
    summary: 'Accounts, by username, keyset-paginated; filters role, unit (subtree), text',
    access: ['admin'],
    status: 200,
    query: listUsersQuery,
    response: userPage,
  }),
  createUser: endpoint('createUser', {
    summary: 'Create an account with a one-time password (shown once)',
    description:
      'An officer needs unitId and badgeNo (执法证号); a supervisor unitId (his jurisdiction); ' +
      'an enterprise user enterpriseIds; an admin none of them.',
    access: ['admin'],
    status: 201,
    body: createUserRequest,
    response: createdUser,
    errors: ['USERNAME_TAKEN', 'CONFLICT'],
  }),
  getUser: endpoint('getUser', {
    summary: 'One account',
    access: ['admin'],
    status: 200,
    params: userIdParams,
    response: userAccount,
    errors: ['NOT_FOUND'],
  }),
  updateUser: endpoint('updateUser', {
    summary: 'Change an account; active: false logs it out at once (its tokens answer 401)',
    access: ['admin'],
    status: 200,
    params: userIdParams,
    body: updateUserRequest,
    response: userAccount,
    errors: ['NOT_FOUND', 'CONFLICT'],
  }),
  resetUserPassword: endpoint('resetUserPassword', {
    summary: 'A new one-time password for an account (shown once; to be changed at next login)',
    access: ['admin'],
    status: 200,
    params: userIdParams,
    response: oneTimePasswordResponse,
    errors: ['NOT_FOUND'],
  }),
  printCredentials: endpoint('printCredentials', {
    summary: 'A printable A4 list (PDF) of accounts with their one-time passwords (admin)',
    description:
      'Stateless: the caller sends the passwords it was answered (by an import, a creation or a ' +
      'reset). Each must be the valid one-time password of an account that has not changed it ' +
      'yet; otherwise 422 CREDENTIALS_INVALID naming the row (accounts.N), nothing printed. ' +
      'Audited per account (who printed it, never the password).',
    access: ['admin'],
    status: 200,
    body: credentialsSheetRequest,
    response: fileBody(),
    produces: [MEDIA_TYPES.pdf],
    errors: ['CREDENTIALS_INVALID'],
  }),
} satisfies { [N in RouteName]: Endpoint<N> };
