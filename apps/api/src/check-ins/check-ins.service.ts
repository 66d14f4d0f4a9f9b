import { Injectable } from '@nestjs/common';
import {
  type CheckInContext,
  type CheckInDecision,
  type CheckInPreview,
  evaluateCheckIn,
  PURPOSES,
  type Purpose,
  type RandomTaskFacts,
  PURPOSE_INFO,
  refuseUnverifiableCode,
  type CheckInPolicy,
  type LaterVisit,
  type ParsedBody,
  type PriorVisit,
} from '@qinqing/domain';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager, In, QueryFailedError } from 'typeorm';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { AuditService } from '../audit/audit.service';
import { DomainException } from '../common/errors/domain.exception';
import { Enterprise } from '../enterprises/enterprise.entity';
import { Gate } from '../enterprises/gate.entity';
import { localDay, onPositiveListSql } from '../enterprises/positive-list';
import { GateCodesService, type ScannedCode } from '../gates/gate-codes.service';
import { NotificationsService } from '../notifications/notifications.service';
import { PolicyService } from '../policy/policy.service';
import { Unit } from '../units/unit.entity';
import { User } from '../users/user.entity';
import { toVisitViews, type VisitView } from '../visits/visit-view';
import { VisitOfficer } from '../visits/visit-officer.entity';
import { Visit } from '../visits/visit.entity';
import { asTx } from '../database/transactions';

/** What a scan says before its purpose: the check-in's body, or the preview's. */
type CheckInBody = ParsedBody<'checkIn'>;

type ScanInput = Pick<CheckInBody, 'code' | 'reference' | 'coOfficerIds' | 'location'> & {
  clientTime?: string;
};

interface ScanFacts {
  officer: User;
  coOfficers: User[];
  scanned: ScannedCode;
  policy: CheckInPolicy;
  /** null when the code names no gate (refused whatever the purpose) */
  gate: Gate | null;
  enterprise: Enterprise | null;
  onPositiveList: boolean;
  judge(purpose: Purpose): CheckInDecision;
}

export type CheckInResult =
  | { refused: false; visit: VisitView; decision: VisitView['decision'] }
  | { refused: true; attemptId: string; decision: VisitView['decision']; visit: VisitView };

const DAY_MS = 86_400_000;

/**
 * 先扫码、后入企: verifies the scanned code, judges the attempt by the rules in force at the
 * time of the scan, records it (visit or refused attempt), appends the audit entry and notifies
 * the firm, all in one transaction. Idempotent on the phone's clientId.
 */
