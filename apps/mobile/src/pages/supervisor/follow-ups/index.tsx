import {
  FOLLOW_UP_STATUS_LABELS,
  RATING_LEVEL_LABELS,
  type FollowUpCaseView,
} from '@qinqing/domain';
import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useState } from 'react';

import { FilterTabs, FOCUSABLE } from '../../../features/desk/fields';
import {
  dueText,
  FOLLOW_UP_VIEWS,
  followUpFilters,
  overdueDays,
  poorItemNames,
  type FollowUpView,
} from '../../../features/desk/follow-up';
import { DESK_PAGE, open } from '../../../features/desk/nav';
import { chinaDateTime } from '../../../features/firm/gate';
import { api } from '../../../services/api';
import { useRequest } from '../../../shared/request';
import { useSession } from '../../../shared/session';
import { Page } from '../../../shared/ui/Page';
import { EmptyText, Pending } from '../../../shared/ui/Pending';

import '../../../features/desk/supervisor.css';

function isView(value: string | undefined): value is FollowUpView {
  return FOLLOW_UP_VIEWS.some((v) => v.key === value);
}

function CaseRow({ item, now }: { item: FollowUpCaseView; now: Date }) {
  const late = item.status === 'OPEN' && (item.overdue || overdueDays(item.dueAt, now) > 0);
  const poor = poorItemNames(item);
  const tone = late
    ? ' sv-row--alarm'
    : item.status === 'CLOSED'
      ? ' sv-row--done'
      : ' sv-row--warn';
  return (
    <View
      className={`sv-row${tone}`}
      data-testid="follow-up-row"
      role="link"
      {...FOCUSABLE}
      onClick={open(`/pages/supervisor/follow-up/index?id=${item.id}`)}
    >
      <Text className="sv-row__strong">{item.enterpriseName ?? '（未知企业）'}</Text>
      <Text className={late ? 'sv-alarm' : undefined}>
        {FOLLOW_UP_STATUS_LABELS[item.status]} · {dueText(item, now)}
      </Text>
      <Text>
        总体评价：{RATING_LEVEL_LABELS[item.overall]}
        {poor.length > 0 ? ` · 差评 ${poor.length} 项` : ''}
      </Text>
      <Text className="sv-muted">
        {item.officers.map((o) => o.name).join('、')} · {item.unitName ?? ''} · 期限{' '}
        {chinaDateTime(item.dueAt)}
      </Text>
    </View>
  );
}

/** 回访核实: the cases 差 ratings opened, overdue ones highlighted. */
export default function FollowUpsPage() {
  const { params } = useRouter();
  const user = useSession(['supervisor', 'admin']);
  const [view, setView] = useState<FollowUpView>(isView(params.view) ? params.view : 'OPEN');
  const list = useRequest(
    async () => (await api.listFollowUps({ query: followUpFilters(view) })).items,
    [view],
    {
      enabled: Boolean(user),
    },
  );
  if (!user) return <View />;
  const now = new Date();

  return (
    <Page title="回访核实" backTo={DESK_PAGE} wide testId="follow-ups">
      <View className="sv-page">
        <Text className="sv-intro">企业给出“差”评后自动生成，须在期限内回访并办结</Text>
        <FilterTabs
          label="回访核实状态"
          value={view}
          onChange={setView}
          tabs={FOLLOW_UP_VIEWS.map((v) => ({
            key: v.key,
            label: v.label,
            testId: `follow-ups-filter-${v.key}`,
          }))}
        />
        <Pending loading={list.loading} error={list.error} onRetry={list.reload} />
        {!list.loading && list.data?.length === 0 && <EmptyText>没有符合条件的回访核实</EmptyText>}
        <View className="sv-list">
          {!list.loading &&
            list.data?.map((item) => <CaseRow key={item.id} item={item} now={now} />)}
        </View>
      </View>
    </Page>
  );
}
