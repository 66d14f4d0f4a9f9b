import { Injectable } from '@nestjs/common';
import {
  type CheckInContext,
  type CheckInDecision,
  type CheckInPreview,
  DEFAULT_CHECK_IN_POLICY,
  evaluateCheckIn,
  type LaterVisit,
  type ParsedBody,
  type PriorVisit,
  PURPOSE_INFO,
  PURPOSES,
  type Purpose,
  refuseUnverifiableCode,
  type VisitOfficerView,
} from '@qinqing/domain';
import { randomUUID } from 'node:crypto';
import { QueryFailedError } from 'typeorm';
import { contentAroundSeq, entryContent } from '../audit/audit-hash';
import { newVisitDigest } from '../audit/row-digest';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { Authenticator } from '../auth/authenticator';
import { DomainException } from '../common/errors/domain.exception';
import { RATE_LIMIT_WINDOW_MS, rateLimited, rateLimitKey } from '../common/rate-limit';
import { Env } from '../config/env';
import { EnterprisesRepository } from '../enterprises/enterprises.repository';
import { Transactions, type Tx } from '../database/transactions';
import { GateCodesService, scannedCode, type ScannedCode } from '../gates/gate-codes.service';
import { policyOfVersion } from '../policy/policy-in-force';
import type { VisitView } from '../visits/visit-view';
import { VisitsService } from '../visits/visits.service';
import {
  type CheckInContextRow,
  type CheckInOfficerRow,
  CheckInRepository,
  type CheckInWrite,
} from './check-in.repository';

/** The check-in's limit per officer and minute: counted by the check-in's own statements. */
const CHECK_IN_LIMIT = 'CHECK_IN_RATE_LIMIT_PER_MINUTE';

/** What a scan says before its purpose: the check-in's body, or the preview's. */
type CheckInBody = ParsedBody<'checkIn'>;

type ScanInput = Pick<CheckInBody, 'code' | 'reference' | 'coOfficerIds' | 'location'> & {
  clientTime?: string;
  clientId?: string;
};

/** A scan judged: the facts the rules read, and `judge` to apply them for a purpose. */
interface ScanFacts {
  context: CheckInContextRow;
  officer: CheckInOfficerRow;
  coOfficers: CheckInOfficerRow[];
  scanned: ScannedCode;
  clientTime: Date;
  receivedAt: Date;
  policyVersion: number;
  /** null when the code names no gate (refused whatever the purpose) */
  gate: CheckInContextRow['gate'];
  firm: CheckInContextRow['firm'];
  judge(purpose: Purpose): CheckInDecision;
}

export type CheckInResult =
  | { refused: false; visit: VisitView; decision: VisitView['decision'] }
  | { refused: true; attemptId: string; decision: VisitView['decision']; visit: VisitView };

type Recording =
  | { kind: 'recorded'; result: CheckInResult }
  | { kind: 'replay'; recorded: { id: string; officerId: string } }
  /** another check-in was recorded at the firm after this one's context was read: nothing written */
  | { kind: 'stale' };

/**
 * 先扫码、后入企: verifies the scanned code, judges the attempt by the rules in force at the
 * time of the scan, records it (visit or refused attempt), appends the audit entry and notifies
 * the firm: two round trips, the second writing everything at once (CheckInRepository). Check-ins
 * at one firm are judged one after the other: one that finds the firm moved on when it writes is
 * judged again with the firm locked. Idempotent on the phone's clientId.
 */
@Injectable()
export class CheckInsService {
  constructor(
    private readonly transactions: Transactions,
    private readonly checkIns: CheckInRepository,
    private readonly gateCodes: GateCodesService,
    private readonly visits: VisitsService,
    private readonly authenticator: Authenticator,
    private readonly enterprises: EnterprisesRepository,
    private readonly env: Env,
  ) {}

  async checkIn(caller: AuthenticatedUser, dto: CheckInBody): Promise<CheckInResult> {
    try {
      // Judged and written without a transaction block: nothing is held while the app judges.
      let recording = await this.record(undefined, caller, dto);
      // Another check-in at the firm was recorded in between (it may make this one a repeat, or
      // the year's last allowed one): judged again on the firm locked, where none can slip in.
      if (recording.kind === 'stale') {
        recording = await this.transactions.run((tx) => this.record(tx, caller, dto));
      }
      if (recording.kind === 'stale') throw new Error('check-in: the firm moved on while locked');
      if (recording.kind === 'recorded') return recording.result;
      return await this.replay(caller, recording.recorded);
    } catch (error) {
      // The same clientId sent twice at once: the loser returns the winner's result.
      if (isUniqueViolation(error, 'client_id')) {
        const winner = await this.checkIns.recordedWith(dto.clientId);
        if (winner) return this.replay(caller, winner);
      }
      throw error;
    }
  }

