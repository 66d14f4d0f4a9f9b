import type { ChainCheckStatus, DeskSummary, SessionUser } from '@qinqing/domain';
import { useEffect, useMemo, useState } from 'react';

import { api } from '../../services/api';
import { errorText } from '../../shared/errors';
import { useRequest } from '../../shared/request';
import { fetchAndKeepCheckpoint, keptCheckpoints } from '../audit-checkpoints/checkpoints';
import { unitsOf } from '../supervisor/log';
import { downloadExport } from './download';
import { exportFileName, exportPath, type ExportFormat, type ExportKind } from './export';
import { deskPeriod, type PeriodWeeks } from './period';

export interface Note {
  ok: boolean;
  text: string;
}

/**
 * The desk's state: the period and unit chosen, the summary for them, the audit chain's status
 * (with 立即校验, which sends the signed checkpoints this phone kept), the units to choose from,
 * and the exports.
 */
export function useDesk(user: SessionUser | undefined) {
  const enabled = Boolean(user);
  const [weeks, setWeeks] = useState<PeriodWeeks>(4);
  const [unitId, setUnitId] = useState<string | undefined>();
  const [refreshes, setRefreshes] = useState(0);
  // The period ends now: recomputed when the choice changes or on 刷新.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const period = useMemo(() => deskPeriod(weeks, new Date()), [weeks, refreshes]);

  const summary = useRequest<DeskSummary>(
    () => api.deskSummary({ query: { ...period, unitId } }),
    [period, unitId],
    { enabled },
  );
  const officers = useRequest(async () => (await api.listOfficers()).items, [], { enabled });
  const units = useMemo(() => unitsOf(officers.data ?? []), [officers.data]);

  // The chain, read on its own (it shows even when the summary fails); 立即校验 replaces it.
  const chainStatus = useRequest(() => api.chainStatus(), [], { enabled });
  const [checked, setChecked] = useState<ChainCheckStatus | null>(null);
  const [chainBusy, setChainBusy] = useState(false);
  const [chainError, setChainError] = useState('');
  const chain = checked ?? summary.data?.chain ?? chainStatus.data ?? null;

  // The phone keeps the signed checkpoints it sees (one a day): a log rewound or recomputed later
  // no longer holds them.
  const [kept, setKept] = useState(() => keptCheckpoints().length);
  useEffect(() => {
    if (!enabled) return;
    fetchAndKeepCheckpoint()
      .then(() => setKept(keptCheckpoints().length))
      .catch(() => undefined);
  }, [enabled]);

  /** 立即校验: keeps the latest checkpoint, then verifies with every checkpoint kept (recorded). */
  async function runChainCheck(): Promise<void> {
    setChainBusy(true);
    setChainError('');
    try {
      await fetchAndKeepCheckpoint().catch(() => undefined);
      const held = keptCheckpoints();
      setKept(held.length);
      await api.verifyAuditWith({ body: { checkpoints: held } });
      setChecked(await api.chainStatus());
    } catch (e) {
      setChainError(`校验未完成：${errorText(e)}`);
    } finally {
      setChainBusy(false);
    }
  }

  const [exporting, setExporting] = useState('');
  const [exportNote, setExportNote] = useState<Note | null>(null);

  async function exportFile(kind: ExportKind, format: ExportFormat): Promise<void> {
    const range = { ...period, unitId };
    setExporting(`${kind}-${format}`);
    setExportNote(null);
    try {
      const name = exportFileName(kind, format, range);
      await downloadExport(exportPath(kind, format, range), name, format);
      setExportNote({ ok: true, text: `已导出：${name}` });
    } catch (e) {
      setExportNote({ ok: false, text: `导出失败：${errorText(e)}` });
    } finally {
      setExporting('');
    }
  }

  return {
    weeks,
    setWeeks,
    unitId,
    setUnitId,
    units,
    unitsError: officers.error,
    summary,
    refresh: () => {
      setChecked(null);
      setRefreshes((n) => n + 1);
    },
    chain,
    chainBusy,
    chainError: chainError || (chainStatus.error && `审计链状态未能读取：${chainStatus.error}`),
    runChainCheck,
    keptCheckpoints: kept,
    exporting,
    exportNote,
    exportFile,
  };
}
