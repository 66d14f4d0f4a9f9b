import type { RatingListItem, RatingView } from '@qinqing/domain';
import { signatureDataUrl } from './signature';

/** A rating as its views show it (RatingsRepository.viewRows). */
export interface RatingRow {
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

/** An officer of a visit, with the visit (VisitsRepository.officersOf). */
export interface VisitOfficerRow {
  visitId: string;
  id: string;
  name: string;
  badgeNumber: string | null;
}

/** The officers of a visit, without the visit's id. */
export function officersOf(officers: VisitOfficerRow[], visitId: string) {
  return officers
    .filter((o) => o.visitId === visitId)
    .map(({ visitId: _visitId, ...officer }) => officer);
}

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

/** The full rating of a visit (with its signature image). */
export function ratingView(row: RatingRow & { signature: Buffer }): RatingView {
  return { ...baseView(row), signature: signatureDataUrl(row.signature) };
}

/**
 * Ratings for lists and exports (no signature images), with their visits' officers, in the order
 * of `ids`.
 */
export function ratingListItems(
  ids: string[],
  rows: RatingRow[],
  officers: VisitOfficerRow[],
): RatingListItem[] {
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
        officers: officersOf(officers, row.visitId),
      },
    ];
  });
}
