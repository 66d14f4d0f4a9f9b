import { AuditChainHead, AuditEntry } from '../audit/audit-entry.entity';
import { AuditChainCheck } from '../audit/chain-check.entity';
import { AuditCheckpointRow } from '../audit/checkpoint.entity';
import { LoginAttemptTimes } from '../auth/login-attempt.entity';
import { RateLimitWindow } from '../common/rate-limit-window.entity';
import { Draw, DrawTask, OfficerConflict } from '../draws/draw.entity';
import { Enterprise } from '../enterprises/enterprise.entity';
import { EnterpriseMember } from '../enterprises/enterprise-member.entity';
import { Gate } from '../enterprises/gate.entity';
import { PositiveListEntry } from '../enterprises/positive-list-entry.entity';
import { GateCode } from '../gates/gate-code.entity';
import { JobRun } from '../jobs/job-run.entity';
import { Notification } from '../notifications/notification.entity';
import { PolicyVersion } from '../policy/policy-version.entity';
import { FollowUpCase, FollowUpContact } from '../ratings/follow-up-case.entity';
import { Rating } from '../ratings/rating.entity';
import { RatingSpotCheck, RatingSpotCheckItem } from '../ratings/spot-check.entity';
import { MisconductReport, ReportEvent, ReportPhoto } from '../reports/misconduct-report.entity';
import { Unit } from '../units/unit.entity';
import { User } from '../users/user.entity';
import { VisitOfficer } from '../visits/visit-officer.entity';
import { VisitKey } from '../visits/visit-key.entity';
import { Visit } from '../visits/visit.entity';

/** Every entity, listed once (no globs: the same list works from src under jest and from dist). */
export const ENTITIES = [
  Unit,
  User,
  Enterprise,
  EnterpriseMember,
  Gate,
  PositiveListEntry,
  GateCode,
  PolicyVersion,
  Visit,
  VisitKey,
  VisitOfficer,
  AuditEntry,
  AuditChainHead,
  Notification,
  AuditChainCheck,
  AuditCheckpointRow,
  Rating,
  FollowUpCase,
  FollowUpContact,
  RatingSpotCheck,
  RatingSpotCheckItem,
  MisconductReport,
  ReportPhoto,
  ReportEvent,
  Draw,
  DrawTask,
  OfficerConflict,
  JobRun,
  RateLimitWindow,
  LoginAttemptTimes,
];
