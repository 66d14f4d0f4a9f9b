import {
  CHECK_IN_OUTCOME_LABELS,
  CHECK_IN_OUTCOMES,
  PURPOSE_INFO,
  PURPOSES,
  REASON_CODES,
  type VisitView,
} from '@qinqing/domain';
import { Text, View } from '@tarojs/components';

import { reasonShortLabel } from '../../../features/desk/charts';
import { FOCUSABLE, Message, SelectField } from '../../../features/desk/fields';
import { DESK_PAGE, open } from '../../../features/desk/nav';
import { chinaDateTime } from '../../../features/firm/gate';
import {
  chainVerdictText,
  DATE_RANGE_LABELS,
  type DateRangePreset,
} from '../../../features/supervisor/log';
import { useVisitLog, type SectionState } from '../../../features/supervisor/useVisitLog';
import { useSession } from '../../../shared/session';
import { Button } from '../../../shared/ui/Button';
import { Card, Page } from '../../../shared/ui/Page';
import { EmptyText, Pending } from '../../../shared/ui/Pending';

import '../../../features/desk/supervisor.css';
import './index.css';

function VisitRow({ visit }: { visit: VisitView }) {
  const outcome = visit.decision.outcome;
  const tone =
    outcome === 'REFUSED'
      ? ' sv-row--alarm'
      : outcome === 'FLAGGED'
        ? ' sv-row--warn'
        : ' sv-row--done';
  return (
    <View
      className={`sv-row${tone}`}
      data-testid="supervisor-visit-row"
      role="link"
      {...FOCUSABLE}
      onClick={open(`/pages/supervisor/visit/index?id=${visit.id}`)}
    >
      <View className="srow__cell">
        <Text className="sv-row__strong">{visit.enterpriseName ?? '（未知企业）'}</Text>
        <Text className="sv-muted">{chinaDateTime(visit.checkedInAt)}</Text>
      </View>
      <View className="srow__cell">
        <Text>
          {visit.officers
            .map((o) => `${o.name}${o.badgeNumber ? `（${o.badgeNumber}）` : ''}`)
            .join('、')}
        </Text>
        <Text className="sv-muted">{visit.officers[0]?.unitName ?? ''}</Text>
      </View>
      <View className="srow__cell">
        <Text>{PURPOSE_INFO[visit.purpose].label}</Text>
        {visit.reference && <Text className="sv-muted">{visit.reference}</Text>}
      </View>
      <View className="srow__cell">
        <Text className={`soutcome soutcome--${outcome.toLowerCase()}`}>
          {CHECK_IN_OUTCOME_LABELS[outcome]}
        </Text>
      </View>
      <View className="srow__cell">
        {visit.decision.reasons.map((r) => (
          <Text key={r.code}>{r.message}</Text>
        ))}
      </View>
    </View>
  );
}

function Section(props: {
  sectionKey: string;
  title: string;
  state: SectionState | undefined;
  onRetry: () => void;
  onMore: () => void;
}) {
  const { state } = props;
  const count =
    state && !state.loading ? `（${state.items.length}${state.nextCursor ? '+' : ''}）` : '';
  return (
    <View className="vl-section" data-testid={`section-${props.sectionKey}`}>
      <View
        className={`vl-section__title vl-section__title--${props.sectionKey.toLowerCase()}`}
        role="heading"
        aria-level={2}
      >
        {props.title}
        {count}
      </View>
      {state && state.items.length > 0 && (
        <View className="stable">
          <View className="stable__head" aria-hidden>
            <Text>企业 / 时间</Text>
            <Text>执法人员</Text>
            <Text>事由</Text>
            <Text>结果</Text>
            <Text>原因</Text>
          </View>
          {state.items.map((v) => (
            <VisitRow key={v.id} visit={v} />
          ))}
        </View>
      )}
      {state && !state.loading && !state.error && state.items.length === 0 && (
        <EmptyText>没有符合条件的记录</EmptyText>
      )}
      <Pending
        loading={Boolean(state?.loading)}
        error={state?.error ?? ''}
        onRetry={props.onRetry}
      />
      {state?.nextCursor && !state.loading && (
        <Button
          fill="outline"
          type="primary"
          className="sv-wide-button"
          data-testid={`load-more-${props.sectionKey}`}
          onClick={props.onMore}
        >
          加载更多
        </Button>
      )}
    </View>
  );
}

