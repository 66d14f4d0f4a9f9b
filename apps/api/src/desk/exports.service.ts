import { Injectable } from '@nestjs/common';
import {
  CHECK_IN_OUTCOME_LABELS,
  FINDINGS_LABELS,
  FOLLOW_UP_STATUS_LABELS,
  PURPOSE_INFO,
  RATING_COMMENT_LABEL,
  RATING_ITEMS,
  RATING_LEVEL_LABELS,
  RATING_OVERALL_LABEL,
  ratingNeedsFollowUp,
  type CheckInOutcome,
  type DecisionReason,
  type Findings,
  type FollowUpStatus,
  type Purpose,
  type RatingLevel,
} from '@qinqing/domain';
import { DataSource } from 'typeorm';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { localDay } from '../enterprises/positive-list';
import { PolicyService } from '../policy/policy.service';
import { Rating } from '../ratings/rating.entity';
import { ScopeService } from '../scope/scope.service';
import { applyVisitScope } from '../visits/visit-scope';
import { Visit } from '../visits/visit.entity';
import { formatBureauTime } from '../common/bureau-time';
import { applyRatingFilters } from '../ratings/rating-filters';
import { applyUnitOrFirmScope } from '../scope/scope-sql';
import type { RatingFilterValues, VisitFilterValues } from '@qinqing/domain';
import type { CellValue, ExportTable } from './export-table';
import { applyVisitFilters } from '../visits/visit-filters';

/** Most rows one export holds; the response says when rows were left out. */
export const EXPORT_ROW_CAP = 50_000;

export interface ExportData {
  table: ExportTable;
  /** e.g. 执法打卡记录-2026-11-22 (without extension), and an ASCII fallback */
  baseName: string;
  asciiBaseName: string;
  truncated: boolean;
}

/** Officers of the visit `v` as "name/badge", lead first, joined with 、. */
const OFFICERS_SQL = `(SELECT string_agg(o.name || COALESCE('/' || o.badge_number, ''), '、'
                                 ORDER BY vo.is_lead DESC, o.name)
                        FROM visit_officer vo JOIN app_user o ON o.id = vo.officer_id
                       WHERE vo.visit_id = v.id)`;

interface VisitRow {
  checkedInAt: Date;
  enterpriseName: string | null;
  uscc: string | null;
  gateName: string | null;
  unitName: string | null;
  officers: string | null;
  purpose: Purpose;
  reference: string | null;
  outcome: CheckInOutcome;
  reasons: DecisionReason[];
  policyVersion: number;
  checkedOutAt: Date | null;
  findings: Findings | null;
  rectifyBy: string | null;
  notes: string | null;
  autoClosed: boolean;
  id: string;
}

interface RatingRow {
  submittedAt: Date;
  enterpriseName: string | null;
  unitName: string | null;
  officers: string | null;
  purpose: Purpose;
  checkedInAt: Date;
  overall: RatingLevel;
  items: RatingLevel[];
  comment: string;
  signerName: string | null;
  followUpStatus: FollowUpStatus | null;
  followUpDueAt: Date | null;
  id: string;
}

