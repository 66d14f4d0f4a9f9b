import { ROLE_LABELS, type UserAccount } from '@qinqing/domain';
import { Text, View } from '@tarojs/components';

import { Button } from '../../shared/ui/Button';

/** One account of the list: who, role, unit, 执法证号, firms, state; and what an admin may do. */
export function AccountRow(props: {
  account: UserAccount;
  unit: string;
  firms: string[];
  busy: boolean;
  self: boolean;
  editing: boolean;
  onEdit: () => void;
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
        {props.firms.length > 0 && (
          <Text className="us-row__meta" data-testid={`users-firms-${account.username}`}>
            企业：{props.firms.join('、')}
          </Text>
        )}
        <Text className="us-row__status" data-testid={`users-status-${account.username}`}>
          {account.active ? '在用' : '已停用'}
          {account.mustChangePassword ? ' · 待修改初始密码' : ''}
        </Text>
      </View>
      <View className="us-row__actions">
        <Button
          fill="outline"
          type="primary"
          data-testid={`users-edit-${account.username}`}
          label={`${props.editing ? '收起' : '编辑'}${account.displayName}`}
          onClick={props.onEdit}
        >
          {props.editing ? '收起' : '编辑'}
        </Button>
        {!props.self && (
          <>
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
          </>
        )}
      </View>
    </View>
  );
}
