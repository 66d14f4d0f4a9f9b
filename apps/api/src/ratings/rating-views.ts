import type { RatingListItem, RatingView } from '@qinqing/domain';
import type { EntityManager } from 'typeorm';
import { signatureDataUrl } from './signature';

interface RatingRow {
  id: string;
  visitId: string;
  enterpriseId: string;
  enterpriseName: string | null;
  overall: RatingView['overall'];
  items: RatingView['items'];
  comment: string;
  signerId: string;
  signerName: string;
  submittedAt: Date;
  followUpCaseId: string | null;
  unitId: string;
  unitName: string | null;
  purpose: RatingListItem['purpose'];
  checkedInAt: Date;
}

const SELECT_RATINGS = `
  SELECT r.id, r.visit_id AS "visitId", r.enterprise_id AS "enterpriseId", e.name AS "enterpriseName",
         r.overall, r.items, r.comment, r.signer_id AS "signerId", s.name AS "signerName",
         r.submitted_at AS "submittedAt", f.id AS "followUpCaseId", r.unit_id AS "unitId",
         un.name AS "unitName", v.purpose, v.checked_in_at AS "checkedInAt"
    FROM rating r
    JOIN visit v ON v.id = r.visit_id
    JOIN app_user s ON s.id = r.signer_id
    LEFT JOIN enterprise e ON e.id = r.enterprise_id
    LEFT JOIN unit un ON un.id = r.unit_id
    LEFT JOIN follow_up_case f ON f.rating_id = r.id`;

function baseView(row: RatingRow): Omit<RatingView, 'signature'> {
  return {
    id: row.id,
    visitId: row.visitId,
    enterpriseId: row.enterpriseId,
    enterpriseName: row.enterpriseName,
    overall: row.overall,
    items: row.items,
    comment: row.comment,
    signer: { id: row.signerId, name: row.signerName },
    submittedAt: row.submittedAt.toISOString(),
    followUpCaseId: row.followUpCaseId,
  };
}

/** The full rating of a visit (with its signature image), or null. */
export async function ratingOfVisit(
  manager: EntityManager,
  visitId: string,
): Promise<RatingView | null> {
  const rows: (RatingRow & { signature: Buffer })[] = await manager.query(
    SELECT_RATINGS.replace('SELECT r.id,', 'SELECT r.id, r.signature,') + ' WHERE r.visit_id = $1',
    [visitId],
  );
  const row = rows[0];
  if (!row) return null;
  return { ...baseView(row), signature: signatureDataUrl(row.signature) };
}

/**
 * Ratings for lists and exports (no signature images), with their visits' officers, in the order
 * of `ids`.
 */
export async function ratingListItems(
  manager: EntityManager,
  ids: string[],
): Promise<RatingListItem[]> {
  if (ids.length === 0) return [];
  const rows: RatingRow[] = await manager.query(`${SELECT_RATINGS} WHERE r.id = ANY($1)`, [ids]);
  const officers: { visitId: string; id: string; name: string; badgeNumber: string | null }[] =
    await manager.query(
      `SELECT vo.visit_id AS "visitId", u.id, u.name, u.badge_number AS "badgeNumber"
         FROM visit_officer vo JOIN app_user u ON u.id = vo.officer_id
        WHERE vo.visit_id = ANY($1) ORDER BY vo.is_lead DESC, u.name`,
      [rows.map((r) => r.visitId)],
    );
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.flatMap((id) => {
    const row = byId.get(id);
    if (!row) return [];
    return [
      {
        ...baseView(row),
        unitId: row.unitId,
        unitName: row.unitName,
        purpose: row.purpose,
        checkedInAt: row.checkedInAt.toISOString(),
        officers: officers
          .filter((o) => o.visitId === row.visitId)
          .map(({ visitId: _visitId, ...officer }) => officer),
      },
    ];
  });
}