/** 执法记录监督: the jurisdiction's visit log, refusals and flags first; the audit chain check. */
export default function SupervisorVisitsPage() {
  const user = useSession(['supervisor', 'admin']);
  const log = useVisitLog(Boolean(user));
  if (!user) return <View />;
  const { filters, set } = log;

  return (
    <Page title="执法记录监督" backTo={DESK_PAGE} wide testId="supervisor-visits">
      <View className="sv-page">
        <Text className="sv-intro">{user.name} · 不予入企与已记录异常优先显示</Text>

        <Card title="审计链">
          <Button
            type="primary"
            data-testid="audit-verify"
            loading={log.chainBusy}
            onClick={() => void log.verifyChain()}
          >
            核验审计链
          </Button>
          {log.chain && (
            <View
              className={`vl-chain ${log.chain.ok ? 'vl-chain--ok' : 'vl-chain--broken'}`}
              data-testid="audit-verify-result"
              role="status"
            >
              <Text>{chainVerdictText(log.chain)}</Text>
              <Text className="sv-muted">核验时间：{chinaDateTime(log.chain.checkedAt)}</Text>
              {!log.chain.ok && <Text>审计记录可能被篡改，请立即上报并保全数据库。</Text>}
            </View>
          )}
          <Message text={log.chainError} />
        </Card>

        <View className="sv-filters" data-testid="supervisor-filters">
          <SelectField
            label="企业"
            testId="filter-firm"
            value={filters.enterpriseId}
            onChange={set('enterpriseId')}
            choices={[
              { value: undefined, label: '全部企业' },
              ...log.firms.map((f) => ({ value: f.id, label: f.name })),
            ]}
          />
          <SelectField
            label="执法单位"
            testId="filter-unit"
            value={filters.unitId}
            onChange={set('unitId')}
            choices={[{ value: undefined, label: '全部单位' }, ...log.units]}
          />
          <SelectField
            label="事由"
            testId="filter-purpose"
            value={filters.purpose}
            onChange={set('purpose')}
            choices={[
              { value: undefined, label: '全部事由' },
              ...PURPOSES.map((p) => ({ value: p, label: PURPOSE_INFO[p].label })),
            ]}
          />
          <SelectField
            label="结果"
            testId="filter-outcome"
            value={filters.outcome}
            onChange={set('outcome')}
            choices={[
              { value: undefined, label: '全部（异常优先）' },
              ...CHECK_IN_OUTCOMES.map((o) => ({ value: o, label: CHECK_IN_OUTCOME_LABELS[o] })),
            ]}
          />
          <SelectField
            label="记录原因"
            testId="filter-flag"
            value={filters.flag}
            onChange={set('flag')}
            choices={[
              { value: undefined, label: '全部原因' },
              ...REASON_CODES.map((c) => ({ value: c, label: reasonShortLabel(c) })),
            ]}
          />
          <SelectField<DateRangePreset>
            label="时间"
            testId="filter-range"
            value={filters.range}
            onChange={set('range')}
            choices={(Object.keys(DATE_RANGE_LABELS) as DateRangePreset[]).map((k) => ({
              value: k === 'ALL' ? undefined : k,
              label: DATE_RANGE_LABELS[k],
            }))}
          />
        </View>
        <Message text={log.choicesError} />

        {log.plan.map((section) => (
          <Section
            key={section.key}
            sectionKey={section.key}
            title={section.title}
            state={log.sections[section.key]}
            onRetry={() => void log.loadSection(section)}
            onMore={() =>
              void log.loadSection(section, log.sections[section.key]?.nextCursor ?? undefined)
            }
          />
        ))}
      </View>
    </Page>
  );
}
