import {
  CHECK_IN_OUTCOME_LABELS,
  CHECK_IN_OUTCOMES,
  PURPOSE_INFO,
  PURPOSES,
  REASON_CODES,
  REASON_MESSAGES,
  type ChainVerification,
  type EnterpriseView,
  type OfficerView,
  type VisitView,
} from '@qinqing/domain';
import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useCallback, useEffect, useMemo, useState } from 'react';

import { chinaDateTime } from '../../../features/firm/gate';
import { useRoleGuard } from '../../../features/firm/session-guard';
import {
  DATE_RANGE_LABELS,
  appendPage,
  chainVerdictText,
  logSections,
  type DateRangePreset,
  type LogFilters,
  type LogSection,
  unitsOf,
} from '../../../features/supervisor/log';
import { backToDesk } from '../../../features/desk/nav';
import { FilterPicker } from '../../../features/desk/ui';
import { api, ApiError, NetworkError } from '../../../services/api';

import './index.css';

const HERE = '/pages/supervisor/visits/index';

interface SectionState {
  items: VisitView[];
  nextCursor: string | null;
  loading: boolean;
  error: string;
}

function errorText(e: unknown): string {
  return e instanceof ApiError || e instanceof NetworkError
    ? `${e.message} 请点“重试”。`
    : '获取记录失败，请点“重试”。';
}

function VisitRow({ visit }: { visit: VisitView }) {
  const open = () => void Taro.navigateTo({ url: `/pages/supervisor/visit/index?id=${visit.id}` });
  const outcome = visit.decision.outcome;
  return (
    <View
      className={`srow srow--${outcome.toLowerCase()}`}
      data-testid="supervisor-visit-row"
      onClick={open}
    >
      <View className="srow__cell srow__firm">
        <Text className="srow__strong">{visit.enterpriseName ?? '（未知企业）'}</Text>
        <Text className="srow__muted">{chinaDateTime(visit.checkedInAt)}</Text>
      </View>
      <View className="srow__cell srow__officers">
        <Text>
          {visit.officers
            .map((o) => `${o.name}${o.badgeNumber ? `（${o.badgeNumber}）` : ''}`)
            .join('、')}
        </Text>
        <Text className="srow__muted">{visit.officers[0]?.unitName ?? ''}</Text>
      </View>
      <View className="srow__cell srow__purpose">
        <Text>{PURPOSE_INFO[visit.purpose].label}</Text>
        {visit.reference && <Text className="srow__muted">{visit.reference}</Text>}
      </View>
      <View className="srow__cell srow__outcome">
        <Text className={`soutcome soutcome--${outcome.toLowerCase()}`}>
          {CHECK_IN_OUTCOME_LABELS[outcome]}
        </Text>
      </View>
      <View className="srow__cell srow__reasons">
        {visit.decision.reasons.map((r) => (
          <Text className="srow__reason" key={r.code}>
            {r.message}
          </Text>
        ))}
      </View>
    </View>
  );
}