@Injectable()
export class CheckInsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly gateCodes: GateCodesService,
    private readonly policies: PolicyService,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
  ) {}

  async checkIn(caller: AuthenticatedUser, dto: CheckInBody): Promise<CheckInResult> {
    const earlier = await this.replay(caller, dto.clientId);
    if (earlier) return earlier;
    try {
      const visitId = await this.dataSource.transaction((manager) =>
        this.record(manager, caller, dto),
      );
      return this.result(visitId);
    } catch (error) {
      // The same clientId sent twice at once: the loser returns the winner's result.
      if (isUniqueViolation(error, 'client_id')) {
        const winner = await this.replay(caller, dto.clientId);
        if (winner) return winner;
      }
      throw error;
    }
  }

  private async replay(
    caller: AuthenticatedUser,
    clientId: string,
  ): Promise<CheckInResult | undefined> {
    const existing = await this.dataSource.getRepository(Visit).findOneBy({ clientId });
    if (!existing) return undefined;
    if (existing.officerId !== caller.id) throw new DomainException('CLIENT_ID_REUSED');
    return this.result(existing.id);
  }

  private async result(visitId: string): Promise<CheckInResult> {
    const visit = await this.dataSource.getRepository(Visit).findOneByOrFail({ id: visitId });
    const [view] = await toVisitViews(this.dataSource.manager, [visit]);
    return view.decision.outcome === 'REFUSED'
      ? { refused: true, attemptId: view.id, decision: view.decision, visit: view }
      : { refused: false, visit: view, decision: view.decision };
  }

  /**
   * 预判: what each purpose would give if submitted now, judged on the same facts and by the same
   * rules as a check-in (nothing is recorded, nothing locked).
   */
  async preview(
    caller: AuthenticatedUser,
    dto: ParsedBody<'previewCheckIn'>,
  ): Promise<CheckInPreview> {
    const receivedAt = new Date();
    const facts = await this.facts(this.dataSource.manager, caller, dto, receivedAt, {
      lockFirm: false,
    });
    const decisions = {} as CheckInPreview['decisions'];
    for (const purpose of PURPOSES) {
      const { outcome, reasons } = facts.judge(purpose);
      decisions[purpose] = { outcome, reasons };
    }
    return {
      enterprise: facts.enterprise && {
        id: facts.enterprise.id,
        name: facts.enterprise.name,
        onPositiveList: facts.onPositiveList,
        creditGrade: facts.enterprise.creditGrade,
      },
      gate: facts.gate && { id: facts.gate.id, name: facts.gate.name },
      policyVersion: facts.policy.version,
      decisions,
      evaluatedAt: receivedAt.toISOString(),
    };
  }

  private async record(
    manager: EntityManager,
    caller: AuthenticatedUser,
    dto: CheckInBody,
  ): Promise<string> {
    const receivedAt = new Date();
    const clientTime = new Date(dto.clientTime);
    const facts = await this.facts(manager, caller, dto, receivedAt, { lockFirm: true });
    const { officer, coOfficers, scanned, gate } = facts;
    const decision = facts.judge(dto.purpose);
    const reference = dto.reference?.trim() || null;

    const visitId = randomUUID();
    const enterpriseId = scanned.status === 'INVALID' ? null : scanned.code.enterpriseId;
    const gateId = scanned.status === 'INVALID' ? null : scanned.code.gateId;
    await manager.insert(Visit, {
      id: visitId,
      clientId: dto.clientId,
      officerId: officer.id,
      unitId: officer.unitId!,
      enterpriseId,
      gateId,
      codeVersion: scanned.status === 'INVALID' ? null : scanned.code.version,
      purpose: dto.purpose,
      reference,
      outcome: decision.outcome,
      reasons: decision.reasons,
      policyVersion: decision.policyVersion,
      lat: dto.location?.lat ?? null,
      lng: dto.location?.lng ?? null,
      locationAccuracy: dto.location?.accuracy ?? null,
      clientTime,
      receivedAt,
      checkedInAt: new Date(decision.effectiveTime),
    });
    await manager.insert(VisitOfficer, [
      { visitId, officerId: officer.id, isLead: true },
      ...coOfficers.map((co) => ({ visitId, officerId: co.id, isLead: false })),
    ]);
    if (enterpriseId && gate) {
      await this.notifyFirm(
        manager,
        enterpriseId,
        visitId,
        gate,
        [officer, ...coOfficers],
        dto,
        decision,
      );
    }
    // Last before commit: the chain head stays locked for as short a time as possible.
    await this.audit.append(asTx(manager), {
      actorId: officer.id,
      action: 'CHECK_IN',
      subjectType: 'visit',
      subjectId: visitId,
      data: {
        clientId: dto.clientId,
        enterpriseId,
        gateId,
        purpose: dto.purpose,
        reference,
        officerIds: [officer.id, ...coOfficers.map((co) => co.id)],
        outcome: decision.outcome,
        reasons: decision.reasons.map((r) => r.code),
        policyVersion: decision.policyVersion,
        clientTime: clientTime.toISOString(),
        codeProblem: scanned.status === 'INVALID' ? scanned.problem : null,
      },
      row: { table: 'visit', id: visitId },
      chainKey: officer.unitId!, // the visit's unit: its entries are one chain
    });
    return visitId;
  }

  /**
   * Everything the rules read about a scan, gathered once: the officer and co-officers, the code
   * and its gate, the firm (locked when recording, so that concurrent check-ins there are judged
   * one after the other), its list membership, the visits around the scan, the task the
   * reference names, and the policy in force when the officer scanned (never one from the
   * future). `judge` applies the rules for a purpose.
   */
  private async facts(
    manager: EntityManager,
    caller: AuthenticatedUser,
    input: ScanInput,
    receivedAt: Date,
    options: { lockFirm: boolean },
  ): Promise<ScanFacts> {
    const clientTime = input.clientTime ? new Date(input.clientTime) : receivedAt;
    const officer = await manager.getRepository(User).findOneByOrFail({ id: caller.id });
    const coOfficers = await this.loadCoOfficers(manager, officer.id, input.coOfficerIds ?? []);
    const scanned = await this.gateCodes.resolve(input.code, asTx(manager));
    const judgedAt = clientTime > receivedAt ? receivedAt : clientTime;
    const policy = await this.policies.inForceAt(judgedAt, manager);
    const base = { officer, coOfficers, scanned, policy };

    const gate =
      scanned.status === 'INVALID'
        ? null
        : await manager.getRepository(Gate).findOneBy({ id: scanned.code.gateId });
    // A code whose gate no longer exists names nothing: refused like an unknown code.
    if (scanned.status === 'INVALID' || !gate) {
      const problem = scanned.status === 'INVALID' ? scanned.problem : 'UNKNOWN_CODE';
      const refusal = refuseUnverifiableCode(policy, judgedAt, problem);
      return { ...base, gate: null, enterprise: null, onPositiveList: false, judge: () => refusal };
    }

    const firms = manager.getRepository(Enterprise).createQueryBuilder('e');
    if (options.lockFirm) firms.setLock('for_no_key_update');
    const enterprise = await firms
      .where('e.id = :id', { id: scanned.code.enterpriseId })
      .getOneOrFail();
    const [{ listed }] = await manager
      .getRepository(Enterprise)
      .createQueryBuilder('e')
      .select(onPositiveListSql('e', 'day'), 'listed')
      .where('e.id = :id', { id: enterprise.id })
      .setParameter('day', localDay(clientTime, policy.utcOffsetMinutes))
      .getRawMany<{ listed: boolean }>();
    const unit = await this.officerUnit(manager, officer.unitId);
    const visits = await this.visitsAround(manager, enterprise.id, clientTime, policy);
    const randomTask = await this.randomTask(manager, input.reference);
    const context: Omit<CheckInContext, 'purpose'> = {
      serverTime: receivedAt.toISOString(),
      clientTime: clientTime.toISOString(),
      reference: input.reference ?? null,
      code: { status: scanned.status },
      officer: {
        id: officer.id,
        active: officer.active,
        unitId: officer.unitId ?? '',
        unitLevel: unit.level,
        jurisdictionUnitIds: unit.subtree,
      },
      coOfficers: coOfficers.map((co) => ({ id: co.id, active: co.active })),
      enterprise: {
        id: enterprise.id,
        onPositiveList: listed,
        creditGrade: enterprise.creditGrade,
        unitId: enterprise.unitId,
      },
      gate: { lat: gate.lat, lng: gate.lng, radiusM: gate.radiusM },
      location: input.location ?? null,
      priorVisits: visits.prior,
      laterVisits: visits.later,
      policy,
    };
    return {
      ...base,
      gate,
      enterprise,
      onPositiveList: listed,
      judge: (purpose) =>
        evaluateCheckIn({
          ...context,
          purpose,
          randomTask: purpose === 'RANDOM_INSPECTION' ? randomTask : null,
        }),
    };
  }

  /** The revealed draw task a random inspection's reference names (双随机), or null. */
  private async randomTask(
    manager: EntityManager,
    reference: string | null | undefined,
  ): Promise<RandomTaskFacts | null> {
    const wanted = reference?.trim();
    if (!wanted) return null;
    const [task]: RandomTaskFacts[] = await manager.query(
      `SELECT t.enterprise_id AS "enterpriseId", t.officer_ids AS "officerIds",
              to_char(d.period_start, 'YYYY-MM-DD') AS "periodStart",
              to_char(d.period_end, 'YYYY-MM-DD') AS "periodEnd"
         FROM draw_task t JOIN draw d ON d.id = t.draw_id
        WHERE t.reference = $1 AND d.status = 'REVEALED'`,
      [wanted],
    );
    return task ?? null;
  }

  /** Earlier visits that can matter: this calendar year (cap) and the repeat window. */
  /**
   * The firm's visits (not refused attempts) around the scan: those up to it, in its year and the
   * repeat window before it, are the prior visits; those after it were recorded before this
   * check-in arrived (it synced late) and are judged with it on the time-ordered record.
   */
  private async visitsAround(
    manager: EntityManager,
    enterpriseId: string,
    clientTime: Date,
    policy: CheckInPolicy,
  ): Promise<{ prior: PriorVisit[]; later: LaterVisit[] }> {
    const offsetMs = policy.utcOffsetMinutes * 60_000;
    const local = new Date(clientTime.getTime() + offsetMs);
    const yearStart = Date.UTC(local.getUTCFullYear(), 0, 1) - offsetMs;
    const yearEnd = Date.UTC(local.getUTCFullYear() + 1, 0, 1) - offsetMs;
    const windowMs = (policy.repeatVisitWindowDays + 1) * DAY_MS;
    const from = Math.min(yearStart, clientTime.getTime() - windowMs);
    const to = Math.max(yearEnd, clientTime.getTime() + windowMs);
    const rows: {
      id: string;
      checkedInAt: Date;
      purpose: PriorVisit['purpose'];
      reference: string | null;
      unitLevel: string;
    }[] = await manager.query(
      `SELECT v.id, v.checked_in_at AS "checkedInAt", v.purpose, v.reference, u.level AS "unitLevel"
           FROM visit v JOIN unit u ON u.id = v.unit_id
          WHERE v.enterprise_id = $1 AND v.outcome <> 'REFUSED'
            AND v.checked_in_at >= $2 AND v.checked_in_at < $3`,
      [enterpriseId, new Date(from), new Date(to)],
    );
    const prior: PriorVisit[] = [];
    const later: LaterVisit[] = [];
    for (const { id, ...row } of rows) {
      const visit = { ...row, checkedInAt: new Date(row.checkedInAt).toISOString() };
      if (row.checkedInAt <= clientTime) prior.push(visit);
      else later.push({ ...visit, id });
    }
    return { prior, later };
  }

  /** The officer's unit level (the cap counts per level) and his jurisdiction: the unit's subtree. */
  private async officerUnit(
    manager: EntityManager,
    unitId: string | null,
  ): Promise<{ level: string; subtree: string[] | undefined }> {
    if (!unitId) return { level: '', subtree: undefined };
    const [row]: { level: string; subtree: string[] }[] = await manager.query(
      `WITH RECURSIVE tree AS (
         SELECT id FROM unit WHERE id = $1
         UNION SELECT u.id FROM unit u JOIN tree t ON u.parent_id = t.id)
       SELECT (SELECT level FROM unit WHERE id = $1) AS level,
              array_agg(tree.id::text) AS subtree FROM tree`,
      [unitId],
    );
    return { level: row.level, subtree: row.subtree };
  }

  /** Co-officers must be officers; an unknown id is an input error (nothing is recorded). */
  private async loadCoOfficers(
    manager: EntityManager,
    officerId: string,
    ids: string[],
  ): Promise<User[]> {
    const wanted = [...new Set(ids)].filter((id) => id !== officerId);
    if (wanted.length === 0) return [];
    const found = await manager.getRepository(User).findBy({ id: In(wanted), role: 'officer' });
    const missing = wanted.filter((id) => !found.some((u) => u.id === id));
    if (missing.length > 0) {
      throw new DomainException('VALIDATION_FAILED', {
        errors: missing.map((id) => ({ field: 'coOfficerIds', message: `找不到执法人员 ${id}` })),
      });
    }
    return found;
  }

  private async notifyFirm(
    manager: EntityManager,
    enterpriseId: string,
    visitId: string,
    gate: Gate,
    officers: User[],
    dto: CheckInBody,
    decision: CheckInDecision,
  ): Promise<void> {
    const units = await manager.getRepository(Unit).findBy({
      id: In(officers.map((o) => o.unitId).filter((id): id is string => id !== null)),
    });
    await this.notifications.notifyFirm(manager, enterpriseId, 'OFFICER_AT_GATE', {
      visitId,
      gateName: gate.name,
      purpose: dto.purpose,
      purposeLabel: PURPOSE_INFO[dto.purpose].label,
      reference: dto.reference?.trim() || null,
      outcome: decision.outcome,
      at: decision.effectiveTime,
      officers: officers.map((o) => ({
        name: o.name,
        badgeNumber: o.badgeNumber,
        unitName: units.find((u) => u.id === o.unitId)?.name ?? null,
      })),
    });
  }
}

function isUniqueViolation(error: unknown, column: string): boolean {
  if (!(error instanceof QueryFailedError)) return false;
  const driverError = error.driverError as { code?: string; detail?: string };
  return driverError.code === '23505' && (driverError.detail ?? '').includes(column);
}
