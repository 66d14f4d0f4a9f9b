import type { EnterpriseView } from '@qinqing/domain';
import { Text, View } from '@tarojs/components';
import { useState } from 'react';

import { Button } from '../../shared/ui/Button';
import { TextField } from '../../shared/ui/TextField';

/** How many matches are offered at once: type more of the name to narrow them. */
const SHOWN = 8;

/**
 * The firms an enterprise user manages (one or more): the chosen ones, each with 移除, and a
 * search by name or 统一社会信用代码 offering the others.
 */
export function FirmPicker(props: {
  firms: EnterpriseView[];
  value: string[];
  error?: string;
  testId: string;
  onChange: (ids: string[]) => void;
}) {
  const [q, setQ] = useState('');
  const chosen = props.value
    .map((id) => props.firms.find((f) => f.id === id))
    .filter((f): f is EnterpriseView => Boolean(f));
  const needle = q.trim().toLowerCase();
  const matches = props.firms
    .filter((f) => !props.value.includes(f.id))
    .filter((f) => !needle || f.name.toLowerCase().includes(needle) || f.uscc.includes(q.trim()))
    .slice(0, SHOWN);
  return (
    <View className="us-firms" data-testid={props.testId} role="group" aria-label="所属企业">
      <Text className="us-firms__label">所属企业（可选多家）</Text>
      {chosen.length === 0 ? (
        <Text className="us-firms__none">尚未选择企业</Text>
      ) : (
        chosen.map((firm) => (
          <View key={firm.id} className="us-firms__chosen" data-testid={`${props.testId}-chosen`}>
            <Text className="us-firms__name">{firm.name}</Text>
            <Button
              fill="none"
              type="danger"
              label={`移除${firm.name}`}
              onClick={() => props.onChange(props.value.filter((id) => id !== firm.id))}
            >
              移除
            </Button>
          </View>
        ))
      )}
      {props.error && <Text className="qq-text-field__error">{props.error}</Text>}
      <TextField
        label="搜索企业（名称或信用代码）"
        testId={`${props.testId}-search`}
        value={q}
        onChange={setQ}
      />
      {matches.map((firm) => (
        <Button
          key={firm.id}
          className="us-firms__option"
          fill="outline"
          type="primary"
          label={`添加${firm.name}`}
          onClick={() => {
            props.onChange([...props.value, firm.id]);
            setQ(''); // ready for the next firm's name
          }}
        >
          ＋ {firm.name}
        </Button>
      ))}
      {needle && matches.length === 0 && (
        <Text className="us-firms__none">没有名称或信用代码包含“{q.trim()}”的其他企业</Text>
      )}
    </View>
  );
}