/** 执法记录: the jurisdiction's visit log, refusals and flags first; the audit chain check. */
export default function SupervisorVisitsPage() {
  const user = useRoleGuard(['supervisor', 'admin'], HERE);
  const [filters, setFilters] = useState<LogFilters>({});
  const [firms, setFirms] = useState<EnterpriseView[]>([]);
  const [officers, setOfficers] = useState<OfficerView[]>([]);
  const [sections, setSections] = useState<Record<string, SectionState>>({});
  const [chain, setChain] = useState<ChainVerification | null>(null);
  const [chainError, setChainError] = useState('');
  const [chainBusy, setChainBusy] = useState(false);

  const plan = useMemo(() => logSections(filters, new Date()), [filters]);

  const loadSection = useCallback(async (section: LogSection, cursor?: string) => {
    setSections((s) => ({
      ...s,
      [section.key]: {
        ...(s[section.key] ?? { items: [], nextCursor: null }),
        loading: true,
        error: '',
      },
    }));
    try {
      const page = await api.visits({ ...section.filters, ...(cursor ? { cursor } : {}) });
      setSections((s) => ({
        ...s,
        [section.key]: {
          items: cursor ? appendPage(s[section.key]?.items ?? [], page.items) : page.items,
          nextCursor: page.nextCursor,
          loading: false,
          error: '',
        },
      }));
    } catch (e) {
      setSections((s) => ({
        ...s,
        [section.key]: {
          ...(s[section.key] ?? { items: [], nextCursor: null }),
          loading: false,
          error: errorText(e),
        },
      }));
    }
  }, []);

  useEffect(() => {
    if (!user) return;
    setSections({});
    for (const section of plan) void loadSection(section);
  }, [user, plan, loadSection]);

  useEffect(() => {
    if (!user) return;
    api
      .enterprises()
      .then(setFirms)
      .catch(() => undefined);
    api
      .officers()
      .then(setOfficers)
      .catch(() => undefined);
  }, [user]);

  const units = useMemo(() => unitsOf(officers), [officers]);

  async function verifyChain(): Promise<void> {
    setChainBusy(true);
    setChainError('');
    try {
      setChain(await api.auditVerify());
    } catch (e) {
      setChain(null);
      setChainError(errorText(e));
    } finally {
      setChainBusy(false);
    }
  }

  const set =
    <K extends keyof LogFilters>(key: K) =>
    (value: LogFilters[K] | undefined) =>
      setFilters((f) => ({ ...f, [key]: value }));

  if (!user) return <View className="sup" />;

  return (
    <View className="sup" data-testid="supervisor-visits">
      <View className="sup__header">
        <Text className="sup__title">执法记录监督</Text>
        <Text className="sup__note">{user.name} · 不予入企与已记录异常优先显示</Text>
      </View>

      <View className="sup__chain">
        <Button
          className="sup__chain-button sup__desk-button"
          data-testid="visits-back-to-desk"
          onClick={backToDesk}
        >
          返回监督工作台
        </Button>
        <Button
          className="sup__chain-button"
          data-testid="audit-verify"
          loading={chainBusy}
          onClick={() => void verifyChain()}
        >
          核验审计链
        </Button>
        {chain && (
          <View
            className={`schain ${chain.ok ? 'schain--ok' : 'schain--broken'}`}
            data-testid="audit-verify-result"
          >
            <Text className="schain__text">{chainVerdictText(chain)}</Text>
            <Text className="schain__time">核验时间：{chinaDateTime(chain.checkedAt)}</Text>
            {!chain.ok && (
              <Text className="schain__time">审计记录可能被篡改，请立即上报并保全数据库。</Text>
            )}
          </View>
        )}
        {chainError && <Text className="sup__error">{chainError}</Text>}
      </View>

      <View className="sup__filters" data-testid="supervisor-filters">
        <FilterPicker
          block="sfilter"
          label="企业"
          testId="filter-firm"
          value={filters.enterpriseId}
          onChange={set('enterpriseId')}
          choices={[
            { value: undefined, label: '全部企业' },
            ...firms.map((f) => ({ value: f.id, label: f.name })),
          ]}
        />
        <FilterPicker
          block="sfilter"
          label="执法单位"
          testId="filter-unit"
          value={filters.unitId}
          onChange={set('unitId')}
          choices={[{ value: undefined, label: '全部单位' }, ...units]}
        />
        <FilterPicker
          block="sfilter"
          label="事由"
          testId="filter-purpose"
          value={filters.purpose}
          onChange={set('purpose')}
          choices={[
            { value: undefined, label: '全部事由' },
            ...PURPOSES.map((p) => ({ value: p, label: PURPOSE_INFO[p].label })),
          ]}
        />
        <FilterPicker
          block="sfilter"
          label="结果"
          testId="filter-outcome"
          value={filters.outcome}
          onChange={set('outcome')}
          choices={[
            { value: undefined, label: '全部（异常优先）' },
            ...CHECK_IN_OUTCOMES.map((o) => ({ value: o, label: CHECK_IN_OUTCOME_LABELS[o] })),
          ]}
        />
        <FilterPicker
          block="sfilter"
          label="记录原因"
          testId="filter-flag"
          value={filters.flag}
          onChange={set('flag')}
          choices={[
            { value: undefined, label: '全部原因' },
            ...REASON_CODES.map((c) => ({
              value: c,
              label: REASON_MESSAGES[c].split(/[，：。]/)[0],
            })),
          ]}
        />
        <FilterPicker<DateRangePreset>
          block="sfilter"
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

      {plan.map((section) => {
        const state = sections[section.key];
        return (
          <View className="ssection" key={section.key} data-testid={`section-${section.key}`}>
            <Text className={`ssection__title ssection__title--${section.key.toLowerCase()}`}>
              {section.title}
              {state && !state.loading
                ? `（${state.items.length}${state.nextCursor ? '+' : ''}）`
                : ''}
            </Text>
            {state && state.items.length > 0 && (
              <View className="stable">
                <View className="stable__head">
                  <Text className="srow__cell srow__firm">企业 / 时间</Text>
                  <Text className="srow__cell srow__officers">执法人员</Text>
                  <Text className="srow__cell srow__purpose">事由</Text>
                  <Text className="srow__cell srow__outcome">结果</Text>
                  <Text className="srow__cell srow__reasons">原因</Text>
                </View>
                {state?.items.map((v) => (
                  <VisitRow key={v.id} visit={v} />
                ))}
              </View>
            )}
            {state && !state.loading && state.items.length === 0 && !state.error && (
              <Text className="ssection__empty">没有符合条件的记录</Text>
            )}
            {state?.error && (
              <View className="ssection__error">
                <Text>{state.error}</Text>
                <Button className="ssection__more" onClick={() => void loadSection(section)}>
                  重试
                </Button>
              </View>
            )}
            {state?.loading && <Text className="ssection__empty">正在加载…</Text>}
            {state?.nextCursor && !state.loading && (
              <Button
                className="ssection__more"
                data-testid={`load-more-${section.key}`}
                onClick={() => void loadSection(section, state.nextCursor ?? undefined)}
              >
                加载更多
              </Button>
            )}
          </View>
        );
      })}
    </View>
  );
}
