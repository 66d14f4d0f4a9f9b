import { useMemo, useState } from 'react';

import { errorText } from '../../shared/errors';
import { useRequest } from '../../shared/request';
import {
  fetchGateHistory,
  fetchGates,
  filterGates,
  issueGateCode,
  posterFileName,
  type GateItem,
  type PosterFormat,
} from './gates';
import { savePoster } from './poster';

/** A word for one gate's card after an action: what happened, or why it did not. */
export interface GateMessage {
  gateId: string;
  ok: boolean;
  text: string;
}

/** The view-model of 门口码与海报: the list, the search, issuing behind a confirmation, posters. */
export function useGates(enabled: boolean) {
  const list = useRequest(fetchGates, [], { enabled });
  const [query, setQuery] = useState('');
  const [confirming, setConfirming] = useState<GateItem | undefined>();
  const [busy, setBusy] = useState('');
  const [message, setMessage] = useState<GateMessage | undefined>();

  const shown = useMemo(() => filterGates(list.data ?? [], query), [list.data, query]);

  async function issue(): Promise<void> {
    const gate = confirming;
    setConfirming(undefined);
    if (!gate) return;
    setBusy(`${gate.gateId}:issue`);
    setMessage(undefined);
    try {
      const issued = await issueGateCode(gate.gateId);
      setMessage({
        gateId: gate.gateId,
        ok: true,
        text:
          gate.activeVersion === null
            ? `已生成第 ${issued.version} 版打卡码。请下载海报，打印后张贴在门口。`
            : `已生成第 ${issued.version} 版打卡码，第 ${gate.activeVersion} 版已作废。请下载新海报，替换门口的旧海报。`,
      });
      list.setData(await fetchGates());
    } catch (e) {
      setMessage({ gateId: gate.gateId, ok: false, text: `生成失败：${errorText(e)}` });
    } finally {
      setBusy('');
    }
  }

  async function download(gate: GateItem, format: PosterFormat): Promise<void> {
    setBusy(`${gate.gateId}:${format}`);
    setMessage(undefined);
    try {
      const name = await savePoster(gate.gateId, format, posterFileName(gate, format));
      setMessage({ gateId: gate.gateId, ok: true, text: `已下载：${name}` });
    } catch (e) {
      setMessage({ gateId: gate.gateId, ok: false, text: `下载失败：${errorText(e)}` });
    } finally {
      setBusy('');
    }
  }

  return {
    list,
    query,
    setQuery,
    shown,
    confirming,
    askIssue: setConfirming,
    cancelIssue: () => setConfirming(undefined),
    issue,
    download,
    busy,
    message,
  };
}

/** One gate's version record, read when opened and again after a new version is issued. */
export function useGateHistory(gateId: string, open: boolean, activeVersion: number | null) {
  return useRequest(() => fetchGateHistory(gateId), [gateId, activeVersion], {
    enabled: open,
    notFound: '找不到这个门岗（可能已被删除）。',
  });
}
