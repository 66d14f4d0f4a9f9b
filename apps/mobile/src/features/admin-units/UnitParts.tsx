import type { UnitListItem } from '@qinqing/domain';
import { Text, View } from '@tarojs/components';
import { useState } from 'react';

import { type Choice, Message, SelectField } from '../desk/fields';
import { Button } from '../../shared/ui/Button';
import { TextField } from '../../shared/ui/TextField';
import { unitMeta } from './tree';

import './units.css';

/** The choice of no parent: a top unit (支队). */
export const TOP: Choice<string> = { value: undefined, label: '无（顶级单位：支队）' };

/** One unit of the tree, indented by its depth, with 编辑 (or 恢复 for a retired unit). */
export function UnitLine(props: {
  unit: UnitListItem;
  depth: number;
  action: string;
  busy?: boolean;
  onAction: () => void;
}) {
  const { unit } = props;
  return (
    <View
      className={`un-line${unit.active ? '' : ' un-line--off'}`}
      data-testid={`units-row-${unit.code}`}
      style={{ paddingLeft: `${props.depth * 1.5}em` }}
    >
      <View className="un-line__main">
        <Text className="un-line__name">
          {props.depth > 0 ? '└ ' : ''}
          {unit.name}
        </Text>
        <Text className="un-line__meta">{unitMeta(unit)}</Text>
      </View>
      <Button
        fill="outline"
        type="primary"
        data-testid={`units-action-${unit.code}`}
        label={`${props.action}${unit.name}`}
        loading={props.busy}
        onClick={props.onAction}
      >
        {props.action}
      </Button>
    </View>
  );
}

/** 改名, 移动 (to a unit outside its own subtree) and 撤销 of one unit. */
export function UnitEditor(props: {
  unit: UnitListItem;
  parents: Choice<string>[];
  busy: boolean;
  error: string;
  onRename: (name: string) => void;
  onMove: (parentId: string | null) => void;
  onRetire: () => void;
  onClose: () => void;
}) {
  const { unit } = props;
  const [name, setName] = useState(unit.name);
  const [parentId, setParentId] = useState<string | undefined>(unit.parentId ?? undefined);
  return (
    <View
      className="un-editor"
      data-testid="units-editor"
      role="group"
      aria-label={`编辑${unit.name}`}
    >
      <TextField label="单位名称" testId="units-edit-name" value={name} onChange={setName} />
      <Button
        type="primary"
        data-testid="units-rename"
        disabled={props.busy || name.trim() === unit.name}
        onClick={() => props.onRename(name)}
      >
        保存名称
      </Button>
      <SelectField<string>
        label="上级单位"
        testId="units-edit-parent"
        value={parentId}
        onChange={setParentId}
        choices={[TOP, ...props.parents]}
      />
      <Button
        type="primary"
        data-testid="units-move"
        disabled={props.busy || (parentId ?? null) === unit.parentId}
        onClick={() => props.onMove(parentId ?? null)}
      >
        移到所选上级单位之下
      </Button>
      <Text className="un-editor__hint">
        撤销后该单位不再可选，历史记录保留；须先调出在用账号、撤销下级单位。
      </Text>
      <Button
        fill="outline"
        type="danger"
        data-testid="units-retire"
        disabled={props.busy}
        onClick={props.onRetire}
      >
        撤销该单位
      </Button>
      <Message text={props.error} testId="units-edit-error" />
      <Button fill="none" data-testid="units-edit-close" onClick={props.onClose}>
        收起
      </Button>
    </View>
  );
}
