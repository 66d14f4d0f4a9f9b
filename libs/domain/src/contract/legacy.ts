/**
 * The request and response shapes of the endpoints not yet defined by a schema (./schemas),
 * written by hand, shared by the server and the phone. Paths are under /api/v1. Errors are
 * ErrorBody (../errors). Each endpoint moved to a schema takes its types out of here.
 */
import type { CreditGrade, SupervisionClass } from '../enterprise';
import type { Purpose } from '../purposes';
import type { ReasonCode } from '../reasons';
import type { CheckInPolicy } from '../rules/policy';
import type { ChainCheckStatus, EnterpriseView, GateCodeKeysResponse, OfficerView } from './types';
import type { CheckInOutcome, Findings } from '../visit';
import type { DrawWeights } from '../draws/draw';
import type { LevelCounts } from '../rating';
import type { MisconductCategory, ReportOutcome, ReportStatus } from '../oversight';

/** GET /policy */
export type PolicyResponse = CheckInPolicy;

/**
 * The tables whose rows the audit log vouches for: each audit entry that writes such a row carries
 * a digest of the row's state after the change (visit with its officers, rating, report with its
 * events and photos, follow-up case with its contacts).
 */
export const AUDITED_TABLES = ['visit', 'rating', 'misconduct_report', 'follow_up_case'] as const;
export type AuditedTable = (typeof AUDITED_TABLES)[number];

export const AUDIT_VERIFY_MAX_CHECKPOINTS = 500;

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
  /** the officer's drawn tasks (双随机) not yet past their period */
  tasks?: DrawTaskView[];
}

export const OFFLINE_SNAPSHOT_KIND = 'qs1';

// ——— 好差评 ratings, follow-up cases, spot checks, misconduct reports, the supervisor's desk ———

/** POST /reports (a user of the firm): 监督举报 */
export interface ReportRequest {
  /** the reporting firm (one of the caller's) */
  enterpriseId: string;
  /** the visit reported, if any (a visit to that firm) */
  visitId?: string | null;
  /** the officer reported, if any (an officer of that visit, when a visit is given) */
  officerId?: string | null;
  categories: MisconductCategory[];
  description: string;
  /** JPEG or PNG data URLs, at most REPORT_PHOTOS_MAX */
  photos?: string[];
}

/** A report as supervisors see it (GET /reports, GET /reports/:id) */
export interface ReportView {
  id: string;
  enterpriseId: string;
  enterpriseName: string | null;
  reporter: { id: string; name: string };
  visitId: string | null;
  officer: { id: string; name: string; badgeNumber: string | null } | null;
  unitId: string;
  unitName: string | null;
  categories: MisconductCategory[];
  description: string;
  /** number of photos: GET /reports/:id/photos/:index (0-based) */
  photoCount: number;
  status: ReportStatus;
  outcome: ReportOutcome | null;
  conclusion: string | null;
  createdAt: string;
  updatedAt: string;
  history: { status: ReportStatus; at: string; note: string; by: { id: string; name: string } }[];
}

/** POST /reports/:id/status: the next step (RECEIVED → INVESTIGATING → CONCLUDED) */
export interface ReportStatusRequest {
  status: ReportStatus;
  note: string;
  /** required when concluding */
  outcome?: ReportOutcome;
}

/** GET /desk/summary?from&to&unitId: what the supervisor's desk draws */
export interface DeskSummary {
  from: string;
  to: string;
  /** ISO week starts (Monday, bureau time) × purpose */
  visitsPerWeek: { weekStart: string; purpose: Purpose; count: number }[];
  refusalsByRule: { code: ReasonCode; count: number }[];
  /** visits and refused attempts at firms on the positive list that day, per purpose */
  positiveListVisits: {
    purpose: Purpose;
    allowedPurpose: boolean;
    attempts: number;
    entered: number;
  }[];
  /** firms visited more than once in the period (entered visits) */
  repeatVisits: { enterpriseId: string; enterpriseName: string | null; visits: number }[];
  ratingsByUnit: ({ unitId: string; unitName: string | null } & LevelCounts)[];
  ratingsByOfficer: ({
    officerId: string;
    name: string;
    badgeNumber: string | null;
  } & LevelCounts)[];
  followUps: { open: number; overdue: number; closed: number };
  reports: Record<ReportStatus, number>;
  spotCheck: { month: string; ratings: number; sampled: number; verified: number } | null;
  chain: ChainCheckStatus;
}

