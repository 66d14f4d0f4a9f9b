import { Text, View } from '@tarojs/components';
import { useState } from 'react';

import { TOP, UnitEditor, UnitLine } from '../../../features/admin-units/UnitParts';
import { activeTree, parentChoices, retiredUnits } from '../../../features/admin-units/tree';
import { useUnits } from '../../../features/admin-units/useUnits';
import { Message, SelectField } from '../../../features/desk/fields';
import { DESK_PAGE } from '../../../features/desk/nav';
import { useSession } from '../../../shared/session';
import { Button } from '../../../shared/ui/Button';
import { Card, Page } from '../../../shared/ui/Page';
import { Pending } from '../../../shared/ui/Pending';
import { TextField } from '../../../shared/ui/TextField';

import '../../../features/desk/supervisor.css';

/** 单位管理 (admins): the unit tree (支队 → 分局/大队 → 中队); add, rename, move, retire units. */
export default function UnitsPage() {
  const user = useSession('admin');
  const vm = useUnits(Boolean(user));
  const [name, setName] = useState('');
  const [parentId, setParentId] = useState<string | undefined>(undefined);
  if (!user) return <Page title="单位管理">{null}</Page>;

  const tree = activeTree(vm.units);
  const retired = retiredUnits(vm.units);

  return (
    <Page title="单位管理" backTo={DESK_PAGE} wide testId="admin-units">
      <View className="sv-page">
        <Card title="新建单位" testId="units-create">
          <View className="un-form">
            <TextField label="单位名称" testId="units-new-name" value={name} onChange={setName} />
            <SelectField<string>
              label="上级单位"
              testId="units-new-parent"
              value={parentId}
              onChange={setParentId}
              choices={[TOP, ...parentChoices(vm.units)]}
            />
            <Message text={vm.createError} testId="units-create-error" />
            <Button
              type="primary"
              block
              data-testid="units-create-submit"
              loading={vm.creating}
              onClick={() => void vm.create(name, parentId).then((ok) => ok && setName(''))}
            >
              新建单位
            </Button>
          </View>
        </Card>

        <Message ok text={vm.done} testId="units-done" />

        <Card title="单位（在用）" testId="units-tree">
          <Pending
            loading={vm.loading && vm.units.length === 0}
            error={vm.error}
            onRetry={vm.reload}
          />
          {tree.map(({ unit, depth }) => (
            <View key={unit.id}>
              <UnitLine
                unit={unit}
                depth={depth}
                action={vm.editing === unit.id ? '收起' : '编辑'}
                onAction={() => vm.edit(vm.editing === unit.id ? undefined : unit.id)}
              />
              {vm.editing === unit.id && (
                <UnitEditor
                  unit={unit}
                  parents={parentChoices(vm.units, unit.id)}
                  busy={vm.busy}
                  error={vm.editError}
                  onRename={(next) => vm.rename(unit, next)}
                  onMove={(next) => vm.move(unit, next)}
                  onRetire={() => vm.retire(unit)}
                  onClose={() => vm.edit(undefined)}
                />
              )}
            </View>
          ))}
          {!vm.loading && !vm.error && tree.length === 0 && (
            <Text className="un-empty">还没有单位。请先新建顶级单位（支队）。</Text>
          )}
        </Card>

        {retired.length > 0 && (
          <Card title="已撤销的单位" testId="units-retired">
            {retired.map((unit) => (
              <UnitLine
                key={unit.id}
                unit={unit}
                depth={0}
                action="恢复"
                busy={vm.busy}
                onAction={() => vm.restore(unit)}
              />
            ))}
            <Message text={vm.editing ? '' : vm.editError} testId="units-restore-error" />
          </Card>
        )}
      </View>
    </Page>
  );
}
