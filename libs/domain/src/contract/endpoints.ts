import * as z from 'zod';
import type { ErrorCode } from '../errors';
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
  createUnitRequest,
  createUserRequest,
  listUsersQuery,
  oneTimePasswordResponse,
  unitIdParams,
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
      'Walk the hash chain, compare every audited row with its latest entry and the stored ' +
      'signed checkpoints with the chain (the result is recorded)',
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
    summary: 'Sign a checkpoint of the chain head now (stored and archived)',
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
      'The latest signed checkpoint {seq, hash, at, keyId, signature} and its public key; keep it ' +
      'and send it to POST /audit/verify later (signed anew when older than ' +
      'AUDIT_CHECKPOINT_FRESH_MINUTES and the chain has grown)',
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
    summary: 'Every unit (retired ones too), parents before children, with parentId and active',
    access: ['admin'],
    status: 200,
    response: z.object({ items: z.array(unitView) }),
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
} satisfies { [N in RouteName]: Endpoint<N> };
