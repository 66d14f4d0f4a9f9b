import { RATING_LEVEL_LABELS, RATING_LEVELS, type RatingSummary } from '@qinqing/domain';
import { Button, Text, View } from '@tarojs/components';
import { useCallback, useEffect, useState } from 'react';

import { requireOfficer } from '../../../components/guard';
import { ChartCard, Legend, StackedRow } from '../../../features/desk/ChartParts';
import { LEVEL_COLORS } from '../../../features/desk/charts';
import { errorText } from '../../../features/desk/errors';
import {
  ANONYMITY_NOTE,
  releasedRangeText,
  summaryRows,
} from '../../../features/desk/rating-summary';
import { api } from '../../../services/api';

import '../../../components/officer.css';
import '../../../features/desk/desk.css';

const LEGEND = RATING_LEVELS.map((level) => ({
  key: level,
  label: RATING_LEVEL_LABELS[level],
  color: LEVEL_COLORS[level],
}));

/** 我的评价汇总: the officer's own 好差评, aggregated over released months only. */
export default function OfficerRatingsPage() {
  const [me] = useState(() => requireOfficer('/pages/officer/ratings/index'));
  const [summary, setSummary] = useState<RatingSummary | null>(null);
  const [error, setError] = useState('');

  const load = useCallback(async () => {
    setError('');
    try {
      setSummary(await api.myRatingSummary());
    } catch (e) {
      setError(errorText(e, '暂时无法读取评价汇总。'));
    }
  }, []);

  useEffect(() => {
    if (me) void load();
  }, [me, load]);

  if (!me) return <View className="o-page" />;
  const range = summary ? releasedRangeText(summary) : null;

  return (
    <View className="o-page" data-testid="officer-rating-summary">
      <View className="o-card">
        <Text className="o-title">我的评价汇总</Text>
        <Text className="o-muted">{ANONYMITY_NOTE}</Text>
      </View>

      {error && (
        <View>
          <Text className="o-error">{error}</Text>
          <Button className="o-btn" onClick={() => void load()}>
            重试
          </Button>
        </View>
      )}
      {!error && !summary && <Text className="o-muted">正在读取…</Text>}

      {summary && (
        <View>
          <View className="o-card">
            <Text className="o-section" data-testid="officer-rating-total">
              {summary.total > 0 ? `已发布评价 ${summary.total} 条` : '尚无已发布的评价'}
            </Text>
            <Text className="o-muted">
              {range ? `统计月份：${range}` : '评价累计到一定数量后按整月发布。'}
            </Text>
          </View>
          {summary.total > 0 && (
            <ChartCard title="好 / 中 / 差 分布" testId="officer-rating-bars">
              <Legend items={LEGEND} />
              {summaryRows(summary).map((row) => (
                <StackedRow
                  key={row.key}
                  label={row.label}
                  total={row.total}
                  unit="条"
                  segments={row.segments}
                />
              ))}
            </ChartCard>
          )}
          <View className="o-card" data-testid="officer-rating-rule">
            <Text className="o-section">发布规则</Text>
            <Text className="o-muted">{summary.releaseRule}</Text>
          </View>
        </View>
      )}
    </View>
  );
}
