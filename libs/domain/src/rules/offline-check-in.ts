import { decodeBase64url } from '../base64url';
import type {
  CheckInPreview,
  CheckInPreviewRequest,
  CheckInRequest,
  EnterpriseView,
  GateCodeKeysResponse,
  GateView,
  OfflineSnapshot,
} from '../contract';
import { verifyGateCode } from '../gate-code';
import { PURPOSES, type Purpose } from '../purposes';
import { reason } from '../reasons';
import { evaluateCheckIn, type CheckInDecision } from './evaluate-check-in';
import type { CheckInPolicy } from './policy';

/** The kind of the signed envelope of an OfflineSnapshot (GET /offline/snapshot). */
export const OFFLINE_SNAPSHOT_KIND = 'qs1';

/** Why a scanned text is not a valid gate code. */
export type CodeProblem = 'MALFORMED' | 'UNKNOWN_KEY' | 'BAD_SIGNATURE' | 'UNKNOWN_CODE';

/** Published keys (GET /gate-codes/keys) as the map the verifiers take; bad entries are skipped. */
export function publicKeyMap(response: GateCodeKeysResponse | undefined): Map<number, Uint8Array> {
  const keys = new Map<number, Uint8Array>();
  for (const { keyId, publicKey } of response?.keys ?? []) {
    const bytes = decodeBase64url(publicKey);
    if (bytes && bytes.length === 32) keys.set(keyId, bytes);
  }
  return keys;
}

/** A code that cannot be verified names no firm: the attempt is refused, and recorded as such. */
export function refuseUnverifiableCode(
  policy: CheckInPolicy,
  at: Date,
  problem: CodeProblem,
): CheckInDecision {
  return {
    outcome: 'REFUSED',
    reasons: [{ ...reason('CODE_INVALID'), detail: problem }],
    policyVersion: policy.version,
    effectiveTime: at.toISOString(),
  };
}

export type OfflineJudgement =
  | {
      judged: true;
      decision: CheckInDecision;
      enterprise: EnterpriseView | null;
      gate: GateView | null;
    }
  /** a firm outside the snapshot (another unit's): the phone queues the check-in without a verdict */
  | { judged: false; reason: 'FIRM_NOT_IN_SNAPSHOT'; enterpriseId: string };

/** The public keys of a snapshot, ready for verification. */
export function snapshotKeys(snapshot: OfflineSnapshot): Map<number, Uint8Array> {
  return publicKeyMap(snapshot.gateCodeKeys);
}

/**
 * 离线预判: judges a check-in on the phone from its snapshot, with the same rule engine the server
 * uses. The server's decision, when the queued check-in reaches it, is the one that counts.
 */
export function judgeOffline(
  snapshot: OfflineSnapshot,
  request: CheckInRequest,
  now: Date,
): OfflineJudgement {
  const { policy } = snapshot;
  const clientTime = new Date(request.clientTime);
  const verified = verifyGateCode(request.code, snapshotKeys(snapshot));
  if (!verified.ok) {
    const at = clientTime > now ? now : clientTime;
    return {
      judged: true,
      decision: refuseUnverifiableCode(policy, at, verified.problem),
      enterprise: null,
      gate: null,
    };
  }
  const { enterpriseId, gateId, version } = verified.payload;
  const enterprise = snapshot.enterprises.find((e) => e.id === enterpriseId);
  const gate = enterprise?.gates.find((g) => g.id === gateId);
  if (!enterprise || !gate) return { judged: false, reason: 'FIRM_NOT_IN_SNAPSHOT', enterpriseId };
  const active = snapshot.activeCodeVersions[gateId];
  const colleagues = new Map(snapshot.colleagues.map((c) => [c.id, c]));
  const decision = evaluateCheckIn({
    serverTime: now.toISOString(),
    clientTime: clientTime.toISOString(),
    purpose: request.purpose,
    reference: request.reference ?? null,
    code: { status: active !== undefined && version < active ? 'REVOKED' : 'VALID' },
    officer: {
      id: snapshot.officer.id,
      active: snapshot.officer.active,
      unitId: snapshot.officer.unitId,
      unitLevel: snapshot.officer.unitLevel,
    },
    coOfficers: (request.coOfficerIds ?? []).map((id) => ({
      id,
      active: colleagues.get(id)?.active ?? true,
    })),
    // The snapshot's list status is today's; membership rarely changes within the backfill window.
    enterprise: {
      id: enterprise.id,
      onPositiveList: enterprise.onPositiveList,
      creditGrade: enterprise.creditGrade,
    },
    gate: { lat: gate.lat, lng: gate.lng, radiusM: gate.radiusM },
    location: request.location ?? null,
    priorVisits: snapshot.priorVisits[enterprise.id] ?? [],
    randomTask: taskFacts(snapshot, request.reference),
    policy,
  });
  return { judged: true, decision, enterprise, gate };
}

/** The officer's drawn task a reference names, as the rule engine reads it (snapshots before draws have none). */
function taskFacts(snapshot: OfflineSnapshot, reference: string | null | undefined) {
  const wanted = reference?.trim();
  const task = (snapshot.tasks ?? []).find((t) => t.reference === wanted);
  return task
    ? {
        enterpriseId: task.enterpriseId,
        officerIds: task.officers.map((o) => o.id),
        periodStart: task.periodStart,
        periodEnd: task.periodEnd,
      }
    : null;
}

/**
 * 离线预判 of every purpose before the officer commits: what submitting each would give, judged
 * by `judgeOffline` on the snapshot (the same facts the server's preview reads, as of the
 * snapshot's issue). Undefined when the code names a firm outside the snapshot.
 */
export function previewOffline(
  snapshot: OfflineSnapshot,
  request: CheckInPreviewRequest,
  now: Date,
): CheckInPreview | undefined {
  const clientTime = request.clientTime ?? now.toISOString();
  const judge = (purpose: Purpose) =>
    judgeOffline(snapshot, { ...request, clientId: '', purpose, clientTime }, now);
  const first = judge(PURPOSES[0]);
  if (!first.judged) return undefined;
  const decisions = {} as CheckInPreview['decisions'];
  for (const purpose of PURPOSES) {
    const judged = purpose === PURPOSES[0] ? first : judge(purpose);
    if (!judged.judged) return undefined;
    decisions[purpose] = { outcome: judged.decision.outcome, reasons: judged.decision.reasons };
  }
  return {
    enterprise: first.enterprise && {
      id: first.enterprise.id,
      name: first.enterprise.name,
      onPositiveList: first.enterprise.onPositiveList,
      creditGrade: first.enterprise.creditGrade,
    },
    gate: first.gate && { id: first.gate.id, name: first.gate.name },
    policyVersion: snapshot.policy.version,
    decisions,
    evaluatedAt: now.toISOString(),
  };
}