  /** The result of a check-in recorded earlier with the same clientId (a phone's retry). */
  private async replay(
    caller: AuthenticatedUser,
    recorded: { id: string; officerId: string },
  ): Promise<CheckInResult> {
    if (recorded.officerId !== caller.id) throw new DomainException('CLIENT_ID_REUSED');
    return resultOf(await this.visits.get(caller, recorded.id));
  }

  /**
   * 预判: what each purpose would give if submitted now, judged on the same facts and by the same
   * rules as a check-in (nothing is recorded, nothing locked).
   */
  async preview(
    caller: AuthenticatedUser,
    dto: ParsedBody<'previewCheckIn'>,
  ): Promise<CheckInPreview> {
    const facts = await this.facts(undefined, caller, dto, new Date(), null);
    const decisions = {} as CheckInPreview['decisions'];
    for (const purpose of PURPOSES) {
      const { outcome, reasons } = facts.judge(purpose);
      decisions[purpose] = { outcome, reasons };
    }
    return {
      enterprise: facts.firm && {
        id: facts.firm.id,
        name: facts.firm.name,
        onPositiveList: facts.context.listed,
        creditGrade: facts.firm.creditGrade,
      },
      gate: facts.gate && { id: facts.gate.id, name: facts.gate.name },
      policyVersion: facts.policyVersion,
      decisions,
      evaluatedAt: facts.receivedAt.toISOString(),
    };
  }

  /**
   * Judges the check-in and writes it. Without `tx`, on its own and unlocked: 'stale' when the firm
   * moved on in between. In `tx`, on the firm locked first.
   */
  private async record(
    tx: Tx | undefined,
    caller: AuthenticatedUser,
    dto: CheckInBody,
  ): Promise<Recording> {
    const receivedAt = new Date();
    const limit = {
      key: rateLimitKey(CHECK_IN_LIMIT, caller.id),
      now: receivedAt.getTime(),
      windowMs: RATE_LIMIT_WINDOW_MS,
      perWindow: this.env[CHECK_IN_LIMIT],
    };
    const facts = await this.facts(tx, caller, dto, receivedAt, limit);
    const { context, officer, coOfficers, scanned, gate } = facts;
    // A phone's retry of a recorded check-in is answered with it and not counted: a phone retrying
    // through a bad signal would otherwise lock its officer out.
    if (context.recorded) return { kind: 'replay', recorded: context.recorded };
    // Past the limit already: refused before anything is written (a flood costs one read each).
    const window = context.limitWindow;
    if (window && window.hits >= limit.perWindow) throw rateLimited(window.windowStart, limit.now);
    const decision = facts.judge(dto.purpose);
    const reference = dto.reference?.trim() || null;
    const visitId = randomUUID();
    const signed = scanned.status === 'INVALID' ? null : scanned;
    const officers = [officer, ...coOfficers];
    const visit: CheckInWrite['visit'] = {
      id: visitId,
      clientId: dto.clientId.toLowerCase(),
      officerId: officer.id,
      unitId: officer.unitId!,
      enterpriseId: signed?.enterpriseId ?? null,
      gateId: signed?.gateId ?? null,
      codeVersion: signed?.version ?? null,
      purpose: dto.purpose,
      reference,
      outcome: decision.outcome,
      reasons: decision.reasons,
      policyVersion: decision.policyVersion,
      lat: dto.location?.lat ?? null,
      lng: dto.location?.lng ?? null,
      locationAccuracy: dto.location?.accuracy ?? null,
      clientTime: facts.clientTime,
      receivedAt: facts.receivedAt,
      checkedInAt: new Date(decision.effectiveTime),
    };
    const officerRows = officers.map((o, i) => ({ id: o.id, isLead: i === 0 }));
    const entry = this.auditEntry(context.chain, visit, officerRows, {
      clientId: visit.clientId,
      enterpriseId: visit.enterpriseId,
      gateId: visit.gateId,
      purpose: dto.purpose,
      reference,
      officerIds: officers.map((o) => o.id),
      outcome: decision.outcome,
      reasons: decision.reasons.map((r) => r.code),
      policyVersion: decision.policyVersion,
      clientTime: facts.clientTime.toISOString(),
      codeProblem: scanned.status === 'INVALID' ? scanned.problem : null,
    });
    const notification =
      signed && gate
        ? {
            enterpriseId: signed.enterpriseId,
            kind: 'OFFICER_AT_GATE',
            payload: {
              visitId,
              gateName: gate.name,
              purpose: dto.purpose,
              purposeLabel: PURPOSE_INFO[dto.purpose].label,
              reference,
              outcome: decision.outcome,
              at: decision.effectiveTime,
              officers: officers.map((o) => ({
                name: o.name,
                badgeNumber: o.badgeNumber,
                unitName: o.unitName,
              })),
            },
          }
        : null;
    const written = await this.checkIns.record(
      {
        visit,
        officers: officerRows,
        notification,
        entry,
        firmSeq: facts.firm?.checkInSeq ?? null,
        limit,
      },
      tx,
    );
    if (written === 'stale') return { kind: 'stale' };
    // Calls sent at once all passed the read above; the count in the write lets through only
    // as many as the limit.
    if (typeof written === 'object') throw rateLimited(written.limited.windowStart, limit.now);
    return { kind: 'recorded', result: resultOf(viewOf(visit, officers, facts)) };
  }

