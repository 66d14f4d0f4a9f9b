import type { ImportReport } from '@qinqing/domain';
import { useState } from 'react';

import { errorText } from '../../shared/errors';
import { downloadExport } from '../desk/download';
import {
  canApply,
  EXPORT_FILE_NAME,
  EXPORT_PATH,
  fileKindOf,
  selectionKey,
  TEMPLATE_FILE_NAME,
  TEMPLATE_PATH,
  type DryRunResult,
  type ImportSelection,
  type ImportSheet,
} from './import';
import { uploadImport } from './upload';

export type Download = 'template' | 'export';

/** What the screen shows under step 3: a dry run's findings, or a refused import's problems. */
export type Findings =
  | { kind: 'dryRun'; report: ImportReport }
  | { kind: 'rejected'; report: ImportReport; message: string };

/**
 * The view-model of 企业主数据导入: the two downloads, the chosen file (and a CSV's sheet), the
 * check (dry run), the confirmation, the import, and what each answered.
 */
export function useMasterDataImport() {
  const [downloading, setDownloading] = useState<Download | ''>('');
  const [downloadMessage, setDownloadMessage] = useState<{ ok: boolean; text: string }>();
  const [file, setFile] = useState<File | undefined>();
  const [sheet, setSheetState] = useState<ImportSheet>('企业');
  const [busy, setBusy] = useState<'check' | 'apply' | ''>('');
  const [dryRun, setDryRun] = useState<DryRunResult | undefined>();
  const [findings, setFindings] = useState<Findings | undefined>();
  const [done, setDone] = useState<ImportReport | undefined>();
  const [error, setError] = useState('');
  const [confirming, setConfirming] = useState(false);

  const selection: ImportSelection | undefined = file
    ? { name: file.name, size: file.size, lastModified: file.lastModified, sheet }
    : undefined;
  const kind = file ? fileKindOf(file.name) : undefined;
  const applyAllowed = canApply(selection, dryRun) && busy === '';

  function resetResults(): void {
    setDryRun(undefined);
    setFindings(undefined);
    setDone(undefined);
    setError('');
  }

  async function download(which: Download): Promise<void> {
    const [path, name] =
      which === 'template' ? [TEMPLATE_PATH, TEMPLATE_FILE_NAME] : [EXPORT_PATH, EXPORT_FILE_NAME];
    setDownloading(which);
    setDownloadMessage(undefined);
    try {
      await downloadExport(path, name, 'xlsx');
      setDownloadMessage({ ok: true, text: `已下载：${name}` });
    } catch (e) {
      setDownloadMessage({ ok: false, text: `下载失败：${errorText(e)}` });
    } finally {
      setDownloading('');
    }
  }

  function chooseFile(chosen: File | undefined): void {
    resetResults();
    setFile(chosen);
    if (chosen && !fileKindOf(chosen.name)) {
      setError('只能导入 .xlsx 或 .csv 文件，请重新选择。');
    }
  }

  function setSheet(next: ImportSheet): void {
    resetResults();
    setSheetState(next);
  }

  async function check(): Promise<void> {
    if (!file || !selection || !kind) {
      setError('请先选择要导入的 .xlsx 或 .csv 文件。');
      return;
    }
    resetResults();
    setBusy('check');
    try {
      const outcome = await uploadImport({ file, kind, sheet, dryRun: true });
      if (outcome.kind === 'report') {
        setDryRun({ key: selectionKey(selection), report: outcome.report });
        setFindings({ kind: 'dryRun', report: outcome.report });
      } else {
        setFindings(outcome);
      }
    } catch (e) {
      setError(`检查未完成：${errorText(e)}`);
    } finally {
      setBusy('');
    }
  }

  /** 确认导入: opens the confirmation (only after a clean check of this very file). */
  function askApply(): void {
    if (file && kind && canApply(selection, dryRun) && busy === '') setConfirming(true);
  }

  async function apply(): Promise<void> {
    setConfirming(false);
    if (!file || !kind || !canApply(selection, dryRun)) return;
    setBusy('apply');
    setError('');
    try {
      const outcome = await uploadImport({ file, kind, sheet, dryRun: false });
      setDryRun(undefined);
      if (outcome.kind === 'report') {
        setFindings(undefined);
        setDone(outcome.report);
      } else {
        setFindings(outcome);
      }
    } catch (e) {
      setError(`导入未完成：${errorText(e)}`);
    } finally {
      setBusy('');
    }
  }

  return {
    downloading,
    downloadMessage,
    download,
    file,
    kind,
    sheet,
    chooseFile,
    setSheet,
    busy,
    check,
    applyAllowed,
    confirming,
    askApply,
    cancelApply: () => setConfirming(false),
    apply,
    findings,
    done,
    error,
  };
}
