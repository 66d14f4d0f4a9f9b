import {
  MISCONDUCT_CATEGORY_LABELS,
  REPORT_OUTCOME_LABELS,
  REPORT_STATUS_LABELS,
  type ReportView,
} from '@qinqing/domain';
import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useCallback, useEffect, useState } from 'react';

import { ConductCard } from '../../../components/ConductCard';
import { redirectToLogin, useRoleGuard } from '../../../features/firm/session-guard';
import { newestFirst, reportProgressLine } from '../../../features/report/report-list';
import { api, ApiError, NetworkError } from '../../../services/api';
import { chinaDateTime } from '../../../services/china-time';
import { session } from '../../../services/session';

import '../../../features/report/report.css';

const HERE = '/pages/firm/reports/index';

function ReportRow({ report }: { report: ReportView }) {
  return (
    <View className={`rp__row rp__row--${report.status.toLowerCase()}`} data-testid="report-row">
      <View className="rp__row-head">
        <Text className="rp__status" data-testid="report-row-status">
          {REPORT_STATUS_LABELS[report.status]}
        </Text>
        <Text className="rp__time">提交于 {chinaDateTime(report.createdAt)}</Text>
      </View>
      <Text className="rp__line">{report.enterpriseName ?? ''}</Text>
      {report.officer && (
        <Text className="rp__line">
          被举报人员：{report.officer.name}
          {report.officer.badgeNumber ? `（${report.officer.badgeNumber}）` : ''}
        </Text>
      )}
      {report.categories.map((c) => (
        <Text className="rp__line" key={c}>
          · {MISCONDUCT_CATEGORY_LABELS[c] ?? c}
        </Text>
      ))}
      <Text className="rp__line">{report.description}</Text>
      {report.photoCount > 0 && <Text className="rp__line">附照片 {report.photoCount} 张</Text>}
      {report.status === 'CONCLUDED' ? (
        <Text className="rp__outcome" data-testid="report-row-outcome">
          办理结果：{report.outcome ? REPORT_OUTCOME_LABELS[report.outcome] : '已办结'}
          {report.conclusion ? `。${report.conclusion}` : ''}
        </Text>
      ) : (
        <Text className="rp__note">{reportProgressLine(report.status)}</Text>
      )}
      {report.history.length > 0 && (
        <View className="rp__history" data-testid="report-row-history">
          {report.history.map((h) => (
            <Text className="rp__history-item" key={`${h.status}-${h.at}`}>
              {chinaDateTime(h.at)} {REPORT_STATUS_LABELS[h.status]}
              {h.note ? `：${h.note}` : ''}
            </Text>
          ))}
        </View>
      )}
    </View>
  );
}

/** 我的举报: the firm's reports, their progress and outcome. */
export default function FirmReportsPage() {
  const user = useRoleGuard(['enterprise'], HERE);
  const [reports, setReports] = useState<ReportView[] | null>(null);
  const [error, setError] = useState('');

  const load = useCallback(async () => {
    setError('');
    try {
      setReports(newestFirst(await api.reports()));
    } catch (e) {
      if (e instanceof ApiError && e.statusCode === 401) {
        session.clear();
        redirectToLogin(HERE);
        return;
      }
      setError(
        e instanceof NetworkError
          ? '网络不可用，未能读取举报记录：请到信号较好的地方点“重试”。'
          : e instanceof ApiError
            ? `${e.message} 请点“重试”。`
            : '读取举报记录失败，请点“重试”。',
      );
    }
  }, []);

  useEffect(() => {
    if (user) void load();
  }, [user, load]);

  if (!user) return <View className="rp" />;

  return (
    <View className="rp" data-testid="reports-page">
      <View className="rp__header">
        <Text className="rp__title">我的举报</Text>
        <Text className="rp__subtitle">本企业提交的监督举报及办理进度</Text>
      </View>

      {error && (
        <View className="rp__card">
          <Text className="rp__error" data-testid="reports-error">
            {error}
          </Text>
          <Button className="rp__button" onClick={() => void load()}>
            重试
          </Button>
        </View>
      )}
      {reports === null && !error && <Text className="rp__info">正在读取…</Text>}
      {reports?.length === 0 && (
        <Text className="rp__info" data-testid="reports-empty">
          还没有提交过举报。
        </Text>
      )}
      {reports?.map((r) => (
        <ReportRow key={r.id} report={r} />
      ))}

      <View className="rp__card">
        <Button
          className="rp__button"
          data-testid="reports-new"
          onClick={() => void Taro.navigateTo({ url: '/pages/firm/report/index' })}
        >
          新的监督举报
        </Button>
      </View>

      <ConductCard />
    </View>
  );
}
