import { Text, View } from '@tarojs/components';

import { EmptyText } from '../../shared/ui/Pending';
import { bodyOf, diffPolicies, type PolicyVersionView } from './diff';

/**
 * Two versions side by side: 项目 | 第 A 版 | 第 B 版, every field labelled in Chinese, the ones
 * that differ marked 有变化 and highlighted. At 360 px the label spans the row and the two values
 * stand side by side under it, each labelled with its version.
 */
export function PolicyDiff(props: { pair: PolicyVersionView[] }) {
  if (props.pair.length < 2) {
    return (
      <EmptyText testId="policy-diff-empty">请在上面的版本列表中勾选两个版本进行对比。</EmptyText>
    );
  }
  const [older, newer] = props.pair;
  const rows = diffPolicies(bodyOf(older), bodyOf(newer));
  const changed = rows.filter((r) => r.changed).length;
  const a = `第 ${older.version} 版`;
  const b = `第 ${newer.version} 版`;
  return (
    <View data-testid="policy-diff">
      <Text className="pl-diff__summary" data-testid="policy-diff-summary">
        {changed === 0
          ? `${a}与${b}的规则完全相同。`
          : `${b}相对${a}有 ${changed} 项变化（已标出）。`}
      </Text>
      <View className="pl-diff" role="table" aria-label={`${a}与${b}对比`}>
        <View className="pl-diff__row pl-diff__row--head" role="row">
          <View className="pl-diff__cell pl-diff__label" role="columnheader">
            项目
          </View>
          <View className="pl-diff__cell" role="columnheader">
            {a}
          </View>
          <View className="pl-diff__cell" role="columnheader">
            {b}
          </View>
        </View>
        {rows.map((row) => (
          <View
            key={row.id}
            className={`pl-diff__row${row.changed ? ' pl-diff__row--changed' : ''}`}
            role="row"
            data-testid={row.changed ? 'policy-diff-changed' : 'policy-diff-same'}
            data-field={row.id}
          >
            <View className="pl-diff__cell pl-diff__label" role="rowheader">
              {row.label}
              {row.changed && <Text className="pl-diff__flag">有变化</Text>}
            </View>
            <View className="pl-diff__cell pl-diff__before" role="cell">
              <Text className="pl-diff__version">{a}：</Text>
              {row.before}
            </View>
            <View className="pl-diff__cell pl-diff__after" role="cell">
              <Text className="pl-diff__version">{b}：</Text>
              {row.after}
            </View>
          </View>
        ))}
      </View>
    </View>
  );
}