/** Visit logs and ratings of the caller's scope as tables with Chinese headers. */
@Injectable()
export class ExportsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly scopes: ScopeService,
    private readonly policies: PolicyService,
  ) {}

  /** The visits GET /visits would list with these filters, newest first. */
  async visits(caller: AuthenticatedUser, filters: VisitFilterValues): Promise<ExportData> {
    const scope = await this.scopes.forUser(caller);
    const { utcOffsetMinutes } = await this.policies.current();
    const query = applyVisitFilters(
      applyVisitScope(this.dataSource.getRepository(Visit).createQueryBuilder('v'), 'v', scope),
      'v',
      filters,
    )
      .leftJoin('enterprise', 'e', 'e.id = v.enterprise_id')
      .leftJoin('gate', 'g', 'g.id = v.gate_id')
      .leftJoin('unit', 'u', 'u.id = v.unit_id')
      .select('v.id', 'id')
      .addSelect('v.checked_in_at', 'checkedInAt')
      .addSelect('e.name', 'enterpriseName')
      .addSelect('e.uscc', 'uscc')
      .addSelect('g.name', 'gateName')
      .addSelect('u.name', 'unitName')
      .addSelect(OFFICERS_SQL, 'officers')
      .addSelect('v.purpose', 'purpose')
      .addSelect('v.reference', 'reference')
      .addSelect('v.outcome', 'outcome')
      .addSelect('v.reasons', 'reasons')
      .addSelect('v.policy_version', 'policyVersion')
      .addSelect('v.checked_out_at', 'checkedOutAt')
      .addSelect('v.findings', 'findings')
      .addSelect(`to_char(v.rectify_by, 'YYYY-MM-DD')`, 'rectifyBy')
      .addSelect('v.notes', 'notes')
      .addSelect('v.auto_closed', 'autoClosed')
      .orderBy('v.checked_in_at', 'DESC')
      .addOrderBy('v.id', 'DESC')
      .limit(EXPORT_ROW_CAP + 1);
    const rows: VisitRow[] = await query.getRawMany();
    const time = (at: Date | null) => (at ? formatBureauTime(at, utcOffsetMinutes) : null);
    const day = localDay(new Date(), utcOffsetMinutes);
    return {
      baseName: `执法打卡记录-${day}`,
      asciiBaseName: `visits-${day}`,
      truncated: rows.length > EXPORT_ROW_CAP,
      table: {
        sheetName: '执法打卡记录',
        columns: [
          { header: '打卡时间', width: 17 },
          { header: '企业名称', width: 30 },
          { header: '统一社会信用代码', width: 21 },
          { header: '门岗', width: 10 },
          { header: '执法单位', width: 28 },
          { header: '执法人员（姓名/执法证号）', width: 34 },
          { header: '事由', width: 14 },
          { header: '事由依据', width: 22 },
          { header: '结果', width: 12 },
          { header: '原因', width: 60 },
          { header: '策略版本', width: 9 },
          { header: '签退时间', width: 17 },
          { header: '检查结果', width: 13 },
          { header: '整改期限', width: 11 },
          { header: '检查情况说明', width: 30 },
          { header: '系统自动签退', width: 12 },
          { header: '记录编号', width: 38 },
        ],
        rows: rows
          .slice(0, EXPORT_ROW_CAP)
          .map((r): CellValue[] => [
            time(r.checkedInAt),
            r.enterpriseName,
            r.uscc,
            r.gateName,
            r.unitName,
            r.officers,
            PURPOSE_INFO[r.purpose].label,
            r.reference,
            CHECK_IN_OUTCOME_LABELS[r.outcome],
            r.reasons.map((reason) => reason.message).join('\n') || null,
            Number(r.policyVersion),
            time(r.checkedOutAt),
            r.findings ? FINDINGS_LABELS[r.findings] : null,
            r.rectifyBy,
            r.notes,
            r.autoClosed ? '是' : '否',
            r.id,
          ]),
      },
    };
  }

  /** Ratings of the caller's scope with these filters, newest first, without signatures. */
  async ratings(caller: AuthenticatedUser, filters: RatingFilterValues): Promise<ExportData> {
    const scope = await this.scopes.forUser(caller);
    const { utcOffsetMinutes } = await this.policies.current();
    const query = this.dataSource
      .getRepository(Rating)
      .createQueryBuilder('r')
      .innerJoin('visit', 'v', 'v.id = r.visit_id')
      .leftJoin('enterprise', 'e', 'e.id = r.enterprise_id')
      .leftJoin('unit', 'u', 'u.id = r.unit_id')
      .leftJoin('app_user', 's', 's.id = r.signer_id')
      .leftJoin('follow_up_case', 'f', 'f.rating_id = r.id')
      .select('r.id', 'id')
      .addSelect('r.submitted_at', 'submittedAt')
      .addSelect('e.name', 'enterpriseName')
      .addSelect('u.name', 'unitName')
      .addSelect(OFFICERS_SQL, 'officers')
      .addSelect('v.purpose', 'purpose')
      .addSelect('v.checked_in_at', 'checkedInAt')
      .addSelect('r.overall', 'overall')
      .addSelect('r.items', 'items')
      .addSelect('r.comment', 'comment')
      .addSelect('s.name', 'signerName')
      .addSelect('f.status', 'followUpStatus')
      .addSelect('f.due_at', 'followUpDueAt');
    applyRatingFilters(applyUnitOrFirmScope(query, 'r', scope), filters);
    const rows: RatingRow[] = await query
      .orderBy('r.submitted_at', 'DESC')
      .addOrderBy('r.id', 'DESC')
      .limit(EXPORT_ROW_CAP + 1)
      .getRawMany();
    const now = new Date();
    const time = (at: Date) => formatBureauTime(at, utcOffsetMinutes);
    const day = localDay(now, utcOffsetMinutes);
    return {
      baseName: `好差评记录-${day}`,
      asciiBaseName: `ratings-${day}`,
      truncated: rows.length > EXPORT_ROW_CAP,
      table: {
        sheetName: '好差评记录',
        columns: [
          { header: '评价时间', width: 17 },
          { header: '企业名称', width: 30 },
          { header: '执法单位', width: 28 },
          { header: '执法人员', width: 34 },
          { header: '打卡时间', width: 17 },
          { header: '事由', width: 14 },
          { header: RATING_OVERALL_LABEL, width: 9 },
          ...RATING_ITEMS.map((item) => ({ header: item, width: 22 })),
          { header: RATING_COMMENT_LABEL, width: 40 },
          { header: '签字人', width: 24 },
          { header: '回访核实状态', width: 16 },
          { header: '评价编号', width: 38 },
        ],
        rows: rows
          .slice(0, EXPORT_ROW_CAP)
          .map((r): CellValue[] => [
            time(r.submittedAt),
            r.enterpriseName,
            r.unitName,
            r.officers,
            time(r.checkedInAt),
            PURPOSE_INFO[r.purpose].label,
            RATING_LEVEL_LABELS[r.overall],
            ...RATING_ITEMS.map((_, i) => (r.items[i] ? RATING_LEVEL_LABELS[r.items[i]] : null)),
            r.comment || null,
            r.signerName,
            followUpLabel(r, now),
            r.id,
          ]),
      },
    };
  }
}

/** 回访核实状态: none needed, or the case's status (open past its deadline says so). */
function followUpLabel(row: RatingRow, now: Date): string {
  if (!row.followUpStatus) {
    return ratingNeedsFollowUp(row) ? '待建立回访' : '无需回访';
  }
  const overdue =
    row.followUpStatus === 'OPEN' && row.followUpDueAt !== null && row.followUpDueAt < now;
  return FOLLOW_UP_STATUS_LABELS[row.followUpStatus] + (overdue ? '（已逾期）' : '');
}
