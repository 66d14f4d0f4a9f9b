import { ROLE_LABELS, ROLES, type Role, type UserAccount } from '@qinqing/domain';
import { Text, View } from '@tarojs/components';
import { useState } from 'react';

import { AccountForm } from '../../../features/admin-users/AccountForm';
import { AccountRow } from '../../../features/admin-users/AccountRow';
import { IssuedPassword } from '../../../features/admin-users/IssuedPassword';
import {
  type AccountDraft,
  draftOf,
  EMPTY_ACCOUNT,
} from '../../../features/admin-users/account-draft';
import { useUsers } from '../../../features/admin-users/useUsers';
import { Message, SelectField } from '../../../features/desk/fields';
import { DESK_PAGE } from '../../../features/desk/nav';
import { useSession } from '../../../shared/session';
import { Button } from '../../../shared/ui/Button';
import { Card, Page } from '../../../shared/ui/Page';
import { TextField } from '../../../shared/ui/TextField';

import '../../../features/desk/supervisor.css';
import '../../../features/admin-users/users.css';

/**
 * 账号管理 (admins): find accounts, create one (a firm user bound to one or more firms), edit,
 * deactivate or reactivate, issue a new password.
 */
export default function UsersPage() {
  const user = useSession('admin');
  const vm = useUsers(Boolean(user));
  const [form, setForm] = useState<AccountDraft>(EMPTY_ACCOUNT);
  const [draft, setDraft] = useState<AccountDraft>(EMPTY_ACCOUNT);
  const unitName = (id: string | null) => vm.units.find((u) => u.id === id)?.name ?? '';
  const firmNames = (ids: string[]) =>
    ids.map((id) => vm.firms.find((f) => f.id === id)?.name ?? '（未知企业）');
  const startEdit = (account: UserAccount) => {
    if (vm.editing === account.id) return vm.edit(undefined);
    setDraft(draftOf(account));
    vm.edit(account.id);
  };

  if (!user) return <Page title="账号管理">{null}</Page>;

  return (
    <Page title="账号管理" backTo={DESK_PAGE} wide testId="admin-users">
      <View className="sv-page">
        {vm.issued && <IssuedPassword issued={vm.issued} onDismiss={vm.dismissIssued} />}

        <Card title="新建账号" testId="users-create">
          <AccountForm
            mode="create"
            testId="users-new"
            value={form}
            onChange={(patch) => setForm((f) => ({ ...f, ...patch }))}
            units={vm.units}
            firms={vm.firms}
            fieldErrors={vm.fieldErrors}
            formError={vm.formError}
            busy={vm.creating}
            submitLabel="创建账号并生成一次性密码"
            onSubmit={() =>
              void vm
                .create(form)
                .then((ok) => ok && setForm({ ...EMPTY_ACCOUNT, role: form.role }))
            }
          />
        </Card>

        <Card title="全部账号" testId="users-list">
          <View className="us-search">
            <TextField
              label="搜索（用户名、姓名、执法证号、电话）"
              testId="users-search"
              value={vm.q}
              onChange={vm.setQ}
              onConfirm={vm.search}
            />
            <SelectField<Role>
              label="角色"
              testId="users-role-filter"
              value={vm.role}
              onChange={vm.setRole}
              choices={[
                { value: undefined, label: '全部' },
                ...ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] })),
              ]}
            />
            <Button type="primary" data-testid="users-search-submit" onClick={vm.search}>
              搜索
            </Button>
          </View>
          <Message text={vm.error} testId="users-error" />
          {vm.items.map((account) => (
            <View key={account.id}>
              <AccountRow
                account={account}
                unit={unitName(account.unitId)}
                firms={firmNames(account.enterpriseIds)}
                busy={vm.busyId === account.id}
                self={account.id === user.id}
                editing={vm.editing === account.id}
                onEdit={() => startEdit(account)}
                onActive={(active) => vm.setActive(account, active)}
                onReset={() => vm.resetPassword(account)}
              />
              {vm.editing === account.id && (
                <View className="us-edit">
                  <AccountForm
                    mode="edit"
                    testId="users-edit"
                    value={draft}
                    onChange={(patch) => setDraft((d) => ({ ...d, ...patch }))}
                    units={vm.units}
                    firms={vm.firms}
                    fieldErrors={vm.editFieldErrors}
                    formError={vm.editError}
                    busy={vm.saving}
                    submitLabel="保存修改"
                    onSubmit={() => vm.update(account, draft)}
                    onCancel={() => vm.edit(undefined)}
                  />
                </View>
              )}
            </View>
          ))}
          {!vm.loading && vm.items.length === 0 && !vm.error && (
            <Text className="us-empty">没有符合条件的账号。</Text>
          )}
          {vm.nextCursor && (
            <Button fill="outline" type="primary" block loading={vm.loading} onClick={vm.loadMore}>
              加载更多
            </Button>
          )}
        </Card>
      </View>
    </Page>
  );
}
