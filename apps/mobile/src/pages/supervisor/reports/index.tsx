import {
  REPORT_STATUS_LABELS,
  REPORT_STATUSES,
  type ReportStatus,
  type ReportView,
} from '@qinqing/domain';
import { Button, Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useCallback, useEffect, useState } from 'react';

import { chinaDateTime } from '../../../features/firm/gate';
import { useRoleGuard } from '../../../features/firm/session-guard';
import { errorText } from '../../../features/desk/errors';
import { ListStatus } from '../../../features/desk/useRecord';
import { backToDesk, open } from '../../../features/desk/nav';
import { categoryLabel, REPORT_FILTERS } from '../../../features/desk/report';
import { api } from '../../../services/api';

import '../../../features/desk/desk.css';

function isStatus(value: string | undefined): value is ReportStatus {
  return (REPORT_STATUSES as readonly string[]).includes(value ?? '');
}

function ReportRow({ report }: { report: ReportView }) {
  const tone =
    report.status === 'RECEIVED'
      ? ' dk-row--alarm'
      : report.status === 'CONCLUDED'
        ? ' dk-row--done'
        : '';
  return (
    <View
      className={`dk-row${tone}`}
      data-testid="report-row"
      onClick={open(`/pages/supervisor/report/index?id=${report.id}`)}
    >
      <Text className="dk-row__strong">{report.enterpriseName ?? '（未知企业）'}</Text>
      <Text className={`dk-badge${tone.replace('dk-row', 'dk-badge')}`}>
        {REPORT_STATUS_LABELS[report.status]}
      </Text>
      <Text>{report.categories.map(categoryLabel).join('；')}</Text>
      <Text className="dk-muted">
        {chinaDateTime(report.createdAt)}
        {report.officer ? ` · 被举报人：${report.officer.name}` : ''} · {report.unitName ?? ''}
      </Text>
    </View>
  );
}

/** 监督举报: reports from firms, newest first, by status. */
export default function ReportsPage() {
  const { params } = useRouter();
  const initial = isStatus(params.status) ? params.status : undefined;
  const user = useRoleGuard(
    ['supervisor', 'admin'],
    `/pages/supervisor/reports/index${initial ? `?status=${initial}` : ''}`,
  );
  const [status, setStatus] = useState<ReportStatus | undefined>(initial);
  const [items, setItems] = useState<ReportView[] | null>(null);
  const [error, setError] = useState('');

  const load = useCallback(async () => {
    setError('');
    setItems(null);
    try {
      setItems(await api.reports(status ? { status } : {}));
    } catch (e) {
      setError(errorText(e));
    }
  }, [status]);

  useEffect(() => {
    if (user) void load();
  }, [user, load]);

  if (!user) return <View className="dk" />;

  return (
    <View className="dk dk--narrow" data-testid="reports">
      <View className="dk__header">
        <Text className="dk__title">监督举报</Text>
        <Text className="dk__note">企业对执法人员违反“六不准”“九不得”的举报；被举报人看不到</Text>
      </View>
      <View className="dk__nav">
        <Button className="dk-btn dk-btn--secondary" onClick={backToDesk}>
          返回监督工作台
        </Button>
      </View>
      <View className="dk-tabs">
        {REPORT_FILTERS.map((f) => (
          <View
            key={f.label}
            className={`dk-tab${status === f.status ? ' dk-tab--on' : ''}`}
            data-testid={`reports-filter-${f.status ?? 'ALL'}`}
            onClick={() => setStatus(f.status)}
          >
            <Text>{f.label}</Text>
          </View>
        ))}
      </View>
      <View className="dk-list">
        <ListStatus
          error={error}
          items={items}
          empty="没有符合条件的举报"
          onRetry={() => void load()}
        />
        {items?.map((r) => (
          <ReportRow key={r.id} report={r} />
        ))}
      </View>
    </View>
  );
}
