import {
  REPORT_STATUS_LABELS,
  REPORT_STATUSES,
  type ChainCheckStatus,
  type DeskSummary,
  type OfficerView,
} from '@qinqing/domain';
import { Button, Text, View } from '@tarojs/components';
import { useCallback, useEffect, useMemo, useState } from 'react';

import { chinaDateTime } from '../../../features/firm/gate';
import { useRoleGuard } from '../../../features/firm/session-guard';
import { BarList, ChartCard, Legend, StackedRow, Tile } from '../../../features/desk/ChartParts';
import {
  percentText,
  positiveListRows,
  ratingsByOfficerRows,
  ratingsByUnitRows,
  refusalBars,
  repeatBars,
  spotCheckShare,
  visitsPerWeekChart,
  LEVEL_COLORS,
  type LevelRow,
} from '../../../features/desk/charts';
import { downloadExport } from '../../../features/desk/download';
import { errorText } from '../../../features/desk/errors';
import {
  EXPORT_BUTTONS,
  exportFileName,
  exportPath,
  type ExportFormat,
  type ExportKind,
} from '../../../features/desk/export';
import { open } from '../../../features/desk/nav';
import { deskPeriod, PERIOD_CHOICES, type PeriodWeeks } from '../../../features/desk/period';
import { monthLabel } from '../../../features/desk/spot-check';
import { FilterPicker } from '../../../features/desk/ui';
import { unitsOf } from '../../../features/supervisor/log';
import { api } from '../../../services/api';

import '../../../features/desk/desk.css';

const HERE = '/pages/supervisor/desk/index';

const LEVEL_LEGEND = [
  { key: 'GOOD', label: '好', color: LEVEL_COLORS.GOOD },
  { key: 'FAIR', label: '中', color: LEVEL_COLORS.FAIR },
  { key: 'POOR', label: '差', color: LEVEL_COLORS.POOR },
];

function ChainPanel(props: {
  chain: ChainCheckStatus | null;
  busy: boolean;
  error: string;
  onRun: () => void;
}) {
  const { chain } = props;
  const failure = chain?.alert ? (chain.lastFailure ?? chain.latest) : null;
  const latest = chain?.latest ?? null;
  return (
    <View>
      {failure && (
        <View className="dk-alert" data-testid="desk-chain-alert" role="alert">
          <Text className="dk-alert__title">审计链校验失败</Text>
          <Text className="dk-alert__text">
            {chinaDateTime(failure.checkedAt)} 校验发现审计链在第 {failure.firstBrokenSeq ?? '?'}{' '}
            条记录处断裂，审计记录可能被篡改。请立即上报并保全数据库。
          </Text>
        </View>
      )}
      <View className="dk-chain">
        <Text
          data-testid="desk-chain-status"
          className={`dk-chain__text ${
            latest && !latest.ok ? 'dk-chain__text--broken' : 'dk-chain__text--ok'
          }`}
        >
          {!chain
            ? '正在读取审计链校验结果…'
            : !latest
              ? '审计链尚未校验'
              : latest.ok
                ? `最近校验 ${chinaDateTime(latest.checkedAt)}：审计链完整（${latest.entries} 条记录）`
                : `最近校验 ${chinaDateTime(latest.checkedAt)}：在第 ${latest.firstBrokenSeq ?? '?'} 条断裂`}
        </Text>
        <Button
          className="dk-btn"
          data-testid="desk-chain-run"
          loading={props.busy}
          disabled={props.busy}
          onClick={props.onRun}
        >
          立即校验
        </Button>
      </View>
      {props.error && <Text className="dk-error">{props.error}</Text>}
    </View>
  );
}

function LevelChart(props: { title: string; testId: string; rows: LevelRow[]; unit: string }) {
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
          unit={props.unit}
          segments={row.segments}
        />
      ))}
    </ChartCard>
  );
}

