import {
  MISCONDUCT_CATEGORY_LABELS,
  REPORT_OUTCOME_LABELS,
  REPORT_STATUS_LABELS,
  type ReportView,
} from '@qinqing/domain';
import { Text, View } from '@tarojs/components';

import { chinaDateTime } from '../../services/china-time';
import { reportProgressLine } from './report-list';

import './report.css';

/** One of the firm's reports: status, what it said, and how it is being handled. */
export function ReportRow({ report }: { report: ReportView }) {
  return (
    <View className={`rp__row rp__row--${report.status.toLowerCase()}`} data-testid="report-row">
      <View className="rp__row-head">
        <Text className="rp__status" data-testid="report-row-status">
          {REPORT_STATUS_LABELS[report.status]}
        </Text>
        <Text className="rp__time">提交于 {chinaDateTime(report.createdAt)}</Text>
      </View>
      {report.enterpriseName && <View className="rp__line">{report.enterpriseName}</View>}
      {report.officer && (
        <View className="rp__line">
          被举报人员：{report.officer.name}
          {report.officer.badgeNumber ? `（${report.officer.badgeNumber}）` : ''}
        </View>
      )}
      {report.categories.map((c) => (
        <View className="rp__line" key={c}>
          · {MISCONDUCT_CATEGORY_LABELS[c] ?? '其他违规情形'}
        </View>
      ))}
      <View className="rp__line">{report.description}</View>
      {report.photoCount > 0 && <View className="rp__line">附照片 {report.photoCount} 张</View>}
      {report.status === 'CONCLUDED' ? (
        <View className="rp__outcome" data-testid="report-row-outcome">
          办理结果：{report.outcome ? REPORT_OUTCOME_LABELS[report.outcome] : '已办结'}
          {report.conclusion ? `。${report.conclusion}` : ''}
        </View>
      ) : (
        <View className="rp__note">{reportProgressLine(report.status)}</View>
      )}
      {report.history.length > 0 && (
        <View className="rp__history" data-testid="report-row-history">
          {report.history.map((h) => (
            <View className="rp__history-item" key={`${h.status}-${h.at}`}>
              {chinaDateTime(h.at)} {REPORT_STATUS_LABELS[h.status]}
              {h.note ? `：${h.note}` : ''}
            </View>
          ))}
        </View>
      )}
    </View>
  );
}
