import {
  CHECK_IN_OUTCOME_LABELS,
  CHECK_IN_OUTCOMES,
  PURPOSE_INFO,
  PURPOSES,
  type CheckInOutcome,
  type Purpose,
  type VisitView,
} from '@qinqing/domain';
import { Button, Picker, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';

import { chinaMidnight, requireOfficer } from '../../../components/guard';
import { isOpenVisit, VisitRow } from '../../../components/VisitRow';
import { api, NetworkError } from '../../../services/api';

import '../../../components/officer.css';
import './index.css';

const RANGES = [
  { label: '今天', daysBack: 0 },
  { label: '近7天', daysBack: 6 },
  { label: '近30天', daysBack: 29 },
] as const;

const PAGE_SIZE = 20;
const ALL = '全部';

/** 我的检查记录: the officer's own visits and refused attempts, filtered, page by page. */
export default function OfficerVisitsPage() {
  const [me] = useState(() => requireOfficer('/pages/officer/visits/index'));
  const [range, setRange] = useState(1);
  const [purpose, setPurpose] = useState<Purpose | undefined>();
  const [outcome, setOutcome] = useState<CheckInOutcome | undefined>();
  const [items, setItems] = useState<VisitView[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState('');

  async function load(after: string | null): Promise<void> {
    if (!me) return;
    setLoading(true);
    setError('');
    try {
      const page = await api.visits({
        officerId: me.id,
        from: chinaMidnight(new Date(), RANGES[range].daysBack),
        purpose,
        outcome,
        limit: PAGE_SIZE,
        ...(after ? { cursor: after } : {}),
      });
      setItems((prev) => (after ? [...prev, ...page.items] : page.items));
      setCursor(page.nextCursor);
    } catch (e) {
      setError(
        e instanceof NetworkError
          ? '网络不可用：请检查信号后点击“重新加载”。'
          : e instanceof Error
            ? e.message
            : '读取失败，请重试。',
      );
    } finally {
      setLoading(false);
    }
  }

  useEffect(() => {
    void load(null);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [me, range, purpose, outcome]);

  if (!me) return <View className="o-page" />;

  const purposeOptions = [ALL, ...PURPOSES.map((p) => PURPOSE_INFO[p].label)];
  const outcomeOptions = [ALL, ...CHECK_IN_OUTCOMES.map((o) => CHECK_IN_OUTCOME_LABELS[o])];

  return (
    <View className="o-page">
      <Text className="o-title" data-testid="visits-title">
        我的检查记录
      </Text>
      <View className="visits__ranges">
        {RANGES.map((r, i) => (
          <View
            key={r.label}
            className={`o-option visits__range ${i === range ? 'o-option--chosen' : ''}`}
            data-testid={`range-${i}`}
            onClick={() => setRange(i)}
          >
            <Text>{r.label}</Text>
          </View>
        ))}
      </View>
      <Picker
        mode="selector"
        range={purposeOptions}
        value={purpose ? PURPOSES.indexOf(purpose) + 1 : 0}
        onChange={(e) => {
          const i = Number(e.detail.value);
          setPurpose(i === 0 ? undefined : PURPOSES[i - 1]);
        }}
      >
        <View className="o-option" data-testid="filter-purpose">
          <Text>事由：{purpose ? PURPOSE_INFO[purpose].label : ALL}</Text>
        </View>
      </Picker>
      <Picker
        mode="selector"
        range={outcomeOptions}
        value={outcome ? CHECK_IN_OUTCOMES.indexOf(outcome) + 1 : 0}
        onChange={(e) => {
          const i = Number(e.detail.value);
          setOutcome(i === 0 ? undefined : CHECK_IN_OUTCOMES[i - 1]);
        }}
      >
        <View className="o-option" data-testid="filter-outcome">
          <Text>结果：{outcome ? CHECK_IN_OUTCOME_LABELS[outcome] : ALL}</Text>
        </View>
      </Picker>

      {error && <Text className="o-error">{error}</Text>}
      <View data-testid="visits-list">
        {items.map((v) => (
          <VisitRow key={v.id} visit={v}>
            {isOpenVisit(v) && (
              <Button
                className="o-btn o-btn--small"
                onClick={() =>
                  void Taro.navigateTo({ url: `/pages/officer/check-out/index?visitId=${v.id}` })
                }
              >
                签退
              </Button>
            )}
          </VisitRow>
        ))}
      </View>
      {!loading && !error && items.length === 0 && (
        <Text className="o-muted">所选范围内没有检查记录。</Text>
      )}
      {cursor && (
        <Button
          className="o-btn o-btn--secondary"
          data-testid="visits-more"
          loading={loading}
          onClick={() => void load(cursor)}
        >
          加载更多
        </Button>
      )}
      {error && (
        <Button className="o-btn o-btn--secondary" onClick={() => void load(null)}>
          重新加载
        </Button>
      )}
    </View>
  );
}
