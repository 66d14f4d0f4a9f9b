import {
  CHECK_IN_OUTCOME_LABELS,
  CHECK_IN_OUTCOMES,
  PURPOSE_INFO,
  PURPOSES,
  type CheckInOutcome,
  type Purpose,
} from '@qinqing/domain';
import { Picker } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';

import { Choice } from '../../../components/Choice';
import { isOpenVisit, VisitRow } from '../../../components/VisitRow';
import { RANGES, useMyVisits } from '../../../features/officer-visits/useMyVisits';
import { useSession } from '../../../shared/session';
import { Button } from '../../../shared/ui/Button';
import { Page } from '../../../shared/ui/Page';
import { EmptyText, Pending } from '../../../shared/ui/Pending';

import '../../../components/officer.css';

const ALL = '全部';
const PURPOSE_OPTIONS = [
  { label: ALL, value: '' },
  ...PURPOSES.map((p) => ({ label: PURPOSE_INFO[p].label, value: p })),
];
const OUTCOME_OPTIONS = [
  { label: ALL, value: '' },
  ...CHECK_IN_OUTCOMES.map((o) => ({ label: CHECK_IN_OUTCOME_LABELS[o], value: o })),
];

/** A filter shown as 事由：全部, opening NutUI's picker. */
function Filter(props: {
  name: string;
  testId: string;
  options: { label: string; value: string }[];
  value: string;
  onChange: (value: string) => void;
}) {
  const [open, setOpen] = useState(false);
  const shown = props.options.find((o) => o.value === props.value)?.label ?? ALL;
  return (
    <>
      <Choice
        kind="button"
        className="o-option o-filter"
        data={{ 'data-testid': props.testId }}
        onSelect={() => setOpen(true)}
      >
        <Text>
          {props.name}：{shown} ▾
        </Text>
      </Choice>
      <Picker
        title={`选择${props.name}`}
        visible={open}
        options={[props.options]}
        value={[props.value]}
        onConfirm={(_options, values) => props.onChange(String(values[0] ?? ''))}
        onClose={() => setOpen(false)}
      />
    </>
  );
}

/** 我的检查记录: the officer's own visits and refused attempts, filtered, page by page. */
export default function OfficerVisitsPage() {
  const me = useSession('officer');
  const v = useMyVisits(me);
  if (!me) return <Page title="我的检查记录">{null}</Page>;

  return (
    <Page title="我的检查记录" testId="visits-title">
      <View className="o-choices" role="radiogroup" aria-label="时间范围">
        {RANGES.map((r, i) => (
          <Choice
            key={r.label}
            kind="radio"
            checked={i === v.range}
            className={`o-option ${i === v.range ? 'o-option--chosen' : ''}`}
            data={{ 'data-testid': `range-${i}` }}
            onSelect={() => v.setRange(i)}
          >
            <Text>{r.label}</Text>
          </Choice>
        ))}
      </View>
      <View className="o-choices">
        <Filter
          name="事由"
          testId="filter-purpose"
          options={PURPOSE_OPTIONS}
          value={v.purpose ?? ''}
          onChange={(p) => v.setPurpose((p || undefined) as Purpose | undefined)}
        />
        <Filter
          name="结果"
          testId="filter-outcome"
          options={OUTCOME_OPTIONS}
          value={v.outcome ?? ''}
          onChange={(o) => v.setOutcome((o || undefined) as CheckInOutcome | undefined)}
        />
      </View>

      <View data-testid="visits-list">
        {v.items.map((visit) => (
          <VisitRow key={visit.id} visit={visit}>
            {isOpenVisit(visit) && (
              <Button
                type="primary"
                className="o-action--small"
                onClick={() =>
                  void Taro.navigateTo({
                    url: `/pages/officer/check-out/index?visitId=${visit.id}`,
                  })
                }
              >
                签退
              </Button>
            )}
          </VisitRow>
        ))}
      </View>
      {!v.loading && !v.error && v.items.length === 0 && (
        <EmptyText>所选范围内没有检查记录。</EmptyText>
      )}
      <Pending loading={v.loading && v.items.length === 0} error={v.error} onRetry={v.reload} />
      {v.cursor && !v.error && (
        <Button
          block
          type="primary"
          fill="outline"
          className="o-action"
          data-testid="visits-more"
          loading={v.loading}
          onClick={v.more}
        >
          加载更多
        </Button>
      )}
    </Page>
  );
}
