import type { ImportReport } from '@qinqing/domain';
import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState, type ChangeEvent } from 'react';

import { downloadExport } from '../../../features/desk/download';
import { errorText } from '../../../features/desk/errors';
import { backToDesk } from '../../../features/desk/nav';
import { useRoleGuard } from '../../../features/firm/session-guard';
import {
  APPLY_CONFIRMATION,
  canApply,
  dryRunVerdict,
  EXPORT_FILE_NAME,
  EXPORT_PATH,
  fileKindOf,
  IMPORT_SHEETS,
  selectionKey,
  rejectionText,
  TEMPLATE_FILE_NAME,
  TEMPLATE_PATH,
  WEAPP_IMPORT_NOTICE,
  type DryRunResult,
  type ImportSelection,
  type ImportSheet,
} from '../../../features/master-data/import';
import { ProblemTable, SummaryTable } from '../../../features/master-data/ImportReportView';
import { filePickingSupported, uploadImport } from '../../../features/master-data/upload';

import '../../../features/desk/desk.css';
import '../../../features/master-data/master-data.css';

const HERE = '/pages/admin/master-data/index';

type Download = 'template' | 'export';

/** What the screen shows under step 3: a dry run's findings, or a refused import's problems. */
type Findings =
  | { kind: 'dryRun'; report: ImportReport }
  | { kind: 'rejected'; report: ImportReport; message: string };

