import { View } from '@tarojs/components';

import { ChainPanel } from '../../../features/desk/ChainPanel';
import { DeskCharts } from '../../../features/desk/DeskCharts';
import { EXPORT_BUTTONS } from '../../../features/desk/export';
import { Message, SelectField } from '../../../features/desk/fields';
import { open } from '../../../features/desk/nav';
import { PERIOD_CHOICES, type PeriodWeeks } from '../../../features/desk/period';
import { useDesk } from '../../../features/desk/useDesk';
import { useSession } from '../../../shared/session';
import { Button } from '../../../shared/ui/Button';
import { Card, Page } from '../../../shared/ui/Page';
import { Pending } from '../../../shared/ui/Pending';

import '../../../features/desk/supervisor.css';
import '../../../features/desk/desk-page.css';

/** Where the desk leads: the supervisor's lists, and for an admin the master data pages too. */
const LINKS: { label: string; url: string; testId?: string; admin?: boolean }[] = [
  { label: '执法打卡记录', url: '/pages/supervisor/visits/index', testId: 'desk-visits-log' },
  { label: '回访核实', url: '/pages/supervisor/follow-ups/index', testId: 'desk-follow-ups-link' },
  { label: '监督举报', url: '/pages/supervisor/reports/index', testId: 'desk-reports-link' },
  { label: '评价抽查', url: '/pages/supervisor/spot-checks/index', testId: 'desk-spot-checks' },
  { label: '双随机抽查', url: '/pages/supervisor/draws/index', testId: 'desk-draws' },
  {
    label: '企业主数据导入',
    url: '/pages/admin/master-data/index',
    testId: 'desk-master-data',
    admin: true,
  },
  { label: '门口码与海报', url: '/pages/admin/gates/index', testId: 'desk-gates', admin: true },
  { label: '检查规则', url: '/pages/admin/policy/index', testId: 'desk-policy', admin: true },
  { label: '账号管理', url: '/pages/admin/users/index', testId: 'desk-users', admin: true },
  { label: '单位管理', url: '/pages/admin/units/index', testId: 'desk-units', admin: true },
];

/** 监督工作台: the supervisor's (and admin's) home. The chain first, then the period's charts. */
export default function SupervisorDeskPage() {
  const user = useSession(['supervisor', 'admin']);
  const desk = useDesk(user);
  if (!user) return <View />;
  const { summary } = desk;

  return (
    <Page title="监督工作台" back={false} wide testId="supervisor-desk">
      <View className="sv-page">
        <View className="sv-intro">{user.name} · 执法打卡、好差评、回访核实与监督举报一览</View>

        <ChainPanel
          chain={desk.chain}
          busy={desk.chainBusy}
          error={desk.chainError}
          kept={desk.keptCheckpoints}
          onRun={() => void desk.runChainCheck()}
        />

        <View className="sv-nav" role="navigation" aria-label="监督工作">
          {LINKS.filter((l) => !l.admin || user.role === 'admin').map((l) => (
            <Button
              key={l.url}
              fill="outline"
              type="primary"
              data-testid={l.testId}
              onClick={open(l.url)}
            >
              {l.label}
            </Button>
          ))}
        </View>

        <View className="sv-filters" data-testid="desk-filters">
          <SelectField<PeriodWeeks>
            label="统计期间"
            testId="desk-period"
            value={desk.weeks}
            onChange={(w) => desk.setWeeks(w ?? 4)}
            choices={PERIOD_CHOICES.map((c) => ({ value: c.weeks, label: c.label }))}
          />
          <SelectField<string>
            label="执法单位"
            testId="desk-unit"
            value={desk.unitId}
            onChange={desk.setUnitId}
            choices={[{ value: undefined, label: '全部单位' }, ...desk.units]}
          />
          <View className="sv-select">
            <View className="sv-select__label">更新数据</View>
            <Button
              className="sv-select__button"
              fill="outline"
              data-testid="desk-refresh"
              loading={summary.loading}
              onClick={desk.refresh}
            >
              刷新
            </Button>
          </View>
        </View>
        <Message text={desk.unitsError && `执法单位列表未能读取：${desk.unitsError}`} />

        <Pending
          loading={summary.loading && !summary.data}
          error={summary.error}
          onRetry={summary.reload}
          testId="desk-error"
        />
        {summary.data && <DeskCharts summary={summary.data} weeks={desk.weeks} />}

        <Card title="导出（当前统计期间与单位）" testId="desk-exports">
          <View className="sv-muted">Excel/WPS 可直接打开；CSV 为 UTF-8 编码</View>
          <View className="dp-exports">
            {EXPORT_BUTTONS.map((b) => (
              <Button
                key={`${b.kind}-${b.format}`}
                fill="outline"
                type="primary"
                data-testid={`export-${b.kind}-${b.format}`}
                loading={desk.exporting === `${b.kind}-${b.format}`}
                disabled={desk.exporting !== ''}
                onClick={() => void desk.exportFile(b.kind, b.format)}
              >
                {b.label}
              </Button>
            ))}
          </View>
          {desk.exportNote && (
            <Message
              ok={desk.exportNote.ok}
              text={desk.exportNote.text}
              testId="desk-export-message"
            />
          )}
        </Card>
      </View>
    </Page>
  );
}