function DeskCharts({ summary, weeks }: { summary: DeskSummary; weeks: PeriodWeeks }) {
  const perWeek = visitsPerWeekChart(summary.visitsPerWeek, summary);
  const refusals = refusalBars(summary.refusalsByRule);
  const positive = positiveListRows(summary.positiveListVisits);
  const repeats = repeatBars(summary.repeatVisits);
  const byUnit = ratingsByUnitRows(summary.ratingsByUnit);
  const byOfficer = ratingsByOfficerRows(summary.ratingsByOfficer);
  const spot = summary.spotCheck;

  return (
    <View className="dk-grid">
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

      <LevelChart title="好差评（按单位）" testId="chart-ratings-unit" rows={byUnit} unit="条" />
      <LevelChart
        title="好差评（按执法人员）"
        testId="chart-ratings-officer"
        rows={byOfficer}
        unit="条"
      />

      <ChartCard title="回访核实" testId="desk-follow-ups" note="差评自动生成回访核实">
        <View className="dk-tiles">
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
        <View className="dk-tiles">
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
          <View onClick={open('/pages/supervisor/spot-checks/index')}>
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
          </View>
        ) : (
          <Text className="dk-empty">本月尚未抽查</Text>
        )}
        <Button
          className="dk-btn dk-btn--secondary dk-btn--wide"
          onClick={open('/pages/supervisor/spot-checks/index')}
        >
          {spot ? '查看抽查' : '去抽查'}
        </Button>
      </ChartCard>
    </View>
  );
}

