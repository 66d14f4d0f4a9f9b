import { ROLE_LABELS, ROLES, type Role, type UnitView, type UserAccount } from '@qinqing/domain';
import { Text, View } from '@tarojs/components';
import { useState } from 'react';

import { Message, SelectField } from '../../../features/desk/fields';
import { DESK_PAGE } from '../../../features/desk/nav';
import { EMPTY_ACCOUNT, type NewAccount, useUsers } from '../../../features/admin-users/useUsers';
import { useSession } from '../../../shared/session';
import { Button } from '../../../shared/ui/Button';
import { Card, Page } from '../../../shared/ui/Page';
import { TextField } from '../../../shared/ui/TextField';

import '../../../features/desk/supervisor.css';
import '../../../features/admin-users/users.css';

/** 账号管理 (admins): find accounts, create one, deactivate or reactivate, issue a new password. */
export default function UsersPage() {
  const user = useSession('admin');
  const vm = useUsers(Boolean(user));
  const [form, setForm] = useState<NewAccount>(EMPTY_ACCOUNT);
  const unitName = (id: string | null) => vm.units.find((u) => u.id === id)?.name ?? '';
  const activeUnits = vm.units.filter((u) => u.active);
  const set = (patch: Partial<NewAccount>) => setForm((f) => ({ ...f, ...patch }));

  if (!user) return <Page title="账号管理">{null}</Page>;

  return (
    <Page title="账号管理" backTo={DESK_PAGE} wide testId="admin-users">
      <View className="sv-page">
        {vm.issued && (
          <View className="us-issued" role="status" data-testid="users-issued">
            <Text className="us-issued__title">
              {vm.issued.displayName}（{vm.issued.username}）的一次性密码
            </Text>
            <Text className="us-issued__password" data-testid="users-issued-password" selectable>
              {vm.issued.password}
            </Text>
            <Text className="us-issued__hint">
              仅显示这一次，请当面或电话告知本人；首次登录后须设置新密码。
            </Text>
            <Button fill="outline" type="primary" onClick={vm.dismissIssued}>
              已告知，关闭
            </Button>
          </View>
        )}

        <Card title="新建账号" testId="users-create">
          <View className="us-form">
            <TextField
              label="用户名"
              testId="users-new-username"
              value={form.username}
              error={vm.fieldErrors.username}
              onChange={(username) => set({ username })}
            />
            <TextField
              label="姓名"
              testId="users-new-name"
              value={form.displayName}
              error={vm.fieldErrors.displayName}
              onChange={(displayName) => set({ displayName })}
            />
            <SelectField<Role>
              label="角色"
              testId="users-new-role"
              value={form.role}
              onChange={(role) => set({ role: role ?? 'officer' })}
              choices={ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }))}
            />
            {(form.role === 'officer' || form.role === 'supervisor') && (
              <UnitField
                label={form.role === 'officer' ? '所属单位' : '监督范围（单位）'}
                units={activeUnits}
                value={form.unitId}
                error={vm.fieldErrors.unitId}
                onChange={(unitId) => set({ unitId })}
              />
            )}
            {form.role === 'officer' && (
              <TextField
                label="执法证号"
                testId="users-new-badge"
                value={form.badgeNo}
                error={vm.fieldErrors.badgeNo}
                onChange={(badgeNo) => set({ badgeNo })}
              />
            )}
            {form.role === 'enterprise' && (
              <>
                <SelectField<string>
                  label="所属企业"
                  testId="users-new-firm"
                  value={form.enterpriseId}
                  onChange={(enterpriseId) => set({ enterpriseId })}
                  choices={[
                    { value: undefined, label: '请选择' },
                    ...vm.firms.map((f) => ({ value: f.id, label: f.name })),
                  ]}
                />
                {vm.fieldErrors.enterpriseIds && (
                  <Text className="qq-text-field__error">{vm.fieldErrors.enterpriseIds}</Text>
                )}
              </>
            )}
            <TextField
              label="电话（选填）"
              testId="users-new-phone"
              value={form.phone}
              error={vm.fieldErrors.phone}
              onChange={(phone) => set({ phone })}
            />
            <Message text={vm.formError} testId="users-form-error" />
            <Button
              type="primary"
              block
              data-testid="users-create-submit"
              loading={vm.creating}
              onClick={() =>
                void vm
                  .create(form)
                  .then((ok) => ok && setForm({ ...EMPTY_ACCOUNT, role: form.role }))
              }
            >
              创建账号并生成一次性密码
            </Button>
          </View>
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
            <Row
              key={account.id}
              account={account}
              unit={unitName(account.unitId)}
              busy={vm.busyId === account.id}
              self={account.id === user.id}
              onActive={(active) => vm.setActive(account, active)}
              onReset={() => vm.resetPassword(account)}
            />
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

function Row(props: {
  account: UserAccount;
  unit: string;
  busy: boolean;
  self: boolean;
  onActive: (active: boolean) => void;
  onReset: () => void;
}) {
  const { account } = props;
  return (
    <View
      className={`us-row${account.active ? '' : ' us-row--off'}`}
      data-testid={`users-row-${account.username}`}
    >
      <View className="us-row__main">
        <Text className="us-row__name">
          {account.displayName}（{account.username}）
        </Text>
        <Text className="us-row__meta">
          {ROLE_LABELS[account.role]}
          {props.unit ? ` · ${props.unit}` : ''}
          {account.badgeNo ? ` · 执法证号 ${account.badgeNo}` : ''}
          {account.phone ? ` · ${account.phone}` : ''}
        </Text>
        <Text className="us-row__status" data-testid={`users-status-${account.username}`}>
          {account.active ? '在用' : '已停用'}
          {account.mustChangePassword ? ' · 待修改初始密码' : ''}
        </Text>
      </View>
      {!props.self && (
        <View className="us-row__actions">
          <Button
            fill="outline"
            type={account.active ? 'danger' : 'primary'}
            data-testid={`users-toggle-${account.username}`}
            loading={props.busy}
            onClick={() => props.onActive(!account.active)}
          >
            {account.active ? '停用' : '启用'}
          </Button>
          <Button
            fill="outline"
            type="primary"
            data-testid={`users-reset-${account.username}`}
            disabled={props.busy || !account.active}
            onClick={props.onReset}
          >
            重置密码
          </Button>
        </View>
      )}
    </View>
  );
}

function UnitField(props: {
  label: string;
  units: UnitView[];
  value: string | undefined;
  error?: string;
  onChange: (value: string | undefined) => void;
}) {
  return (
    <>
      <SelectField<string>
        label={props.label}
        testId="users-new-unit"
        value={props.value}
        onChange={props.onChange}
        choices={[
          { value: undefined, label: '请选择' },
          ...props.units.map((u) => ({ value: u.id, label: u.name })),
        ]}
      />
      {props.error && <Text className="qq-text-field__error">{props.error}</Text>}
    </>
  );
}
