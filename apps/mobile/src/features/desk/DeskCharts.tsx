import { REPORT_STATUS_LABELS, REPORT_STATUSES, type DeskSummary } from '@qinqing/domain';
import { Text, View } from '@tarojs/components';

import { Button } from '../../shared/ui/Button';
import { BarList, ChartCard, ChartGrid, Legend, StackedRow, Tile } from './ChartParts';
import {
  LEVEL_COLORS,
  percentText,
  positiveListRows,
  ratingsByOfficerRows,
  ratingsByUnitRows,
  refusalBars,
  repeatBars,
  spotCheckShare,
  visitsPerWeekChart,
  type LevelRow,
} from './charts';
import { open } from './nav';
import type { PeriodWeeks } from './period';
import { monthLabel } from './spot-check';

const LEVEL_LEGEND = [
  { key: 'GOOD', label: '好', color: LEVEL_COLORS.GOOD },
  { key: 'FAIR', label: '中', color: LEVEL_COLORS.FAIR },
  { key: 'POOR', label: '差', color: LEVEL_COLORS.POOR },
];

function LevelChart(props: { title: string; testId: string; rows: LevelRow[] }) {
  return (
    <ChartCard
      title={props.title}
      testId={props.testId}
      empty={props.rows.length === 0 ? '本期没有评价' : undefined}
    >
      <Legend items={LEVEL_LEGEND} />
      {props.rows.map((row) => (
        <StackedRow
          key={row.key}
          label={row.label}
          total={row.total}
          unit="条"
          segments={row.segments}
        />
      ))}
    </ChartCard>
  );
}

/** The period's charts and counters, each a card; the counters open their lists. */
export function DeskCharts({ summary, weeks }: { summary: DeskSummary; weeks: PeriodWeeks }) {
  const perWeek = visitsPerWeekChart(summary.visitsPerWeek, summary);
  const refusals = refusalBars(summary.refusalsByRule);
  const positive = positiveListRows(summary.positiveListVisits);
  const repeats = repeatBars(summary.repeatVisits);
  const spot = summary.spotCheck;

  return (
    <ChartGrid>
      <ChartCard
        wide
        title={`每周入企检查（按事由）· 共 ${perWeek.total} 次`}
        testId="chart-visits-per-week"
        note={`近 ${weeks} 周，每行一周（周一起），条长为当周次数`}
        empty={perWeek.total === 0 ? '本期没有入企检查' : undefined}
      >
        <Legend
          items={perWeek.legend.map((l) => ({
            key: l.purpose,
            label: l.label,
            color: l.color,
            total: l.total,
          }))}
        />
        {perWeek.weeks.map((w) => (
          <StackedRow
            key={w.weekStart}
            label={w.label}
            total={w.total}
            unit="次"
            segments={w.segments}
          />
        ))}
      </ChartCard>

      <ChartCard
        title="不予入企（按规则）"
        testId="chart-refusals"
        note="每次不予入企计入拒绝它的规则；只记录不拦截的情形不计"
        empty={refusals.length === 0 ? '本期没有不予入企' : undefined}
      >
        <BarList bars={refusals} color="#b3261e" unit="次" />
      </ChartCard>

      <ChartCard
        title="正面清单企业入企情况"
        testId="chart-positive-list"
        note="按事由统计进入与未获准入；以清单不允许的事由进入的标红"
        empty={positive.length === 0 ? '本期没有到正面清单企业的入企' : undefined}
      >
        <Legend
          items={[
            { key: 'ENTERED', label: '进入', color: '#0a7a36' },
            { key: 'REFUSED', label: '未获准入', color: '#8a9a92' },
            { key: 'ALARM', label: '不允许的事由却进入', color: '#b3261e' },
          ]}
        />
        {positive.map((row) => (
          <StackedRow
            key={row.purpose}
            label={`${row.label}${row.allowedPurpose ? '' : '（清单不允许）'}`}
            total={row.attempts}
            unit="次"
            segments={row.segments}
            alarm={row.alarming ? `以不允许的事由进入 ${row.entered} 次，请核查` : undefined}
            testId="positive-list-row"
          />
        ))}
      </ChartCard>

      <ChartCard
        title="重复入企（前 10 家）"
        testId="chart-repeat"
        note="本期被进入两次及以上的企业"
        empty={repeats.length === 0 ? '本期没有重复入企的企业' : undefined}
      >
        <BarList bars={repeats} color="#1d3557" unit="次" />
      </ChartCard>

      <LevelChart
        title="好差评（按单位）"
        testId="chart-ratings-unit"
        rows={ratingsByUnitRows(summary.ratingsByUnit)}
      />
      <LevelChart
        title="好差评（按执法人员）"
        testId="chart-ratings-officer"
        rows={ratingsByOfficerRows(summary.ratingsByOfficer)}
      />

      <ChartCard title="回访核实" testId="desk-follow-ups" note="差评自动生成回访核实">
        <View className="ch-tiles">
          <Tile
            label="待核实"
            value={summary.followUps.open}
            testId="desk-follow-ups-open"
            onClick={open('/pages/supervisor/follow-ups/index?view=OPEN')}
          />
          <Tile
            label="已逾期"
            value={summary.followUps.overdue}
            tone={summary.followUps.overdue > 0 ? 'alarm' : 'quiet'}
            testId="desk-follow-ups-overdue"
            onClick={open('/pages/supervisor/follow-ups/index?view=OVERDUE')}
          />
          <Tile
            label="已办结"
            value={summary.followUps.closed}
            tone="quiet"
            testId="desk-follow-ups-closed"
            onClick={open('/pages/supervisor/follow-ups/index?view=CLOSED')}
          />
        </View>
      </ChartCard>

      <ChartCard title="监督举报" testId="desk-reports">
        <View className="ch-tiles">
          {REPORT_STATUSES.map((status) => (
            <Tile
              key={status}
              label={REPORT_STATUS_LABELS[status]}
              value={summary.reports[status] ?? 0}
              tone={status === 'CONCLUDED' ? 'quiet' : undefined}
              testId={`desk-reports-${status}`}
              onClick={open(`/pages/supervisor/reports/index?status=${status}`)}
            />
          ))}
        </View>
      </ChartCard>

      <ChartCard title="本月评价抽查" testId="desk-spot-check">
        {spot ? (
          <StackedRow
            label={`${monthLabel(spot.month)}：评价 ${spot.ratings} 条，抽取 ${spot.sampled} 条`}
            total={spot.verified}
            unit={` 条已核实（${percentText(spotCheckShare(spot))}）`}
            segments={[
              {
                key: 'VERIFIED',
                label: '已核实',
                count: spot.verified,
                percent: Math.round(spotCheckShare(spot) * 100),
                color: '#0a7a36',
              },
            ]}
          />
        ) : (
          <Text className="ch-empty">本月尚未抽查</Text>
        )}
        <Button
          className="sv-wide-button"
          fill="outline"
          type="primary"
          onClick={open('/pages/supervisor/spot-checks/index')}
        >
          {spot ? '查看抽查' : '去抽查'}
        </Button>
      </ChartCard>
    </ChartGrid>
  );
}