/** 企业主数据导入 (admins): template and export, choose a file, dry run, then import at once. */
export default function MasterDataImportPage() {
  const user = useRoleGuard(['admin'], HERE);
  const [downloading, setDownloading] = useState<Download | ''>('');
  const [downloadMessage, setDownloadMessage] = useState<{ ok: boolean; text: string } | null>(
    null,
  );
  const [file, setFile] = useState<File | undefined>();
  const [sheet, setSheet] = useState<ImportSheet>('企业');
  const [busy, setBusy] = useState<'check' | 'apply' | ''>('');
  const [dryRun, setDryRun] = useState<DryRunResult | undefined>();
  const [findings, setFindings] = useState<Findings | undefined>();
  const [done, setDone] = useState<ImportReport | undefined>();
  const [error, setError] = useState('');

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
    setDownloadMessage(null);
    try {
      await downloadExport(path, name, 'xlsx');
      setDownloadMessage({ ok: true, text: `已下载：${name}` });
    } catch (e) {
      setDownloadMessage({ ok: false, text: `下载失败：${errorText(e)}` });
    } finally {
      setDownloading('');
    }
  }

  function chooseFile(event: ChangeEvent<HTMLInputElement>): void {
    const chosen = event.target.files?.[0];
    resetResults();
    setFile(chosen);
    if (chosen && !fileKindOf(chosen.name)) {
      setError('只能导入 .xlsx 或 .csv 文件，请重新选择。');
    }
  }

  function chooseSheet(event: ChangeEvent<HTMLSelectElement>): void {
    resetResults();
    setSheet(event.target.value as ImportSheet);
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

  async function apply(): Promise<void> {
    if (!file || !kind || !canApply(selection, dryRun)) return;
    const answer = await Taro.showModal({
      title: '确认导入',
      content: APPLY_CONFIRMATION,
      confirmText: '确认导入',
      cancelText: '取消',
    }).catch(() => ({ confirm: false }));
    if (!answer.confirm) return;
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

  if (!user) return <View className="dk" />;

  return (
    <View className="dk dk--narrow md" data-testid="master-data-import">
      <View className="dk__header">
        <Text className="dk__title">企业主数据导入</Text>
        <Text className="dk__note">
          {user.name} · 批量导入企业、门岗、环境信用等级与正面清单批次；先检查，再一次性导入
        </Text>
      </View>

      <View className="dk__nav">
        <Button className="dk-btn dk-btn--secondary" onClick={backToDesk}>
          返回工作台
        </Button>
      </View>

      <View className="dk-card" data-testid="import-step-1">
        <Text className="dk-card__title">第一步：准备文件</Text>
        <Text className="dk-card__note">
          按模板填写企业、门岗、正面清单三张表；也可先导出现有数据，改好后再导入。导出的文件原样导入不会改变任何数据。
        </Text>
        <View className="dk-card__body">
          <View className="dk-exports">
            <Button
              className="dk-btn dk-btn--secondary"
              data-testid="import-template"
              loading={downloading === 'template'}
              disabled={downloading !== ''}
              onClick={() => void download('template')}
            >
              下载导入模板
            </Button>
            <Button
              className="dk-btn dk-btn--secondary"
              data-testid="import-export"
              loading={downloading === 'export'}
              disabled={downloading !== ''}
              onClick={() => void download('export')}
            >
              导出现有数据
            </Button>
          </View>
          {downloadMessage && (
            <Text
              className={downloadMessage.ok ? 'dk-ok' : 'dk-error'}
              data-testid="import-download-message"
            >
              {downloadMessage.text}
            </Text>
          )}
        </View>
      </View>

      {!filePickingSupported ? (
        <View className="dk-card">
          <Text className="dk-card__title">第二步：选择文件并导入</Text>
          <Text className="dk-error" data-testid="import-weapp-notice">
            {WEAPP_IMPORT_NOTICE}
          </Text>
        </View>
      ) : (
        <>
          <View className="dk-card" data-testid="import-step-2">
            <Text className="dk-card__title">第二步：选择文件</Text>
            <Text className="dk-card__note">
              Excel 工作簿（.xlsx）一次导入全部工作表；CSV
              文件（.csv，UTF-8）每次一张表，请选择它是哪张表。
            </Text>
            <View className="dk-card__body">
              <input
                className="md-file"
                type="file"
                accept=".xlsx,.csv"
                data-testid="import-file"
                aria-label="选择导入文件"
                onChange={chooseFile}
              />
              {kind === 'csv' && (
                <label className="md-sheet">
                  <span className="md-sheet__label">CSV 文件是哪张表</span>
                  <select
                    className="md-sheet__select"
                    data-testid="import-sheet"
                    value={sheet}
                    onChange={chooseSheet}
                  >
                    {IMPORT_SHEETS.map((name) => (
                      <option key={name} value={name}>
                        {name}
                      </option>
                    ))}
                  </select>
                </label>
              )}
            </View>
          </View>

          <View className="dk-card" data-testid="import-step-3">
            <Text className="dk-card__title">第三步：检查并导入</Text>
            <Text className="dk-card__note">
              “检查”只核对文件、不写入数据；没有问题后才能“确认导入”，导入要么全部成功，要么不改变任何数据。
            </Text>
            <View className="dk-card__body">
              <View className="dk-exports">
                <Button
                  className="dk-btn dk-btn--secondary"
                  data-testid="import-check"
                  loading={busy === 'check'}
                  disabled={busy !== '' || !kind}
                  onClick={() => void check()}
                >
                  检查（不导入）
                </Button>
                <Button
                  className="dk-btn"
                  data-testid="import-apply"
                  loading={busy === 'apply'}
                  disabled={!applyAllowed}
                  onClick={() => void apply()}
                >
                  确认导入
                </Button>
              </View>
              {error && (
                <Text className="dk-error" data-testid="import-error">
                  {error}
                </Text>
              )}
              {findings?.kind === 'dryRun' && (
                <View data-testid="import-dry-run">
                  <Text
                    className={findings.report.problems.length > 0 ? 'dk-error' : 'dk-ok'}
                    data-testid="import-verdict"
                  >
                    {dryRunVerdict(findings.report)}
                  </Text>
                  <SummaryTable summary={findings.report.summary} testId="import-summary" />
                  {findings.report.ignoredSheets.length > 0 && (
                    <Text className="dk-muted md-note">
                      未读取的工作表：{findings.report.ignoredSheets.join('、')}
                    </Text>
                  )}
                </View>
              )}
              {findings?.kind === 'rejected' && (
                <View data-testid="import-rejected">
                  <Text className="dk-error" data-testid="import-verdict">
                    {rejectionText(findings.message)}
                  </Text>
                </View>
              )}
              {findings && findings.report.problems.length > 0 && (
                <ProblemTable problems={findings.report.problems} />
              )}
              {done && (
                <View className="md-done" data-testid="import-done">
                  <Text className="dk-ok">
                    {done.importId
                      ? `导入完成，已记入审计日志（导入编号 ${done.importId}）。`
                      : '导入完成：文件与现有数据一致，没有改变任何数据。'}
                  </Text>
                  <SummaryTable summary={done.summary} testId="import-done-summary" />
                </View>
              )}
            </View>
          </View>
        </>
      )}
    </View>
  );
}
