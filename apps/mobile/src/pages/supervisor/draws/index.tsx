import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';

import { SelectField } from '../../../features/desk/fields';
import { DESK_PAGE } from '../../../features/desk/nav';
import { DrawFormCard } from '../../../features/draws/DrawFormCard';
import { DrawRow } from '../../../features/draws/DrawRow';
import { RateChart } from '../../../features/draws/RateChart';
import { useDraws } from '../../../features/draws/useDraws';
import { useSession } from '../../../shared/session';
import { Button } from '../../../shared/ui/Button';
import { Card, Page } from '../../../shared/ui/Page';
import { EmptyText, Pending } from '../../../shared/ui/Pending';

import '../../../features/desk/supervisor.css';
import '../../../features/draws/draws.css';

/** 双随机抽查: the draws, a form to commit a new one, and the year's realised rates per grade. */
export default function SupervisorDrawsPage() {
  const user = useSession(['supervisor', 'admin']);
  const d = useDraws(Boolean(user));
  if (!user) return <View />;
  const { draws, statistics } = d;

  return (
    <Page title="双随机抽查" backTo={DESK_PAGE} wide testId="supervisor-draws">
      <View className="sv-page">
        <Text className="sv-intro">
          随机抽取检查对象、随机选派执法人员，抽查结果向社会公开；信用越好，被抽中的概率越低。
        </Text>
        <View className="sv-nav">
          <Button type="primary" data-testid="draw-new" onClick={d.toggleForm}>
            {d.showForm ? '收起新建' : '新建抽查'}
          </Button>
          <Button
            type="primary"
            fill="outline"
            data-testid="draw-public-link"
            onClick={() => void Taro.navigateTo({ url: '/pages/public/draws/index' })}
          >
            公示页面
          </Button>
        </View>

        {d.showForm && (
          <DrawFormCard
            form={d.form}
            onChange={d.changeForm}
            busy={d.busy}
            serverError={d.commitError}
            today={d.today}
            onCommit={(request) => void d.commit(request)}
          />
        )}

        <Card title="抽查记录">
          <Pending loading={draws.loading} error={draws.error} onRetry={draws.reload} />
          {draws.data?.length === 0 && <EmptyText>还没有抽查，请点“新建抽查”。</EmptyText>}
          <View className="sv-list">
            {draws.data?.map((draw) => (
              <DrawRow
                key={draw.id}
                draw={draw}
                testId="draw-row"
                onClick={() =>
                  void Taro.navigateTo({ url: `/pages/supervisor/draw/index?id=${draw.id}` })
                }
              />
            ))}
          </View>
        </Card>

        <Card title={`${d.year} 年各信用等级抽中率`} testId="draw-statistics">
          <Text className="sv-muted">已揭示的抽查中，实际抽中率与权重对应的预期抽中率对比</Text>
          <View className="sv-filters">
            <SelectField<number>
              label="年度"
              testId="draw-statistics-year"
              value={d.year}
              onChange={(y) => d.setYear(y ?? d.years[0])}
              choices={d.years.map((y) => ({ value: y, label: `${y} 年` }))}
            />
          </View>
          <Pending
            loading={statistics.loading}
            error={statistics.error}
            onRetry={statistics.reload}
          />
          {statistics.data && !statistics.loading && <RateChart statistics={statistics.data} />}
        </Card>
      </View>
    </Page>
  );
}