  /**
   * The visit's audit entry on its unit's chain, but for its seq and hashes: the write statement
   * takes them from the chain's head (contentAroundSeq gives it the content around the seq).
   */
  private auditEntry(
    chain: number,
    visit: CheckInWrite['visit'],
    officers: { id: string; isLead: boolean }[],
    data: Record<string, unknown>,
  ): CheckInWrite['entry'] {
    const fields = {
      chain,
      at: new Date(),
      actorId: visit.officerId,
      action: 'CHECK_IN',
      subjectType: 'visit',
      subjectId: visit.id,
      data,
      rowTable: 'visit' as const,
      rowId: visit.id,
      rowDigest: newVisitDigest({ ...visit, officers }),
    };
    const { before, after } = contentAroundSeq(entryContent({ ...fields, seq: '' }));
    return { ...fields, contentBeforeSeq: before, contentAfterSeq: after };
  }

  /**
   * Everything the rules read about a scan, gathered by one statement: the officer and
   * co-officers, the code and its gate, the firm (locked first in `tx`, so that concurrent
   * check-ins there wait and are judged one after the other), its list membership, the visits
   * around the scan, the task the reference names, and the policy in force when the officer
   * scanned (never one from the future). `judge` applies the rules for a purpose.
   */
  private async facts(
    tx: Tx | undefined,
    caller: AuthenticatedUser,
    input: ScanInput,
    receivedAt: Date,
    limit: { key: string; now: number } | null,
  ): Promise<ScanFacts> {
    const clientTime = input.clientTime ? new Date(input.clientTime) : receivedAt;
    const judgedAt = clientTime > receivedAt ? receivedAt : clientTime;
    const verified = this.gateCodes.verify(input.code);
    const coOfficerIds = [...new Set((input.coOfficerIds ?? []).map((id) => id.toLowerCase()))];
    // Locked by a statement of its own, before the context is read: a lock taken by the context
    // statement would give the firm's row as it is after the wait and its visits from before it.
    // No check-in can be written at the firm until `tx` ends (its write waits for this lock).
    if (tx && verified.ok) await this.enterprises.lockForUpdate(verified.payload.enterpriseId, tx);
    const context = await this.checkIns.gather(
      {
        officerId: caller.id,
        coOfficerIds,
        signed: verified.ok ? verified.payload : null,
        clientTime,
        judgedAt,
        reference: input.reference?.trim() || null,
        clientId: input.clientId ?? null,
        limit,
        defaults: DEFAULT_CHECK_IN_POLICY,
      },
      tx,
    );
    const { officer } = context;
    // The token's account, read by the context statement (the route @ChecksAccountItself).
    this.authenticator.checkAccount(caller, officer);
    if (!officer) throw new DomainException('UNAUTHENTICATED');
    if (!context.policy) {
      throw new Error('no check-in policy: migrations and bootstrap must create version 1');
    }
    const policy = policyOfVersion(context.policy);
    const coOfficers = checkCoOfficers(officer.id, coOfficerIds, context.coOfficers);
    const scanned = scannedCode(verified, context.code);
    const base = {
      context,
      officer,
      coOfficers,
      scanned,
      clientTime,
      receivedAt,
      policyVersion: policy.version,
    };

    const { gate, firm } = context;
    // A code whose gate (or firm) no longer exists names nothing: refused like an unknown code.
    if (scanned.status === 'INVALID' || !gate || !firm) {
      const problem = scanned.status === 'INVALID' ? scanned.problem : 'UNKNOWN_CODE';
      const refusal = refuseUnverifiableCode(policy, judgedAt, problem);
      return { ...base, gate: null, firm: null, judge: () => refusal };
    }

    const { prior, later } = splitAround(context.visitsAround, clientTime);
    const rules: Omit<CheckInContext, 'purpose'> = {
      serverTime: receivedAt.toISOString(),
      clientTime: clientTime.toISOString(),
      reference: input.reference ?? null,
      code: { status: scanned.status },
      officer: {
        id: officer.id,
        active: officer.active,
        unitId: officer.unitId ?? '',
        unitLevel: officer.unitLevel ?? '',
        jurisdictionUnitIds: officer.unitId ? context.jurisdiction : undefined,
      },
      coOfficers: coOfficers.map((co) => ({ id: co.id, active: co.active })),
      enterprise: {
        id: firm.id,
        onPositiveList: context.listed,
        creditGrade: firm.creditGrade,
        unitId: firm.unitId ?? undefined,
      },
      gate: { lat: gate.lat, lng: gate.lng, radiusM: gate.radiusM },
      location: input.location ?? null,
      priorVisits: prior,
      laterVisits: later,
      policy,
    };
    return {
      ...base,
      gate,
      firm,
      judge: (purpose) =>
        evaluateCheckIn({
          ...rules,
          purpose,
          randomTask: purpose === 'RANDOM_INSPECTION' ? context.randomTask : null,
        }),
    };
  }
}

