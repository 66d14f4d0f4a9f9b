import { View } from '@tarojs/components';

import { FirmStatusCard } from '../../../features/firm/FirmStatusCard';
import { api } from '../../../services/api';
import { useRequest } from '../../../shared/request';
import { useSession } from '../../../shared/session';
import { EmptyText, Pending } from '../../../shared/ui/Pending';
import { Page } from '../../../shared/ui/Page';

/** 企业状态: my firm(s): list membership and its history, credit grade, liaison officer, gates. */
export default function FirmStatusPage() {
  const user = useSession('enterprise');
  const firms = useRequest(async () => (await api.listEnterprises()).items, [], {
    enabled: Boolean(user),
  });

  return (
    <Page title="企业状态" backTo="/pages/firm/home/index" testId="firm-status-page">
      <Pending
        loading={firms.loading}
        error={firms.error}
        onRetry={firms.reload}
        testId="firm-status-error"
      />
      {firms.data?.length === 0 && <EmptyText>账号尚未关联企业，请联系生态环境部门。</EmptyText>}
      <View>
        {firms.data?.map((f) => (
          <FirmStatusCard key={f.id} firm={f} />
        ))}
      </View>
    </Page>
  );
}