// ——— 双随机、一公开: draws and their tasks ———

/** POST /draws (supervisor, admin): define and commit a draw; the seed stays secret until reveal */
export interface DrawRequest {
  name: string;
  /** the pool: firms of these units (and the units below them); empty = the caller's scope */
  unitIds?: string[];
  districts?: string[];
  industries?: string[];
  supervisionClasses?: SupervisionClass[];
  /** the policy's draw weights unless given */
  weights?: DrawWeights;
  /** 'YYYY-MM-DD', inclusive: when the drawn inspections are to be made */
  periodStart: string;
  periodEnd: string;
  /** officers per task (default 2) */
  officersPerTask?: number;
}

export const DRAW_STATUSES = ['COMMITTED', 'REVEALED'] as const;
export type DrawStatus = (typeof DRAW_STATUSES)[number];

/** A draw as published: anyone can check it (GET /public/draws/:id, no personal data). */
export interface PublicDrawView {
  id: string;
  /** e.g. 'SJ-2026-003' */
  number: string;
  name: string;
  status: DrawStatus;
  periodStart: string;
  periodEnd: string;
  committedAt: string;
  /** SHA-512 hex of the canonical JSON of the inputs (drawInputsHash) */
  inputsHash: string;
  /** SHA-512 hex of the seed (seedCommitment), published at commit */
  seedCommitment: string;
  /** null until revealed */
  seed: string | null;
  revealedAt: string | null;
  poolSize: number;
  weights: DrawWeights;
  officersPerTask: number;
  /** the drawn firms (after reveal), with whether and how the inspection was done */
  results: PublicDrawResult[];
}

export interface PublicDrawResult {
  taskNumber: number;
  enterpriseName: string;
  uscc: string;
  creditGrade: CreditGrade;
  onPositiveList: boolean;
  inspected: boolean;
  /** the check-out findings of the inspection, once made */
  outcome: Findings | null;
}

/** A task as the officers and supervisors see it (GET /officers/me/tasks, GET /draws/:id). */
export interface DrawTaskView {
  id: string;
  drawId: string;
  drawNumber: string;
  /** the reference a RANDOM_INSPECTION check-in names, e.g. 'SJ-2026-003-07' */
  reference: string;
  enterpriseId: string;
  enterpriseName: string;
  officers: { id: string; name: string; badgeNumber: string | null }[];
  periodStart: string;
  periodEnd: string;
  /** fewer officers than asked could be assigned (recusals) */
  short: boolean;
  visitId: string | null;
  inspected: boolean;
}

/** GET /draws/:id (supervisor, admin): the published view with tasks and officers */
export interface DrawView extends PublicDrawView {
  tasks: DrawTaskView[];
}

/** GET /draws/statistics?year=: realised draw rate per credit grade against the intended one */
export interface DrawStatistics {
  year: number;
  rows: {
    group: CreditGrade | 'POSITIVE_LIST';
    /** firm-draws in the pools of the year's revealed draws */
    inPools: number;
    drawn: number;
    realisedRate: number;
    intendedRate: number;
  }[];
}

// ——— master data import (admin) ———

/** One problem of an import, located as a person finds it in the spreadsheet. */
export interface ImportProblem {
  sheet: string;
  /** The spreadsheet row number; the header is row 1. */
  row: number;
  /** The Chinese header of the column ('' when the problem is the whole row or sheet). */
  column: string;
  value: string;
  /** What is wrong, in Chinese. */
  message: string;
}

export interface ImportSummary {
  firms: { create: number; update: number; unchanged: number };
  gates: { create: number; update: number; unchanged: number };
  positiveList: { create: number; end: number; unchanged: number };
  /** Existing firms whose 环境信用等级 changes. */
  gradesChanged: number;
}

/**
 * POST /master-data/import?dryRun=true|false (the file as the body): 200 with this report, or 422
 * VALIDATION_FAILED carrying it when a real import finds problems (then nothing changed).
 */
export interface ImportReport {
  ok: boolean;
  dryRun: boolean;
  /**
   * Set when the import changed something: its audit entries carry it. A file that changes
   * nothing (an export imported back) writes nothing, not even an audit entry.
   */
  importId?: string;
  summary: ImportSummary;
  problems: ImportProblem[];
  /** Sheets of the workbook the import does not read. */
  ignoredSheets: string[];
}