/** Co-officers must be officers; an unknown id is an input error (nothing is recorded). */
function checkCoOfficers(
  officerId: string,
  wanted: string[],
  found: CheckInOfficerRow[],
): CheckInOfficerRow[] {
  const missing = wanted.filter((id) => id !== officerId && !found.some((u) => u.id === id));
  if (missing.length > 0) {
    throw new DomainException('VALIDATION_FAILED', {
      errors: missing.map((id) => ({ field: 'coOfficerIds', message: `找不到执法人员 ${id}` })),
    });
  }
  return found.filter((u) => u.id !== officerId);
}

/**
 * The firm's visits around the scan: those up to it are the prior visits; those after it were
 * recorded before this check-in arrived (it synced late) and are judged with it on the
 * time-ordered record.
 */
function splitAround(
  rows: CheckInContextRow['visitsAround'],
  clientTime: Date,
): { prior: PriorVisit[]; later: LaterVisit[] } {
  const prior: PriorVisit[] = [];
  const later: LaterVisit[] = [];
  for (const { id, ...visit } of rows) {
    if (new Date(visit.checkedInAt) <= clientTime) prior.push(visit);
    else later.push({ ...visit, id });
  }
  return { prior, later };
}

/** The answer, from what the transaction wrote: nothing is read back. */
function viewOf(
  visit: CheckInWrite['visit'],
  officers: CheckInOfficerRow[],
  facts: ScanFacts,
): VisitView {
  const officerViews: VisitOfficerView[] = officers.map((o, i) => ({
    id: o.id,
    name: o.name,
    badgeNumber: o.badgeNumber,
    unitId: o.unitId,
    unitName: o.unitName,
    isLead: i === 0,
  }));
  return {
    id: visit.id,
    clientId: visit.clientId,
    enterpriseId: visit.enterpriseId,
    enterpriseName: visit.enterpriseId ? (facts.context.firm?.name ?? null) : null,
    gateId: visit.gateId,
    gateName: visit.gateId ? (facts.context.gate?.name ?? null) : null,
    unitId: visit.unitId,
    purpose: visit.purpose,
    reference: visit.reference,
    officers: officerViews,
    decision: {
      outcome: visit.outcome as VisitView['decision']['outcome'],
      reasons: visit.reasons as VisitView['decision']['reasons'],
      policyVersion: visit.policyVersion,
    },
    location:
      visit.lat === null || visit.lng === null
        ? null
        : { lat: visit.lat, lng: visit.lng, accuracy: visit.locationAccuracy },
    clientTime: visit.clientTime.toISOString(),
    receivedAt: visit.receivedAt.toISOString(),
    checkedInAt: visit.checkedInAt.toISOString(),
    checkedOutAt: null,
    findings: null,
    notes: null,
    rectifyBy: null,
    autoClosed: false,
  };
}

function resultOf(view: VisitView): CheckInResult {
  return view.decision.outcome === 'REFUSED'
    ? { refused: true, attemptId: view.id, decision: view.decision, visit: view }
    : { refused: false, visit: view, decision: view.decision };
}

function isUniqueViolation(error: unknown, column: string): boolean {
  if (!(error instanceof QueryFailedError)) return false;
  const driverError = error.driverError as { code?: string; detail?: string };
  return driverError.code === '23505' && (driverError.detail ?? '').includes(column);
}
