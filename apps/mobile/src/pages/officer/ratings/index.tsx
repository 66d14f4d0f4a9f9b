import { RATING_LEVEL_LABELS, RATING_LEVELS } from '@qinqing/domain';
import { Text } from '@tarojs/components';

import { ChartCard, Legend, StackedRow } from '../../../features/desk/ChartParts';
import { LEVEL_COLORS } from '../../../features/desk/charts';
import {
  ANONYMITY_NOTE,
  releasedRangeText,
  summaryRows,
} from '../../../features/desk/rating-summary';
import { api } from '../../../services/api';
import { useRequest } from '../../../shared/request';
import { useSession } from '../../../shared/session';
import { Card, Page } from '../../../shared/ui/Page';
import { Pending } from '../../../shared/ui/Pending';

import '../../../components/officer.css';
import '../../../features/desk/desk.css';

const LEGEND = RATING_LEVELS.map((level) => ({
  key: level,
  label: RATING_LEVEL_LABELS[level],
  color: LEVEL_COLORS[level],
}));

/** 我的评价汇总: the officer's own 好差评, aggregated over released months only. */
export default function OfficerRatingsPage() {
  const me = useSession('officer');
  const {
    data: summary,
    loading,
    error,
    reload,
  } = useRequest(() => api.myRatingSummary(), [me?.id], { enabled: Boolean(me) });
  const range = summary ? releasedRangeText(summary) : null;

  return (
    <Page title="我的评价汇总" testId="officer-rating-summary">
      <Card>
        <Text className="o-muted">{ANONYMITY_NOTE}</Text>
      </Card>
      <Pending loading={loading && !summary} error={error} onRetry={reload} />
      {summary && (
        <>
          <Card>
            <Text className="o-section" data-testid="officer-rating-total">
              {summary.total > 0 ? `已发布评价 ${summary.total} 条` : '尚无已发布的评价'}
            </Text>
            <Text className="o-muted">
              {range ? `统计月份：${range}` : '评价累计到一定数量后按整月发布。'}
            </Text>
          </Card>
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
          <Card title="发布规则" testId="officer-rating-rule">
            <Text className="o-muted">{summary.releaseRule}</Text>
          </Card>
        </>
      )}
    </Page>
  );
}
