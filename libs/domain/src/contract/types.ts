/**
 * The API's types, inferred from the schemas (./schemas) and imported as types only, so that
 * whoever uses them (the phone) does not load zod.
 */
import type * as z from 'zod';
import type { ENDPOINTS } from './endpoints';
import type * as audit from './schemas/audit';
import type * as auth from './schemas/auth';
import type * as checkIns from './schemas/check-ins';
import type * as desk from './schemas/desk';
import type * as draws from './schemas/draws';
import type * as enterprises from './schemas/enterprises';
import type * as gates from './schemas/gates';
import type * as masterData from './schemas/master-data';
import type * as offline from './schemas/offline';
import type * as officers from './schemas/officers';
import type * as oversight from './schemas/oversight';
import type * as people from './schemas/people';
import type * as ratings from './schemas/ratings';
import type * as reports from './schemas/reports';
import type * as policy from './schemas/policy';
import type * as visits from './schemas/visits';

export type Endpoints = typeof ENDPOINTS;
export type EndpointName = keyof Endpoints;

type Part = 'params' | 'query' | 'body';
type Schema<N extends EndpointName, P extends Part> = Endpoints[N] extends {
  [K in P]: infer S extends z.ZodType;
}
  ? S
  : never;

/** What a caller sends: `{params, query, body}`, each part only when the endpoint takes it. */
export type EndpointInput<N extends EndpointName> = {
  [P in Part as [Schema<N, P>] extends [never] ? never : P]: z.input<Schema<N, P>>;
};

/** A part of the request as the server has it after validation (defaults applied). */
export type ParsedParams<N extends EndpointName> = z.output<Schema<N, 'params'>>;
export type ParsedQuery<N extends EndpointName> = z.output<Schema<N, 'query'>>;
export type ParsedBody<N extends EndpointName> = z.output<Schema<N, 'body'>>;

/** The body of the endpoint's success answer. */
export type EndpointResponse<N extends EndpointName> = z.output<Endpoints[N]['response']>;

export type CheckInRequest = z.input<typeof checkIns.checkInRequest>;
export type CheckInPreviewRequest = z.input<typeof checkIns.checkInPreviewRequest>;
export type CheckInPreview = z.output<typeof checkIns.checkInPreview>;
export type CheckInAccepted = z.output<typeof checkIns.checkInAccepted>;
export type DecisionView = z.output<typeof visits.decisionView>;
export type VisitOfficerView = z.output<typeof visits.visitOfficerView>;
export type VisitView = z.output<typeof visits.visitView>;
export type VisitFilters = z.input<typeof visits.listVisitsQuery>;
export type VisitFilterValues = z.output<typeof visits.visitFilters>;
export type VisitPage = z.output<typeof visits.visitPage>;
export type CheckOutRequest = z.input<typeof visits.checkOutRequest>;
export type AuditTrailEntry = z.output<typeof visits.auditTrailEntry>;

/** the body of 409 CHECK_IN_REFUSED from POST /check-ins (the attempt is recorded too) */
export type CheckInRefused = {
  code: 'CHECK_IN_REFUSED';
  message: string;
} & z.output<typeof checkIns.checkInRefusedDetails>;

export type GateView = z.output<typeof enterprises.gateView>;
export type PositiveListPeriod = z.output<typeof enterprises.positiveListPeriod>;
export type EnterpriseView = z.output<typeof enterprises.enterpriseView>;
export type EnterpriseRecord = z.output<typeof enterprises.enterpriseRecord>;
export type PositiveListEntryView = z.output<typeof enterprises.positiveListEntry>;

export type OfficerView = z.output<typeof officers.officerView>;
export type BadgeCodeResponse = z.output<typeof officers.badgeCodeResponse>;
export type BadgeVerification = z.output<typeof officers.badgeVerification>;
export type NotificationView = z.output<typeof officers.notificationView>;

export type GateListItem = z.output<typeof gates.gateListItem>;
export type GateCodeVersion = z.output<typeof gates.gateCodeVersion>;
export type GateCodeHistory = z.output<typeof gates.gateCodeHistory>;
export type GateCodeKeysResponse = z.output<typeof gates.publicKeys>;

