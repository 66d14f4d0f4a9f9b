import {
  type EnterpriseView,
  ROLE_LABELS,
  ROLES,
  type Role,
  type UnitListItem,
} from '@qinqing/domain';
import { Text, View } from '@tarojs/components';

import { Message, SelectField } from '../desk/fields';
import { Button } from '../../shared/ui/Button';
import { TextField } from '../../shared/ui/TextField';
import { type AccountDraft, hasBadge, hasFirms, hasUnit } from './account-draft';
import { FirmPicker } from './FirmPicker';

/**
 * The fields of an account, to create one (username and role too) or to edit one (姓名, unit,
 * 执法证号, firms, phone); each field with the API's error for it.
 */
export function AccountForm(props: {
  mode: 'create' | 'edit';
  testId: string;
  value: AccountDraft;
  onChange: (patch: Partial<AccountDraft>) => void;
  units: UnitListItem[];
  firms: EnterpriseView[];
  fieldErrors: Record<string, string>;
  formError: string;
  busy: boolean;
  submitLabel: string;
  onSubmit: () => void;
  onCancel?: () => void;
}) {
  const { value: draft, onChange: set, fieldErrors: errors, testId } = props;
  const creating = props.mode === 'create';
  const units = props.units.filter((u) => u.active || u.id === draft.unitId);
  return (
    <View className="us-form" data-testid={testId}>
      {creating && (
        <TextField
          label="用户名"
          testId={`${testId}-username`}
          value={draft.username}
          error={errors.username}
          onChange={(username) => set({ username })}
        />
      )}
      <TextField
        label="姓名"
        testId={`${testId}-name`}
        value={draft.displayName}
        error={errors.displayName}
        onChange={(displayName) => set({ displayName })}
      />
      {creating && (
        <SelectField<Role>
          label="角色"
          testId={`${testId}-role`}
          value={draft.role}
          onChange={(role) => set({ role: role ?? 'officer' })}
          choices={ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }))}
        />
      )}
      {hasUnit(draft.role) && (
        <>
          <SelectField<string>
            label={draft.role === 'officer' ? '所属单位' : '监督范围（单位）'}
            testId={`${testId}-unit`}
            value={draft.unitId}
            onChange={(unitId) => set({ unitId })}
            choices={[
              { value: undefined, label: '请选择' },
              ...units.map((u) => ({ value: u.id, label: u.name })),
            ]}
          />
          {errors.unitId && <Text className="qq-text-field__error">{errors.unitId}</Text>}
        </>
      )}
      {hasBadge(draft.role) && (
        <TextField
          label="执法证号"
          testId={`${testId}-badge`}
          value={draft.badgeNo}
          error={errors.badgeNo}
          onChange={(badgeNo) => set({ badgeNo })}
        />
      )}
      {hasFirms(draft.role) && (
        <FirmPicker
          firms={props.firms}
          value={draft.enterpriseIds}
          error={errors.enterpriseIds}
          testId={`${testId}-firms`}
          onChange={(enterpriseIds) => set({ enterpriseIds })}
        />
      )}
      <TextField
        label="电话（选填）"
        testId={`${testId}-phone`}
        value={draft.phone}
        error={errors.phone}
        onChange={(phone) => set({ phone })}
      />
      <Message text={props.formError} testId={`${testId}-error`} />
      <Button
        type="primary"
        block
        data-testid={`${testId}-submit`}
        loading={props.busy}
        onClick={props.onSubmit}
      >
        {props.submitLabel}
      </Button>
      {props.onCancel && (
        <Button fill="none" data-testid={`${testId}-cancel`} onClick={props.onCancel}>
          取消
        </Button>
      )}
    </View>
  );
}
