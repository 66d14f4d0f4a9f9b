import { Text, View } from '@tarojs/components';

import { versionTitle } from '../../../features/policy/diff';
import { PolicyDiff } from '../../../features/policy/PolicyDiff';
import { PolicyForm } from '../../../features/policy/PolicyForm';
import { usePolicy } from '../../../features/policy/usePolicy';
import { VersionList } from '../../../features/policy/VersionList';
import { useSession } from '../../../shared/session';
import { Button } from '../../../shared/ui/Button';
import { Card, Page } from '../../../shared/ui/Page';
import { Pending } from '../../../shared/ui/Pending';

import '../../../features/policy/policy.css';

const DESK = '/pages/supervisor/desk/index';

/** 检查规则 (admins): the version in force, editing it into a new version, and comparing two. */
export default function PolicyPage() {
  const user = useSession('admin');
  const vm = usePolicy(Boolean(user));
  const { current } = vm;

  return (
    <Page title="检查规则" backTo={DESK} testId="admin-policy">
      <Pending
        loading={vm.versions.loading && !vm.versions.data}
        error={vm.versions.error}
        onRetry={vm.versions.reload}
        testId="policy-error"
      />
      {vm.saved && (
        <View className="pl-alert pl-alert--ok" role="status" data-testid="policy-saved">
          {vm.saved}
        </View>
      )}
      {current && !vm.edit && (
        <Card title="现行规则" testId="policy-current">
          <Text className="pl-current__line" data-testid="policy-current-version">
            {versionTitle(current)}
          </Text>
          <Text className="pl-current__line">修改原因：{current.note || '（未填写）'}</Text>
          <Text className="pl-current__line">
            规则改动保存为新版本并立即生效；每次打卡按当时生效的版本判定，旧版本保留可查。
          </Text>
          <Button
            type="primary"
            block
            className="pl-btn"
            data-testid="policy-edit"
            onClick={vm.startEdit}
          >
            修改检查规则
          </Button>
        </Card>
      )}
      {vm.edit && (
        <PolicyForm
          edit={vm.edit}
          saving={vm.saving}
          saveError={vm.saveError}
          onSave={() => void vm.save()}
          onCancel={vm.cancelEdit}
        />
      )}
      {vm.versions.data && !vm.edit && (
        <>
          <Card title={`全部版本（${vm.versions.data.length}）`}>
            <Text className="pl-current__line">勾选两个版本，在下方查看它们的不同。</Text>
            <VersionList
              versions={vm.versions.data}
              compared={vm.compared}
              onToggle={vm.toggleCompared}
            />
          </Card>
          <Card title="版本对比">
            <PolicyDiff pair={vm.pair} />
          </Card>
        </>
      )}
    </Page>
  );
}
