import type { CreditGrade } from '../enterprise';
import { purposeNeedsReference, type Purpose } from '../purposes';
import { REASON_CODES, reason, type DecisionReason, type ReasonCode } from '../reasons';
import type { CheckInOutcome } from '../visit';
import { distanceMeters } from './geo';
import type { CheckInPolicy, QuietPeriodRule } from './policy';

/** What verifying the scanned gate code found. */
export const CHECK_IN_CODE_STATUSES = ['VALID', 'REVOKED', 'INVALID'] as const;
export type CheckInCodeStatus = (typeof CHECK_IN_CODE_STATUSES)[number];

export interface CheckInOfficer {
  id: string;
  active: boolean;
  unitId: string;
  /** The level of the officer's unit (e.g. city, district); the annual cap is counted per level. */
  unitLevel: string;
  /**
   * The officer's unit and every unit below it: the firms these units supervise are his
   * jurisdiction (属地管辖). Omitted when unknown (e.g. offline): jurisdiction is not judged then.
   */
  jurisdictionUnitIds?: readonly string[];
}

export interface CheckInCoOfficer {
  id: string;
  active: boolean;
}

export interface CheckInEnterprise {
  id: string;
  /** The unit responsible for supervising the firm; omitted when unknown. */
  unitId?: string;
  /** Membership of the positive list in force at `clientTime`. */
  onPositiveList: boolean;
  creditGrade: CreditGrade;
}

export interface CheckInGate {
  lat: number;
  lng: number;
  /** The gate's own geofence radius in metres, or null for the policy's default. */
  radiusM: number | null;
}

export interface CheckInLocation {
  lat: number;
  lng: number;
  /** Radius of uncertainty the phone reports, metres. */
  accuracy: number;
}

/** An earlier visit to the same firm (not a refused attempt). */
export interface PriorVisit {
  checkedInAt: string;
  purpose: Purpose;
  reference: string | null;
  unitLevel: string;
}

/**
 * A visit already recorded at the same firm with a later time than the one being judged: a
 * check-in synced late, after visits that happened after it (see LATE_SYNC_CONFLICT).
 */
export interface LaterVisit extends PriorVisit {
  id: string;
}

/** The drawn task (双随机) a RANDOM_INSPECTION check-in names by its reference. */
export interface RandomTaskFacts {
  enterpriseId: string;
  officerIds: readonly string[];
  /** 'YYYY-MM-DD', inclusive, in the bureau's time */
  periodStart: string;
  periodEnd: string;
}

/**
 * Everything a check-in decision depends on. The API builds it from the database, the phone from its
 * offline snapshot; the same context gives the same decision on both.
 */
export interface CheckInContext {
  /** ISO 8601 with a zone: when the server (or phone) evaluates. */
  serverTime: string;
  /** ISO 8601 with a zone: when the officer scanned (offline check-ins arrive later). */
  clientTime: string;
  purpose: Purpose;
  /** The reference the purpose needs (task, complaint number, ...); blank counts as none. */
  reference: string | null;
  code: { status: CheckInCodeStatus };
  officer: CheckInOfficer;
  coOfficers: readonly CheckInCoOfficer[];
  enterprise: CheckInEnterprise;
  gate: CheckInGate;
  location: CheckInLocation | null;
  /** Earlier visits to this firm, in any order. */
  priorVisits: readonly PriorVisit[];
  /**
   * Visits to this firm already recorded with a later time (only when this check-in arrives late,
   * after them; none on the phone). Order-dependent rules are judged on the time-ordered record.
   */
  laterVisits?: readonly LaterVisit[];
  /**
   * For RANDOM_INSPECTION: the task the reference names, or null when there is none (refused:
   * a random inspection is made only on a drawn task). Ignored for other purposes.
   */
  randomTask?: RandomTaskFacts | null;
  policy: CheckInPolicy;
}

export interface CheckInDecision {
  outcome: CheckInOutcome;
  /** Refusing reasons first, then flags; each group in the order of REASON_MESSAGES. */
  reasons: DecisionReason[];
  policyVersion: number;
  /**
   * When the visit is recorded as made (canonical UTC ISO): the scan time, or the server's time
   * when the phone's clock is ahead beyond tolerance.
   */
  effectiveTime: string;
}