export type SessionUser = z.output<typeof auth.sessionUser>;
export type SessionResponse = z.output<typeof auth.sessionResponse>;

export type AuditVerifyRequest = z.input<typeof audit.auditVerifyRequest>;
export type PublicAuditCheckpoint = z.output<typeof audit.publicAuditCheckpoint>;
export type AuditCheckpointKeysResponse = z.output<typeof audit.auditCheckpointKeys>;
export type ChainVerification = z.output<typeof audit.chainVerification>;
export type ChainWalk = ChainVerification['chains'][number];
export type RowMismatch = ChainVerification['rowMismatches'][number];
export type CheckpointConflict = ChainVerification['checkpointConflicts'][number];
export type RejectedCheckpoint = ChainVerification['rejectedCheckpoints'][number];
export type ChainCheckStatus = z.output<typeof audit.chainCheckStatus>;

export type OfflineSnapshotResponse = z.output<typeof officers.offlineSnapshotResponse>;
export type RatingRequest = z.input<typeof ratings.ratingRequest>;
export type RatingView = z.output<typeof ratings.ratingView>;
export type RatingStatusView = z.output<typeof ratings.ratingStatusView>;
export type RatingFilters = z.input<typeof ratings.listRatingsQuery>;
export type RatingFilterValues = z.output<typeof ratings.ratingFilters>;
export type RatingListItem = z.output<typeof ratings.ratingListItem>;
export type RatingSummary = z.output<typeof ratings.ratingSummary>;

export type FollowUpCaseView = z.output<typeof oversight.followUpCaseView>;
export type FollowUpContactView = z.output<typeof oversight.followUpContactView>;
export type FollowUpFilters = z.input<typeof oversight.listFollowUpsQuery>;
export type FollowUpContactRequest = z.input<typeof oversight.followUpContactRequest>;
export type FollowUpCloseRequest = z.input<typeof oversight.followUpCloseRequest>;
export type SpotCheckView = z.output<typeof oversight.spotCheckView>;
export type SpotCheckItemView = z.output<typeof oversight.spotCheckItemView>;
export type SpotCheckRequest = z.input<typeof oversight.spotCheckRequest>;
export type SpotCheckResultRequest = z.input<typeof oversight.spotCheckResultRequest>;

export type OfflineSnapshot = z.output<typeof offline.offlineSnapshot>;
export type OfficerAtGatePayload = z.output<typeof offline.officerAtGatePayload>;

export type DrawRequest = z.input<typeof draws.drawRequest>;
export type PublicDrawView = z.output<typeof draws.publicDrawView>;
export type PublicDrawResult = z.output<typeof draws.publicDrawResult>;
export type DrawTaskView = z.output<typeof draws.drawTaskView>;
export type DrawView = z.output<typeof draws.drawView>;
export type DrawStatistics = z.output<typeof draws.drawStatistics>;
export type PublicDrawInputs = z.output<typeof draws.publicDrawInputs>;
export type OfficerConflictView = z.output<typeof draws.officerConflictView>;

export type PolicyVersionView = z.output<typeof policy.policyVersionView>;

export type ReportRequest = z.input<typeof reports.reportRequest>;
export type ReportView = z.output<typeof reports.reportView>;
export type ReportStatusRequest = z.input<typeof reports.reportStatusRequest>;

export type DeskSummary = z.output<typeof desk.deskSummary>;

export type ImportProblem = z.output<typeof masterData.importProblem>;
export type ImportSummary = z.output<typeof masterData.importSummary>;
export type ImportReport = z.output<typeof masterData.importReport>;
export type ImportedAccount = z.output<typeof masterData.importedAccount>;
export type UnitView = z.output<typeof people.unitView>;
export type UnitListItem = z.output<typeof people.unitListItem>;
export type UserAccount = z.output<typeof people.userAccount>;
export type CreatedUser = z.output<typeof people.createdUser>;
export type UserFilters = z.input<typeof people.listUsersQuery>;
export type CreateUserRequest = z.input<typeof people.createUserRequest>;
export type UpdateUserRequest = z.input<typeof people.updateUserRequest>;
export type ChangePasswordRequest = z.input<typeof people.changePasswordRequest>;