/** 监督工作台: the supervisor's home. Chain status first, then the period's charts and exports. */
export default function SupervisorDeskPage() {
  const user = useRoleGuard(['supervisor', 'admin'], HERE);
  const [weeks, setWeeks] = useState<PeriodWeeks>(4);
  const [unitId, setUnitId] = useState<string | undefined>();
  const [reloads, setReloads] = useState(0);
  const [summary, setSummary] = useState<DeskSummary | null>(null);
  const [summaryError, setSummaryError] = useState('');
  const [loading, setLoading] = useState(false);
  const [chain, setChain] = useState<ChainCheckStatus | null>(null);
  const [chainBusy, setChainBusy] = useState(false);
  const [chainError, setChainError] = useState('');
  const [officers, setOfficers] = useState<OfficerView[]>([]);
  const [exporting, setExporting] = useState('');
  const [exportMessage, setExportMessage] = useState<{ ok: boolean; text: string } | null>(null);

  // The period ends now: recomputed when the choice changes or on 刷新.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const period = useMemo(() => deskPeriod(weeks, new Date()), [weeks, reloads]);

  const loadSummary = useCallback(async () => {
    setLoading(true);
    setSummaryError('');
    try {
      const fresh = await api.deskSummary({ ...period, unitId });
      setSummary(fresh);
      setChain(fresh.chain);
    } catch (e) {
      setSummaryError(`${errorText(e)} 请点“刷新”。`);
    } finally {
      setLoading(false);
    }
  }, [period, unitId]);

  useEffect(() => {
    if (user) void loadSummary();
  }, [user, loadSummary]);

  useEffect(() => {
    if (!user) return;
    api
      .chainStatus()
      .then(setChain)
      .catch(() => undefined);
    api
      .officers()
      .then(setOfficers)
      .catch(() => undefined);
  }, [user]);

  const units = useMemo(() => unitsOf(officers), [officers]);

  async function runChainCheck(): Promise<void> {
    setChainBusy(true);
    setChainError('');
    try {
      setChain(await api.runChainCheck());
    } catch (e) {
      setChainError(`校验未完成：${errorText(e)}`);
    } finally {
      setChainBusy(false);
    }
  }

  async function exportFile(kind: ExportKind, format: ExportFormat): Promise<void> {
    const range = { ...period, unitId };
    setExporting(`${kind}-${format}`);
    setExportMessage(null);
    try {
      const name = exportFileName(kind, format, range);
      await downloadExport(exportPath(kind, format, range), name, format);
      setExportMessage({ ok: true, text: `已导出：${name}` });
    } catch (e) {
      setExportMessage({ ok: false, text: `导出失败：${errorText(e)}` });
    } finally {
      setExporting('');
    }
  }

  if (!user) return <View className="dk" />;

  return (
    <View className="dk" data-testid="supervisor-desk">
      <View className="dk__header">
        <Text className="dk__title">监督工作台</Text>
        <Text className="dk__note">{user.name} · 执法打卡、好差评、回访核实与监督举报一览</Text>
      </View>

      <ChainPanel
        chain={chain}
        busy={chainBusy}
        error={chainError}
        onRun={() => void runChainCheck()}
      />

      <View className="dk__nav">
        <Button
          className="dk-btn dk-btn--secondary"
          data-testid="desk-visits-log"
          onClick={open('/pages/supervisor/visits/index')}
        >
          执法打卡记录
        </Button>
        <Button
          className="dk-btn dk-btn--secondary"
          onClick={open('/pages/supervisor/follow-ups/index')}
        >
          回访核实
        </Button>
        <Button
          className="dk-btn dk-btn--secondary"
          onClick={open('/pages/supervisor/reports/index')}
        >
          监督举报
        </Button>
        <Button
          className="dk-btn dk-btn--secondary"
          onClick={open('/pages/supervisor/spot-checks/index')}
        >
          评价抽查
        </Button>
        <Button
          className="dk-btn dk-btn--secondary"
          data-testid="desk-draws"
          onClick={open('/pages/supervisor/draws/index')}
        >
          双随机抽查
        </Button>
        {user.role === 'admin' && (
          <Button
            className="dk-btn dk-btn--secondary"
            data-testid="desk-master-data"
            onClick={open('/pages/admin/master-data/index')}
          >
            企业主数据导入
          </Button>
        )}
      </View>

      <View className="dk-filters" data-testid="desk-filters">
        <FilterPicker<PeriodWeeks>
          label="统计期间"
          testId="desk-period"
          value={weeks}
          onChange={(w) => setWeeks(w ?? 4)}
          choices={PERIOD_CHOICES.map((c) => ({ value: c.weeks, label: c.label }))}
        />
        <FilterPicker<string>
          label="执法单位"
          testId="desk-unit"
          value={unitId}
          onChange={setUnitId}
          choices={[{ value: undefined, label: '全部单位' }, ...units]}
        />
      </View>

      {summaryError && (
        <View className="dk-card">
          <Text className="dk-error">{summaryError}</Text>
        </View>
      )}
      <View className="dk__nav">
        <Button
          className="dk-btn dk-btn--secondary"
          data-testid="desk-refresh"
          loading={loading}
          onClick={() => setReloads((n) => n + 1)}
        >
          刷新
        </Button>
      </View>
      {!summary && loading && <Text className="dk-loading">正在统计…</Text>}
      {summary && <DeskCharts summary={summary} weeks={weeks} />}

      <View className="dk-card" data-testid="desk-exports">
        <Text className="dk-card__title">导出（当前统计期间与单位）</Text>
        <Text className="dk-card__note">Excel/WPS 可直接打开；CSV 为 UTF-8 编码</Text>
        <View className="dk-card__body">
          <View className="dk-exports">
            {EXPORT_BUTTONS.map((b) => (
              <Button
                key={`${b.kind}-${b.format}`}
                className="dk-btn dk-btn--secondary"
                data-testid={`export-${b.kind}-${b.format}`}
                loading={exporting === `${b.kind}-${b.format}`}
                disabled={exporting !== ''}
                onClick={() => void exportFile(b.kind, b.format)}
              >
                {b.label}
              </Button>
            ))}
          </View>
          {exportMessage && (
            <Text
              className={exportMessage.ok ? 'dk-ok' : 'dk-error'}
              data-testid="desk-export-message"
            >
              {exportMessage.text}
            </Text>
          )}
        </View>
      </View>
    </View>
  );
}