/** Reasons that refuse entry wherever they occur. */
export const REFUSING_REASON_CODES: readonly ReasonCode[] = [
  'POSITIVE_LIST_NO_DISTURBANCE',
  'ANNUAL_CAP_REACHED',
  'QUIET_PERIOD',
  'REFERENCE_REQUIRED',
  'RANDOM_TASK_MISMATCH',
  'OFFICER_INACTIVE',
  'CODE_REVOKED',
  'CODE_INVALID',
];

/**
 * Whether a reason refuses entry (red) or only flags the visit (amber). REPEAT_VISIT refuses at a
 * firm on the positive list and is a flag elsewhere.
 */
export function isRefusingReason(code: ReasonCode, onPositiveList: boolean): boolean {
  return code === 'REPEAT_VISIT' ? onPositiveList : REFUSING_REASON_CODES.includes(code);
}

/**
 * A refused attempt's reasons split into what refused it and what was only recorded besides (e.g.
 * SINGLE_OFFICER), as the officer reads them. A stored decision does not say whether the firm was
 * on the positive list, so REPEAT_VISIT counts as refusing when nothing else refused, or beside
 * POSITIVE_LIST_NO_DISTURBANCE (a listed firm).
 */
export function splitRefusal(reasons: readonly DecisionReason[]): {
  refusing: DecisionReason[];
  recorded: DecisionReason[];
} {
  const fixed = reasons.filter((r) => REFUSING_REASON_CODES.includes(r.code));
  const listed = fixed.some((r) => r.code === 'POSITIVE_LIST_NO_DISTURBANCE') || fixed.length === 0;
  const refuses = (r: DecisionReason) => isRefusingReason(r.code, listed);
  return { refusing: reasons.filter(refuses), recorded: reasons.filter((r) => !refuses(r)) };
}

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

/** Full date and time with an explicit zone, so that the result does not depend on the device. */
const ISO_INSTANT =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(?:(Z)|([+-])(\d{2}):(\d{2}))$/i;

/**
 * Milliseconds since the epoch of an ISO 8601 date-time with a zone. Parsed by hand rather than
 * with Date.parse, whose handling of out-of-range fields (e.g. 30 February) differs between the
 * JavaScript engines of the server and of phones.
 */
