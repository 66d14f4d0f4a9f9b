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
} from '@qinqing/domain';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { localDay } from '../enterprises/positive-list';
import { PolicyService } from '../policy/policy.service';
import { ScopeService } from '../scope/scope.service';
import { VisitsRepository } from '../visits/visits.repository';
import { formatBureauTime } from '../common/bureau-time';
import type { RatingFilterValues, VisitFilterValues } from '@qinqing/domain';
import type { CellValue, ExportTable } from './export-table';
import { DeskFiguresRepository, type RatingExportRow } from './desk-figures.repository';

/** Most rows one export holds; the response says when rows were left out. */
export const EXPORT_ROW_CAP = 50_000;

export interface ExportData {
  table: ExportTable;
  /** e.g. 执法打卡记录-2026-11-22 (without extension), and an ASCII fallback */
  baseName: string;
  asciiBaseName: string;
  truncated: boolean;
}

/** Visit logs and ratings of the caller's scope as tables with Chinese headers. */
@Injectable()
export class ExportsService {
  constructor(
    private readonly visitsRepository: VisitsRepository,
    private readonly figures: DeskFiguresRepository,
    private readonly scopes: ScopeService,
    private readonly policies: PolicyService,
  ) {}

  /** The visits GET /visits would list with these filters, newest first. */
  async visits(caller: AuthenticatedUser, filters: VisitFilterValues): Promise<ExportData> {
    const scope = await this.scopes.forUser(caller);
    const { utcOffsetMinutes } = await this.policies.current();
    const rows = await this.visitsRepository.exportRows(scope, filters, EXPORT_ROW_CAP + 1);
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
    const rows = await this.figures.ratingExportRows(scope, filters, EXPORT_ROW_CAP + 1);
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
function followUpLabel(row: RatingExportRow, now: Date): string {
  if (!row.followUpStatus) {
    return ratingNeedsFollowUp(row) ? '待建立回访' : '无需回访';
  }
  const overdue =
    row.followUpStatus === 'OPEN' && row.followUpDueAt !== null && row.followUpDueAt < now;
  return FOLLOW_UP_STATUS_LABELS[row.followUpStatus] + (overdue ? '（已逾期）' : '');
}
