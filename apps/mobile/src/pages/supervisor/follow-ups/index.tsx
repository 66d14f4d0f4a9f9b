import {
  FOLLOW_UP_STATUS_LABELS,
  RATING_LEVEL_LABELS,
  type FollowUpCaseView,
} from '@qinqing/domain';
import { Button, Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useCallback, useEffect, useState } from 'react';

import { chinaDateTime } from '../../../features/firm/gate';
import { useRoleGuard } from '../../../features/firm/session-guard';
import { errorText } from '../../../features/desk/errors';
import { ListStatus } from '../../../features/desk/useRecord';
import {
  dueText,
  FOLLOW_UP_VIEWS,
  followUpFilters,
  overdueDays,
  poorItemNames,
  type FollowUpView,
} from '../../../features/desk/follow-up';
import { backToDesk, open } from '../../../features/desk/nav';
import { api } from '../../../services/api';

import '../../../features/desk/desk.css';

function isView(value: string | undefined): value is FollowUpView {
  return FOLLOW_UP_VIEWS.some((v) => v.key === value);
}

function CaseRow({ item, now }: { item: FollowUpCaseView; now: Date }) {
  const late = item.status === 'OPEN' && (item.overdue || overdueDays(item.dueAt, now) > 0);
  const poor = poorItemNames(item);
  return (
    <View
      className={`dk-row${late ? ' dk-row--alarm' : item.status === 'CLOSED' ? ' dk-row--done' : ''}`}
      data-testid="follow-up-row"
      onClick={open(`/pages/supervisor/follow-up/index?id=${item.id}`)}
    >
      <Text className="dk-row__strong">{item.enterpriseName ?? '（未知企业）'}</Text>
      <Text
        className={`dk-badge${late ? ' dk-badge--alarm' : item.status === 'CLOSED' ? ' dk-badge--done' : ''}`}
      >
        {FOLLOW_UP_STATUS_LABELS[item.status]} · {dueText(item, now)}
      </Text>
      <Text>
        总体评价：{RATING_LEVEL_LABELS[item.overall]}
        {poor.length > 0 ? ` · 差评 ${poor.length} 项` : ''}
      </Text>
      <Text className="dk-muted">
        {item.officers.map((o) => o.name).join('、')} · {item.unitName ?? ''} · 期限{' '}
        {chinaDateTime(item.dueAt)}
      </Text>
    </View>
  );
}

/** 回访核实: the cases 差 ratings opened, overdue ones highlighted. */
export default function FollowUpsPage() {
  const { params } = useRouter();
  const initial: FollowUpView = isView(params.view) ? params.view : 'OPEN';
  const user = useRoleGuard(
    ['supervisor', 'admin'],
    `/pages/supervisor/follow-ups/index?view=${initial}`,
  );
  const [view, setView] = useState<FollowUpView>(initial);
  const [items, setItems] = useState<FollowUpCaseView[] | null>(null);
  const [error, setError] = useState('');

  const load = useCallback(async () => {
    setError('');
    setItems(null);
    try {
      setItems(await api.followUps(followUpFilters(view)));
    } catch (e) {
      setError(errorText(e));
    }
  }, [view]);

  useEffect(() => {
    if (user) void load();
  }, [user, load]);

  if (!user) return <View className="dk" />;
  const now = new Date();

  return (
    <View className="dk dk--narrow" data-testid="follow-ups">
      <View className="dk__header">
        <Text className="dk__title">回访核实</Text>
        <Text className="dk__note">企业给出“差”评后自动生成，须在期限内回访并办结</Text>
      </View>
      <View className="dk__nav">
        <Button className="dk-btn dk-btn--secondary" onClick={backToDesk}>
          返回监督工作台
        </Button>
      </View>
      <View className="dk-tabs">
        {FOLLOW_UP_VIEWS.map((v) => (
          <View
            key={v.key}
            className={`dk-tab${view === v.key ? ' dk-tab--on' : ''}`}
            data-testid={`follow-ups-filter-${v.key}`}
            onClick={() => setView(v.key)}
          >
            <Text>{v.label}</Text>
          </View>
        ))}
      </View>
      <View className="dk-list">
        <ListStatus
          error={error}
          items={items}
          empty="没有符合条件的回访核实"
          onRetry={() => void load()}
        />
        {items?.map((item) => (
          <CaseRow key={item.id} item={item} now={now} />
        ))}
      </View>
    </View>
  );
}
