import type { ChainVerification, VisitView } from '@qinqing/domain';
import { useCallback, useEffect, useMemo, useState } from 'react';

import { api } from '../../services/api';
import { errorText } from '../../shared/errors';
import { useRequest } from '../../shared/request';
import { keptCheckpoints } from '../audit-checkpoints/checkpoints';
import { appendPage, logSections, unitsOf, type LogFilters, type LogSection } from './log';

export interface SectionState {
  items: VisitView[];
  nextCursor: string | null;
  loading: boolean;
  error: string;
}

const EMPTY: SectionState = { items: [], nextCursor: null, loading: false, error: '' };

/**
 * The visit log's state: the filters, one keyset-paged list per section (refusals, flags, all),
 * the firms and units to filter by, and the audit chain check.
 */
export function useVisitLog(enabled: boolean) {
  const [filters, setFilters] = useState<LogFilters>({});
  const [sections, setSections] = useState<Record<string, SectionState>>({});
  const plan = useMemo(() => logSections(filters, new Date()), [filters]);

  const loadSection = useCallback(async (section: LogSection, cursor?: string) => {
    const update = (change: (s: SectionState) => SectionState) =>
      setSections((all) => ({ ...all, [section.key]: change(all[section.key] ?? EMPTY) }));
    update((s) => ({ ...s, loading: true, error: '' }));
    try {
      const page = await api.listVisits({
        query: { ...section.filters, ...(cursor ? { cursor } : {}) },
      });
      update((s) => ({
        items: cursor ? appendPage(s.items, page.items) : page.items,
        nextCursor: page.nextCursor,
        loading: false,
        error: '',
      }));
    } catch (e) {
      update((s) => ({ ...s, loading: false, error: errorText(e) }));
    }
  }, []);

  useEffect(() => {
    if (!enabled) return;
    setSections({});
    for (const section of plan) void loadSection(section);
  }, [enabled, plan, loadSection]);

  const firms = useRequest(async () => (await api.listEnterprises()).items, [], { enabled });
  const officers = useRequest(async () => (await api.listOfficers()).items, [], { enabled });
  const units = useMemo(() => unitsOf(officers.data ?? []), [officers.data]);
  const choicesError = firms.error || officers.error;

  const [chain, setChain] = useState<ChainVerification | null>(null);
  const [chainBusy, setChainBusy] = useState(false);
  const [chainError, setChainError] = useState('');
  async function verifyChain(): Promise<void> {
    setChainBusy(true);
    setChainError('');
    try {
      setChain(await api.verifyAuditWith({ body: { checkpoints: keptCheckpoints() } }));
    } catch (e) {
      setChain(null);
      setChainError(`核验未完成：${errorText(e)}`);
    } finally {
      setChainBusy(false);
    }
  }

  const set =
    <K extends keyof LogFilters>(key: K) =>
    (value: LogFilters[K] | undefined) =>
      setFilters((f) => ({ ...f, [key]: value }));

  return {
    filters,
    set,
    plan,
    sections,
    loadSection,
    firms: firms.data ?? [],
    units,
    choicesError: choicesError && `筛选项未能读取：${choicesError}`,
    reloadChoices: () => {
      firms.reload();
      officers.reload();
    },
    chain,
    chainBusy,
    chainError,
    verifyChain,
  };
}
