import type { VisitOfficerView, VisitView } from '@qinqing/domain';
import type { EntityManager } from 'typeorm';
import type { Visit } from './visit.entity';

export type { VisitView };

/** Builds views for visits with two queries in all (officers, names), whatever their number. */
export async function toVisitViews(manager: EntityManager, visits: Visit[]): Promise<VisitView[]> {
  if (visits.length === 0) return [];
  const ids = visits.map((v) => v.id);
  const officers: (VisitOfficerView & { visitId: string })[] = await manager.query(
    `SELECT vo.visit_id AS "visitId", u.id, u.name, u.badge_number AS "badgeNumber",
            u.unit_id AS "unitId", un.name AS "unitName", vo.is_lead AS "isLead"
       FROM visit_officer vo JOIN app_user u ON u.id = vo.officer_id
       LEFT JOIN unit un ON un.id = u.unit_id
      WHERE vo.visit_id = ANY($1) ORDER BY vo.is_lead DESC, u.name`,
    [ids],
  );
  const places: { visitId: string; enterpriseName: string | null; gateName: string | null }[] =
    await manager.query(
      `SELECT v.id AS "visitId", e.name AS "enterpriseName", g.name AS "gateName"
         FROM visit v LEFT JOIN enterprise e ON e.id = v.enterprise_id LEFT JOIN gate g ON g.id = v.gate_id
        WHERE v.id = ANY($1)`,
      [ids],
    );
  const placeOf = new Map(places.map((p) => [p.visitId, p]));
  return visits.map((v) => ({
    id: v.id,
    clientId: v.clientId,
    enterpriseId: v.enterpriseId,
    enterpriseName: placeOf.get(v.id)?.enterpriseName ?? null,
    gateId: v.gateId,
    gateName: placeOf.get(v.id)?.gateName ?? null,
    unitId: v.unitId,
    purpose: v.purpose,
    reference: v.reference,
    officers: officers
      .filter((o) => o.visitId === v.id)
      .map(({ visitId: _visitId, ...officer }) => officer),
    decision: { outcome: v.outcome, reasons: v.reasons, policyVersion: v.policyVersion },
    location:
      v.lat === null || v.lng === null
        ? null
        : { lat: v.lat, lng: v.lng, accuracy: v.locationAccuracy },
    clientTime: v.clientTime.toISOString(),
    receivedAt: v.receivedAt.toISOString(),
    checkedInAt: v.checkedInAt.toISOString(),
    checkedOutAt: v.checkedOutAt?.toISOString() ?? null,
    findings: v.findings,
    notes: v.notes,
    rectifyBy: v.rectifyBy,
    autoClosed: v.autoClosed,
  }));
}
