/**
 * The API's request and response shapes, shared by the server (which answers them) and the phone
 * (which sends and reads them). Paths are under /api/v1. Errors are ErrorBody (./errors).
 */
import type { CreditGrade, SupervisionClass } from './enterprise';
import type { Purpose } from './purposes';
import type { DecisionReason, ReasonCode } from './reasons';
import type { Role } from './roles';
import type { CheckInPolicy } from './rules/policy';
import type { CheckInOutcome, Findings } from './visit';

/** POST /auth/login {username, password}, POST /auth/refresh {refreshToken}, POST /auth/wechat {code} */
export interface SessionResponse {
  accessToken: string;
  refreshToken: string;
  /** seconds until the access token expires */
  expiresIn: number;
  user: SessionUser;
}

export interface SessionUser {
  id: string;
  role: Role;
  name: string;
  username: string;
  unitId: string | null;
  badgeNumber: string | null;
}

export interface GateView {
  id: string;
  name: string;
  lat: number;
  lng: number;
  /** the gate's geofence, or the policy's default */
  radiusM: number;
}

/** GET /enterprises → {items: EnterpriseView[]} */
export interface EnterpriseView {
  id: string;
  uscc: string;
  name: string;
  address: string;
  district: string;
  industry: string;
  creditGrade: CreditGrade;
  supervisionClass: SupervisionClass;
  unitId: string;
  liaisonOfficer: { id: string; name: string; phone: string | null } | null;
  /** membership of the 正面清单 in force today */
  onPositiveList: boolean;
  positiveList: PositiveListPeriod[];
  gates: GateView[];
}

export interface PositiveListPeriod {
  batch: string;
  effectiveFrom: string;
  effectiveTo: string | null;
  removalReason: string | null;
}

/** POST /check-ins */
export interface CheckInRequest {
  /** UUID made by the phone: the idempotency key */
  clientId: string;
  /** the scanned text of the gate code */
  code: string;
  purpose: Purpose;
  reference?: string | null;
  coOfficerIds?: string[];
  location?: { lat: number; lng: number; accuracy: number } | null;
  /** ISO 8601 with a zone: when the officer scanned */
  clientTime: string;
}

export interface DecisionView {
  outcome: CheckInOutcome;
  reasons: DecisionReason[];
  policyVersion: number;
}

/** 201 from POST /check-ins */
export interface CheckInAccepted {
  visit: VisitView;
  decision: DecisionView;
}

/** the body of 409 CHECK_IN_REFUSED from POST /check-ins */
export interface CheckInRefused {
  code: 'CHECK_IN_REFUSED';
  message: string;
  reasons: DecisionReason[];
  attemptId: string;
  decision: DecisionView;
}

export interface VisitOfficerView {
  id: string;
  name: string;
  badgeNumber: string | null;
  unitId: string | null;
  unitName: string | null;
  isLead: boolean;
}

/** A visit or a refused attempt: GET /visits/:id, items of GET /visits */
export interface VisitView {
  id: string;
  clientId: string;
  enterpriseId: string | null;
  enterpriseName: string | null;
  gateId: string | null;
  gateName: string | null;
  unitId: string;
  purpose: Purpose;
  reference: string | null;
  officers: VisitOfficerView[];
  decision: DecisionView;
  location: { lat: number; lng: number; accuracy: number | null } | null;
  clientTime: string;
  receivedAt: string;
  checkedInAt: string;
  checkedOutAt: string | null;
  findings: Findings | null;
  notes: string | null;
  rectifyBy: string | null;
  autoClosed: boolean;
}

/** GET /visits query */
export interface VisitFilters {
  enterpriseId?: string;
  officerId?: string;
  unitId?: string;
  purpose?: Purpose;
  outcome?: CheckInOutcome;
  flag?: ReasonCode;
  from?: string;
  to?: string;
  cursor?: string;
  limit?: number;
}

export interface VisitPage {
  items: VisitView[];
  nextCursor: string | null;
}

/** POST /visits/:id/check-out */
export interface CheckOutRequest {
  findings: Findings;
  notes?: string;
  /** YYYY-MM-DD, required for RECTIFY_ORDERED */
  rectifyBy?: string;
}

/** GET /gate-codes/keys */
export interface GateCodeKeysResponse {
  algorithm: 'Ed25519';
  keys: { keyId: number; publicKey: string }[];
}

/** GET /policy */
export type PolicyResponse = CheckInPolicy;

/** GET /audit/verify */
export interface ChainVerification {
  ok: boolean;
  entries: number;
  firstBrokenSeq: number | null;
  checkedAt: string;
}

/** GET /notifications → {items} */
export interface NotificationView {
  id: string;
  userId: string;
  kind: 'OFFICER_AT_GATE' | string;
  payload: Record<string, unknown>;
  createdAt: string;
  readAt: string | null;
}

export interface OfficerAtGatePayload {
  visitId: string;
  gateName: string | null;
  purpose: Purpose;
  purposeLabel: string;
  reference: string | null;
  outcome: CheckInOutcome;
  at: string;
  officers: { name: string; badgeNumber: string | null; unitName: string | null }[];
}

/** GET /officers → {items}: the unit's officers (co-officer picker) */
export interface OfficerView {
  id: string;
  name: string;
  badgeNumber: string | null;
  unitId: string | null;
  unitName: string | null;
  active: boolean;
}

/** GET /officers/me/badge-code */
export interface BadgeCodeResponse {
  code: string;
  expiresAt: string;
}

/** POST /badge-codes/verify {code} */
export interface BadgeVerification {
  valid: boolean;
  /** valid signature and time, and the account is active today */
  onDuty: boolean;
  officer: { id: string; name: string; badgeNumber: string; unitName: string } | null;
  message: string;
}

/**
 * What an officer's phone keeps to judge check-ins without signal (GET /offline/snapshot returns
 * it signed, kind "qs1"): the same inputs the server's rule engine uses, for the unit's firms.
 */
export interface OfflineSnapshot {
  issuedAt: string;
  officer: {
    id: string;
    name: string;
    badgeNumber: string | null;
    unitId: string;
    unitLevel: string;
    active: boolean;
  };
  colleagues: OfficerView[];
  enterprises: EnterpriseView[];
  /** earlier visits per firm id (this calendar year and the repeat window) */
  priorVisits: Record<
    string,
    { checkedInAt: string; purpose: Purpose; reference: string | null; unitLevel: string }[]
  >;
  /** per gate id, the version of its active code (an older version is revoked) */
  activeCodeVersions: Record<string, number>;
  policy: CheckInPolicy;
  gateCodeKeys: GateCodeKeysResponse;
}

export const OFFLINE_SNAPSHOT_KIND = 'qs1';

/** GET /offline/snapshot */
export interface OfflineSnapshotResponse {
  /** a signed envelope (see signed-envelope.ts) of OfflineSnapshot */
  snapshot: string;
  issuedAt: string;
}
