import {
  REPORT_STATUS_LABELS,
  REPORT_STATUSES,
  type ReportStatus,
  type ReportView,
} from '@qinqing/domain';
import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useState } from 'react';

import { FilterTabs, FOCUSABLE } from '../../../features/desk/fields';
import { DESK_PAGE, open } from '../../../features/desk/nav';
import { categoryLabel, REPORT_FILTERS } from '../../../features/desk/report';
import { chinaDateTime } from '../../../features/firm/gate';
import { api } from '../../../services/api';
import { useRequest } from '../../../shared/request';
import { useSession } from '../../../shared/session';
import { Page } from '../../../shared/ui/Page';
import { EmptyText, Pending } from '../../../shared/ui/Pending';

import '../../../features/desk/supervisor.css';

type Filter = ReportStatus | 'ALL';

function isStatus(value: string | undefined): value is ReportStatus {
  return (REPORT_STATUSES as readonly string[]).includes(value ?? '');
}

function ReportRow({ report }: { report: ReportView }) {
  const tone =
    report.status === 'RECEIVED'
      ? ' sv-row--alarm'
      : report.status === 'CONCLUDED'
        ? ' sv-row--done'
        : ' sv-row--warn';
  return (
    <View
      className={`sv-row${tone}`}
      data-testid="report-row"
      role="link"
      {...FOCUSABLE}
      onClick={open(`/pages/supervisor/report/index?id=${report.id}`)}
    >
      <Text className="sv-row__strong">{report.enterpriseName ?? '（未知企业）'}</Text>
      <Text className={report.status === 'RECEIVED' ? 'sv-alarm' : undefined}>
        {REPORT_STATUS_LABELS[report.status]}
      </Text>
      <Text>{report.categories.map(categoryLabel).join('；')}</Text>
      <Text className="sv-muted">
        {chinaDateTime(report.createdAt)}
        {report.officer ? ` · 被举报人：${report.officer.name}` : ''} · {report.unitName ?? ''}
      </Text>
    </View>
  );
}

/** 监督举报: reports from firms, newest first, by status. */
export default function ReportsPage() {
  const { params } = useRouter();
  const user = useSession(['supervisor', 'admin']);
  const [filter, setFilter] = useState<Filter>(isStatus(params.status) ? params.status : 'ALL');
  const list = useRequest(
    () =>
      api
        .listReports({ query: filter === 'ALL' ? {} : { status: filter } })
        .then((page) => page.items),
    [filter],
    {
      enabled: Boolean(user),
    },
  );
  if (!user) return <View />;

  return (
    <Page title="监督举报" backTo={DESK_PAGE} wide testId="reports">
      <View className="sv-page">
        <Text className="sv-intro">企业对执法人员违反“六不准”“九不得”的举报；被举报人看不到</Text>
        <FilterTabs<Filter>
          label="举报状态"
          value={filter}
          onChange={setFilter}
          tabs={REPORT_FILTERS.map((f) => ({
            key: f.status ?? 'ALL',
            label: f.label,
            testId: `reports-filter-${f.status ?? 'ALL'}`,
          }))}
        />
        <Pending loading={list.loading} error={list.error} onRetry={list.reload} />
        {!list.loading && list.data?.length === 0 && <EmptyText>没有符合条件的举报</EmptyText>}
        <View className="sv-list">
          {!list.loading && list.data?.map((r) => <ReportRow key={r.id} report={r} />)}
        </View>
      </View>
    </Page>
  );
}
