import { chinaClock } from '../../services/china-time';
import {
  CHECK_IN_OUTCOME_LABELS,
  FINDINGS_LABELS,
  PURPOSE_INFO,
  isPurpose,
  type CheckInOutcome,
  type NotificationView,
  type OfficerAtGatePayload,
  type Purpose,
  type VisitView,
} from '@qinqing/domain';

/** Visits younger than this and not checked out count as "now at the gate". */
export const AT_GATE_WINDOW_MS = 12 * 60 * 60 * 1000;

/** How often the firm's home asks for new visits while it is shown. */
export const FIRM_POLL_MS = 15_000;

/** One group of officers at the firm right now (from a visit or, until the list has it, a notification). */
export interface GateEntry {
  visitId: string;
  officers: { name: string; badgeNumber: string | null; unitName: string | null }[];
  purpose: Purpose;
  reference: string | null;
  outcome: CheckInOutcome;
  gateName: string | null;
  checkedInAt: string;
}

export { chinaClock, chinaDateTime } from '../../services/china-time';

/** The lead officer first, then the others in the order the API gave. */
function leadFirst<T extends { isLead?: boolean }>(officers: T[]): T[] {
  return [...officers].sort((a, b) => Number(Boolean(b.isLead)) - Number(Boolean(a.isLead)));
}

function entryOfVisit(visit: VisitView): GateEntry {
  return {
    visitId: visit.id,
    officers: leadFirst(visit.officers).map((o) => ({
      name: o.name,
      badgeNumber: o.badgeNumber,
      unitName: o.unitName,
    })),
    purpose: visit.purpose,
    reference: visit.reference,
    outcome: visit.decision.outcome,
    gateName: visit.gateName,
    checkedInAt: visit.checkedInAt,
  };
}

function isAtGatePayload(
  payload: Record<string, unknown>,
): payload is Record<string, unknown> & OfficerAtGatePayload {
  return (
    typeof payload.visitId === 'string' &&
    typeof payload.at === 'string' &&
    isPurpose(payload.purpose) &&
    Array.isArray(payload.officers)
  );
}

/**
 * 现在门口: the officers admitted in the last 12 hours who have not checked out, newest first.
 * Refused attempts never count (nobody entered). A OFFICER_AT_GATE notification whose visit is not
 * yet in the list (it arrived between two polls) counts too.
 */
export function nowAtGate(
  visits: VisitView[],
  notifications: NotificationView[],
  now: Date,
): GateEntry[] {
  const since = now.getTime() - AT_GATE_WINDOW_MS;
  const recent = (iso: string) => {
    const t = new Date(iso).getTime();
    return t >= since && t <= now.getTime() + 5 * 60 * 1000;
  };
  const known = new Set(visits.map((v) => v.id));
  const entries = visits
    .filter((v) => v.decision.outcome !== 'REFUSED' && !v.checkedOutAt && recent(v.checkedInAt))
    .map(entryOfVisit);
  for (const n of notifications) {
    if (n.kind !== 'OFFICER_AT_GATE' || !isAtGatePayload(n.payload)) continue;
    const p = n.payload;
    if (known.has(p.visitId) || p.outcome === 'REFUSED' || !recent(p.at)) continue;
    known.add(p.visitId);
    entries.push({
      visitId: p.visitId,
      officers: p.officers,
      purpose: p.purpose,
      reference: p.reference,
      outcome: p.outcome,
      gateName: p.gateName,
      checkedInAt: p.at,
    });
  }
  return entries.sort((a, b) => b.checkedInAt.localeCompare(a.checkedInAt));
}

function officerLabel(o: { name: string; badgeNumber: string | null }): string {
  return o.badgeNumber ? `${o.name}（${o.badgeNumber}）` : o.name;
}

/** "张建国（豫A41010001）等2人 · 郑州市生态环境局金水分局 · 信访举报核实 · 09:30 入企" */
export function gateBannerText(entry: GateEntry): string {
  const [lead] = entry.officers;
  const who = lead
    ? `${officerLabel(lead)}${entry.officers.length > 1 ? `等${entry.officers.length}人` : ''}`
    : '执法人员';
  const unit = lead?.unitName;
  return [who, unit, PURPOSE_INFO[entry.purpose].label, `${chinaClock(entry.checkedInAt)} 入企`]
    .filter(Boolean)
    .join(' · ');
}

/** The firm's words for a visit's decision: a refusal is "未获准入企" (nobody entered). */
export function firmOutcomeLabel(outcome: CheckInOutcome): string {
  return outcome === 'REFUSED' ? '未获准入企' : CHECK_IN_OUTCOME_LABELS[outcome];
}

/** What a visit's card says under its times: findings once checked out, or that it is ongoing. */
export function visitProgress(visit: VisitView): string {
  if (visit.decision.outcome === 'REFUSED') return '未入企';
  if (!visit.checkedOutAt) return '检查中';
  const findings = visit.findings ? FINDINGS_LABELS[visit.findings] : '已签退';
  return visit.autoClosed ? `${findings}（超时自动签退）` : findings;
}

/** New OFFICER_AT_GATE notifications since the ids already seen (for the "new" highlight). */
export function newGateNotifications(
  notifications: NotificationView[],
  seen: ReadonlySet<string>,
): NotificationView[] {
  return notifications.filter((n) => n.kind === 'OFFICER_AT_GATE' && !seen.has(n.id));
}
