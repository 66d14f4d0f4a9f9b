import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';

import { ConductCard } from '../../../features/firm/ConductCard';
import { newestFirst } from '../../../features/report/report-list';
import { ReportRow } from '../../../features/report/ReportRow';
import { api } from '../../../services/api';
import { useRequest } from '../../../shared/request';
import { useSession } from '../../../shared/session';
import { Button } from '../../../shared/ui/Button';
import { EmptyText, Pending } from '../../../shared/ui/Pending';
import { Page } from '../../../shared/ui/Page';

import '../../../features/report/report.css';

/** 我的举报: the firm's reports, their progress and outcome. */
export default function FirmReportsPage() {
  const user = useSession('enterprise');
  const reports = useRequest(
    async () => newestFirst((await api.listReports({ query: {} })).items),
    [],
    {
      enabled: Boolean(user),
    },
  );

  return (
    <Page title="我的举报" backTo="/pages/firm/home/index" testId="reports-page">
      <View className="rp__intro">本企业提交的监督举报及办理进度</View>
      <Pending
        loading={reports.loading}
        error={reports.error}
        onRetry={reports.reload}
        testId="reports-error"
      />
      {reports.data?.length === 0 && (
        <EmptyText testId="reports-empty">还没有提交过举报。</EmptyText>
      )}
      {reports.data?.map((r) => (
        <ReportRow key={r.id} report={r} />
      ))}

      <Button
        type="primary"
        block
        className="rp__button rp__new"
        data-testid="reports-new"
        onClick={() => void Taro.navigateTo({ url: '/pages/firm/report/index' })}
      >
        新的监督举报
      </Button>

      <ConductCard />
    </Page>
  );
}