function parseInstant(value: string, field: string): number {
  const match = ISO_INSTANT.exec(value);
  const fail = () => new RangeError(`${field} must be an ISO 8601 date-time with a zone: ${value}`);
  if (match === null) throw fail();
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map((f) => Number(f ?? 0));
  const millis = Number((match[7] ?? '').padEnd(3, '0').slice(0, 3));
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const daysInMonth = month === 2 ? (leap ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
  const zoneHours = Number(match[10] ?? 0);
  const zoneMinutes = Number(match[11] ?? 0);
  if (
    month < 1 ||
    month > 12 ||
    day < 1 ||
    day > daysInMonth ||
    hour > 23 ||
    minute > 59 ||
    second > 59 ||
    zoneHours > 23 ||
    zoneMinutes > 59
  ) {
    throw fail();
  }
  const sign = match[9] === '-' ? -1 : 1;
  const zoneMs = match[8] ? 0 : sign * (zoneHours * 60 + zoneMinutes) * MINUTE_MS;
  // Date.UTC maps years 0..99 to 1900..1999; setUTCFullYear does not.
  const utc = new Date(Date.UTC(2000, month - 1, day, hour, minute, second, millis));
  utc.setUTCFullYear(year);
  return utc.getTime() - zoneMs;
}

function normaliseReference(reference: string | null): string | null {
  const trimmed = reference?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
}

/** The date in the bureau's time zone, read with the getUTC* accessors. */
function localDate(ms: number, policy: CheckInPolicy): Date {
  return new Date(ms + policy.utcOffsetMinutes * MINUTE_MS);
}

function quietRuleApplies(rule: QuietPeriodRule, enterprise: CheckInEnterprise): boolean {
  const ids = rule.enterpriseIds ?? [];
  const grades = rule.creditGrades ?? [];
  const listOnly = rule.positiveListOnly === true;
  if (ids.length === 0 && grades.length === 0 && !listOnly) return true;
  return (
    ids.includes(enterprise.id) ||
    grades.includes(enterprise.creditGrade) ||
    (listOnly && enterprise.onPositiveList)
  );
}

function outsideGeofence(context: CheckInContext): boolean {
  const { location, gate, policy } = context;
  if (location === null || !Number.isFinite(location.lat) || !Number.isFinite(location.lng)) {
    return true;
  }
  const accuracy =
    Number.isFinite(location.accuracy) && location.accuracy > 0 ? location.accuracy : 0;
  const radius = gate.radiusM ?? policy.geofenceDefaultRadiusM;
  // Written as "not inside" so that a coordinate that is not a number never passes.
  return !(distanceMeters(gate, location) - accuracy <= radius);
}

/**
 * Whether visits for `purpose` are outside the annual cap. Complaint verification always is,
 * whatever the policy lists (see CheckInPolicy).
 */
export function isCapExempt(policy: Pick<CheckInPolicy, 'capExemptPurposes'>, purpose: Purpose) {
  return purpose === 'COMPLAINT_VERIFICATION' || policy.capExemptPurposes.includes(purpose);
}

/** What `visitsThatCanMatter` reads of a visit. */
export type VisitFacts = Pick<PriorVisit, 'checkedInAt' | 'purpose' | 'unitLevel'>;

/**
 * Of a firm's earlier and later visits, those that can change the decision on a check-in; the
 * rules decide the same on these alone (the property tests hold them to that), and the check-in's
 * context statement reads only these:
 * - every visit in the repeat window around the scan, a day more on each side, from the earlier of
 *   the two clocks (whichever the rules take);
 * - every visit after that window's start that the annual cap counts at the officer's level (a unit
 *   of the same level, a purpose the cap does not exempt): a later one can be a late-sync conflict;
 * - of the counted visits before the window, the latest `annualCapPerUnitLevel` (ties either way):
 *   the rules ask only whether the year's count reached the cap, and a year's visits before the
 *   window are the latest of them.
 * The order of the visits is kept.
 */
export function visitsThatCanMatter<V extends VisitFacts>(
  visits: readonly V[],
  scan: Pick<CheckInContext, 'serverTime' | 'clientTime' | 'officer' | 'policy'>,
): V[] {
  const { policy } = scan;
  const clientMs = parseInstant(scan.clientTime, 'clientTime');
  const marginMs = (policy.repeatVisitWindowDays + 1) * DAY_MS;
  const windowStart = Math.min(clientMs, parseInstant(scan.serverTime, 'serverTime')) - marginMs;
  const windowEnd = clientMs + marginMs;
  const counted = (visit: V) =>
    visit.unitLevel === scan.officer.unitLevel && !isCapExempt(policy, visit.purpose);
  const timed = visits.map((visit, index) => ({
    visit,
    index,
    at: parseInstant(visit.checkedInAt, 'visit.checkedInAt'),
  }));
  const countedBefore = timed
    .filter(({ visit, at }) => at < windowStart && counted(visit))
    .sort((a, b) => b.at - a.at)
    .slice(0, Math.max(0, policy.annualCapPerUnitLevel));
  const kept = new Set(countedBefore.map(({ index }) => index));
  return timed
    .filter(
      ({ visit, at, index }) =>
        kept.has(index) || (at >= windowStart && (at <= windowEnd || counted(visit))),
    )
    .map(({ visit }) => visit);
}

/**
 * Decides a check-in: ALLOWED, FLAGGED (allowed, reasons recorded) or REFUSED (with reasons).
 * Pure and total over valid contexts: every rule is evaluated, so a refused attempt records all
 * that is wrong with it. Throws RangeError only for a time that is not an ISO date-time with a zone.
 */
export function evaluateCheckIn(context: CheckInContext): CheckInDecision {
  const { policy, officer, enterprise, purpose } = context;
  const serverMs = parseInstant(context.serverTime, 'serverTime');
  const clientMs = parseInstant(context.clientTime, 'clientTime');
  const reference = normaliseReference(context.reference);
  const visits = context.priorVisits.map((visit) => ({
    at: parseInstant(visit.checkedInAt, 'priorVisits.checkedInAt'),
    purpose: visit.purpose,
    reference: normaliseReference(visit.reference),
    unitLevel: visit.unitLevel,
  }));

  const clockSkewed = clientMs - serverMs > policy.clockSkewToleranceMinutes * MINUTE_MS;
  const effectiveMs = clockSkewed ? serverMs : clientMs;
  const effective = localDate(effectiveMs, policy);
  const found = new Set<ReasonCode>();
  const add = (code: ReasonCode, when: boolean) => {
    if (when) found.add(code);
  };

  // The gate code. Anything other than VALID or REVOKED is treated as invalid (fail closed).
  add('CODE_REVOKED', context.code.status === 'REVOKED');
  add('CODE_INVALID', context.code.status !== 'VALID' && context.code.status !== 'REVOKED');

  // The officers. The officer listing himself as a co-officer neither counts nor is checked twice.
  const others = context.coOfficers.filter((co) => co.id !== officer.id);
  add('OFFICER_INACTIVE', !officer.active || others.some((co) => !co.active));
  const team = new Set(others.filter((co) => co.active).map((co) => co.id));
  add('SINGLE_OFFICER', 1 + team.size < policy.minOfficers);

  add('REFERENCE_REQUIRED', purposeNeedsReference(purpose) && reference === null);

  const taskProblem =
    purpose === 'RANDOM_INSPECTION' && reference !== null
      ? randomTaskProblem(context, effective, [officer.id, ...team])
      : null;
  add('RANDOM_TASK_MISMATCH', taskProblem !== null);

  add(
    'POSITIVE_LIST_NO_DISTURBANCE',
    enterprise.onPositiveList && !policy.positiveListAllowedPurposes.includes(purpose),
  );

  // Annual cap: non-exempt visits by units of the same level in the same calendar year.
  const capExempt = (p: Purpose) => isCapExempt(policy, p);
  if (!capExempt(purpose)) {
    const year = effective.getUTCFullYear();
    const counted = visits.filter(
      (visit) =>
        visit.unitLevel === officer.unitLevel &&
        !capExempt(visit.purpose) &&
        localDate(visit.at, policy).getUTCFullYear() === year,
    ).length;
    add('ANNUAL_CAP_REACHED', counted >= policy.annualCapPerUnitLevel);
  }

  const day = effective.getUTCDate();
  add(
    'QUIET_PERIOD',
    purpose !== 'COMPLAINT_VERIFICATION' &&
      policy.quietPeriodRefusedPurposes.includes(purpose) &&
      policy.quietPeriods.some(
        (rule) => rule.daysOfMonth.includes(day) && quietRuleApplies(rule, enterprise),
      ),
  );

  // Repeat visit: an earlier visit within the window, and no new cause for this one.
  const windowMs = policy.repeatVisitWindowDays * DAY_MS;
  add(
    'REPEAT_VISIT',
    visits.some((visit) => {
      const age = effectiveMs - visit.at;
      if (age < 0 || age > windowMs) return false;
      return (
        purpose === 'ROUTINE' ||
        (visit.purpose === purpose && reference !== null && visit.reference === reference)
      );
    }),
  );

  add('OUT_OF_JURISDICTION', outOfJurisdiction(context, reference, effective));
  add('OUT_OF_GEOFENCE', outsideGeofence(context));
  add('LATE_SYNC', serverMs - clientMs > policy.backfillWindowDays * DAY_MS);
  add('CLOCK_SKEW', clockSkewed);

  // Judged on the time-ordered record: later visits already recorded that this one, arriving
  // late, pushes over the cap or makes repeats. Not for a refused attempt: it is no visit.
  const refusedAnyway = [...found].some((code) =>
    isRefusingReason(code, enterprise.onPositiveList),
  );
  const conflicts = refusedAnyway ? [] : lateSyncConflicts(context, effectiveMs);
  add('LATE_SYNC_CONFLICT', conflicts.length > 0);

  const refusing = REASON_CODES.filter(
    (code) => found.has(code) && isRefusingReason(code, enterprise.onPositiveList),
  );
  const flags = REASON_CODES.filter(
    (code) => found.has(code) && !isRefusingReason(code, enterprise.onPositiveList),
  );
  return {
    outcome: refusing.length > 0 ? 'REFUSED' : flags.length > 0 ? 'FLAGGED' : 'ALLOWED',
    reasons: [...refusing, ...flags].map((code) => {
      if (code === 'RANDOM_TASK_MISMATCH' && taskProblem) {
        return { ...reason(code), detail: taskProblem };
      }
      if (code === 'LATE_SYNC_CONFLICT') {
        return {
          ...reason(code),
          detail: [...new Set(conflicts.map((c) => c.rule))].join(','),
          conflictsWith: [...new Set(conflicts.map((c) => c.visitId))],
        };
      }
      return reason(code);
    }),
    policyVersion: policy.version,
    effectiveTime: new Date(effectiveMs).toISOString(),
  };
}

/** The order-dependent rules a late-synced check-in can break on the time-ordered record. */
export type LateSyncRule = 'ANNUAL_CAP_REACHED' | 'REPEAT_VISIT';

/**
 * The later visits (already recorded) that this check-in conflicts with once the record is put in
 * time order: with it inserted before them, the year's count at this unit level passes the cap
 * (each later counted visit beyond the cap conflicts), or a later visit falls within the repeat
 * window after it without a new cause.
 */
function lateSyncConflicts(
  context: CheckInContext,
  effectiveMs: number,
): { rule: LateSyncRule; visitId: string }[] {
  const later = context.laterVisits ?? [];
  if (later.length === 0) return [];
  const { policy, officer, purpose } = context;
  const reference = normaliseReference(context.reference);
  const conflicts: { rule: LateSyncRule; visitId: string }[] = [];
  const capExempt = (p: Purpose) => isCapExempt(policy, p);
  const yearOf = (ms: number) => localDate(ms, policy).getUTCFullYear();
  const year = yearOf(effectiveMs);
  const visits = later
    .map((visit) => ({ ...visit, at: parseInstant(visit.checkedInAt, 'laterVisits.checkedInAt') }))
    .filter((visit) => visit.at > effectiveMs)
    .sort((a, b) => a.at - b.at);

  if (!capExempt(purpose)) {
    const countsAtLevel = (visit: { purpose: Purpose; unitLevel: string; at: number }) =>
      visit.unitLevel === officer.unitLevel &&
      !capExempt(visit.purpose) &&
      yearOf(visit.at) === year;
    const before = context.priorVisits.filter((visit) =>
      countsAtLevel({ ...visit, at: parseInstant(visit.checkedInAt, 'priorVisits.checkedInAt') }),
    ).length;
    // This visit takes place number before + 1; each later counted one moves one place down.
    let place = before + 1;
    for (const visit of visits.filter(countsAtLevel)) {
      place += 1;
      if (place > policy.annualCapPerUnitLevel) {
        conflicts.push({ rule: 'ANNUAL_CAP_REACHED', visitId: visit.id });
      }
    }
  }

  const windowMs = policy.repeatVisitWindowDays * DAY_MS;
  for (const visit of visits) {
    if (visit.at - effectiveMs > windowMs) continue;
    const laterReference = normaliseReference(visit.reference);
    const repeats =
      visit.purpose === 'ROUTINE' ||
      (visit.purpose === purpose && laterReference !== null && laterReference === reference);
    if (repeats) conflicts.push({ rule: 'REPEAT_VISIT', visitId: visit.id });
  }
  return conflicts;
}

/**
 * 属地管辖: the firm is supervised by a unit outside the officer's unit's subtree, and the
 * reference names no assignment in force (joint enforcement or 指定管辖, policy data) that
 * covers this officer's unit and this firm. Unknown units (offline) are not judged.
 */
function outOfJurisdiction(
  context: CheckInContext,
  reference: string | null,
  effective: Date,
): boolean {
  const { officer, enterprise, policy } = context;
  if (!enterprise.unitId || !officer.jurisdictionUnitIds) return false;
  if (officer.jurisdictionUnitIds.includes(enterprise.unitId)) return false;
  const day = effective.toISOString().slice(0, 10);
  return !(policy.jurisdictionAssignments ?? []).some(
    (assignment) =>
      reference !== null &&
      assignment.reference.trim() === reference &&
      assignment.unitIds.includes(officer.unitId) &&
      assignment.enterpriseIds.includes(enterprise.id) &&
      day >= assignment.validFrom &&
      day <= assignment.validTo,
  );
}

/**
 * Why the drawn task does not cover this check-in, or null when it does: it must exist, name this
 * firm, be in its period on the day of the visit, and have assigned every officer of the visit.
 */
function randomTaskProblem(
  context: CheckInContext,
  effective: Date,
  officerIds: readonly string[],
): 'UNKNOWN_TASK' | 'OTHER_FIRM' | 'OUTSIDE_PERIOD' | 'NOT_ASSIGNED' | null {
  const task = context.randomTask;
  if (!task) return 'UNKNOWN_TASK';
  if (task.enterpriseId !== context.enterprise.id) return 'OTHER_FIRM';
  const day = effective.toISOString().slice(0, 10);
  if (day < task.periodStart || day > task.periodEnd) return 'OUTSIDE_PERIOD';
  if (officerIds.some((id) => !task.officerIds.includes(id))) return 'NOT_ASSIGNED';
  return null;
}
