import { Dialog } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import type { ChangeEvent } from 'react';

import {
  APPLY_CONFIRMATION,
  dryRunVerdict,
  IMPORT_SHEETS,
  rejectionText,
  WEAPP_IMPORT_NOTICE,
  type ImportSheet,
} from '../../../features/master-data/import';
import { CreatedAccounts } from '../../../features/master-data/CreatedAccounts';
import { ProblemTable, SummaryTable } from '../../../features/master-data/ImportReportView';
import { filePickingSupported } from '../../../features/master-data/upload';
import { useMasterDataImport } from '../../../features/master-data/useImport';
import { useSession } from '../../../shared/session';
import { Button } from '../../../shared/ui/Button';
import { Card, Page } from '../../../shared/ui/Page';

import '../../../features/master-data/master-data.css';

const DESK = '/pages/supervisor/desk/index';

/** 企业主数据导入 (admins): template and export, choose a file, check, then import at once. */
export default function MasterDataImportPage() {
  const user = useSession('admin');
  const vm = useMasterDataImport();
  if (!user) return <View />;
  const { findings, done } = vm;

  return (
    <Page title="企业主数据导入" backTo={DESK} testId="master-data-import">
      <Text className="md-intro">
        批量导入企业、门岗、环境信用等级、正面清单批次，以及单位、执法人员和企业联系人；先检查，再一次性导入。
      </Text>

      <Card title="第一步：准备文件" testId="import-step-1">
        <Text className="md-note">
          按模板填写企业、门岗、正面清单、单位、执法人员、企业联系人各表（不用的表可以留空或删去）；也可先导出现有数据，改好后再导入。导出的文件原样导入不会改变任何数据。
        </Text>
        <View className="md-actions">
          <Button
            type="primary"
            fill="outline"
            className="md-btn"
            data-testid="import-template"
            loading={vm.downloading === 'template'}
            disabled={vm.downloading !== ''}
            onClick={() => void vm.download('template')}
          >
            下载导入模板
          </Button>
          <Button
            type="primary"
            fill="outline"
            className="md-btn"
            data-testid="import-export"
            loading={vm.downloading === 'export'}
            disabled={vm.downloading !== ''}
            onClick={() => void vm.download('export')}
          >
            导出现有数据
          </Button>
        </View>
        {vm.downloadMessage && (
          <View
            className={`md-message md-message--${vm.downloadMessage.ok ? 'ok' : 'error'}`}
            role={vm.downloadMessage.ok ? 'status' : 'alert'}
            data-testid="import-download-message"
          >
            {vm.downloadMessage.text}
          </View>
        )}
      </Card>

      {!filePickingSupported ? (
        <Card title="第二步：选择文件并导入">
          <View className="md-message md-message--error" data-testid="import-weapp-notice">
            {WEAPP_IMPORT_NOTICE}
          </View>
        </Card>
      ) : (
        <>
          <Card title="第二步：选择文件" testId="import-step-2">
            <Text className="md-note">
              Excel 工作簿（.xlsx）一次导入全部工作表；CSV
              文件（.csv，UTF-8）每次一张表，请选择它是哪张表。
            </Text>
            <label className="md-file">
              <span className="md-file__label">要导入的文件（.xlsx 或 .csv）</span>
              <span className="md-file__picker">
                <input
                  className="md-file__input"
                  type="file"
                  accept=".xlsx,.csv"
                  data-testid="import-file"
                  onChange={(event: ChangeEvent<HTMLInputElement>) =>
                    vm.chooseFile(event.target.files?.[0])
                  }
                />
                <span className="md-file__button" aria-hidden="true">
                  选择文件
                </span>
                <span className="md-file__name" data-testid="import-file-name">
                  {vm.file ? vm.file.name : '尚未选择文件'}
                </span>
              </span>
            </label>
            {vm.kind === 'csv' && (
              <label className="md-sheet">
                <span className="md-file__label">这个 CSV 文件是哪张表</span>
                <select
                  className="md-sheet__select"
                  data-testid="import-sheet"
                  value={vm.sheet}
                  onChange={(event: ChangeEvent<HTMLSelectElement>) =>
                    vm.setSheet(event.target.value as ImportSheet)
                  }
                >
                  {IMPORT_SHEETS.map((name) => (
                    <option key={name} value={name}>
                      {name}
                    </option>
                  ))}
                </select>
              </label>
            )}
          </Card>

          <Card title="第三步：检查并导入" testId="import-step-3">
            <Text className="md-note">
              “检查”只核对文件、不写入数据；没有问题后才能“确认导入”，导入要么全部成功，要么不改变任何数据。
            </Text>
            <View className="md-actions">
              <Button
                type="primary"
                fill="outline"
                className="md-btn"
                data-testid="import-check"
                loading={vm.busy === 'check'}
                disabled={vm.busy !== '' || !vm.kind}
                onClick={() => void vm.check()}
              >
                检查（不导入）
              </Button>
              <Button
                type="primary"
                className="md-btn"
                data-testid="import-apply"
                loading={vm.busy === 'apply'}
                disabled={!vm.applyAllowed}
                onClick={vm.askApply}
              >
                确认导入
              </Button>
            </View>
            {vm.error && (
              <View
                className="md-message md-message--error"
                role="alert"
                data-testid="import-error"
              >
                {vm.error}
              </View>
            )}
            {findings?.kind === 'dryRun' && (
              <View data-testid="import-dry-run">
                <View
                  className={`md-message md-message--${findings.report.problems.length > 0 ? 'error' : 'ok'}`}
                  role="status"
                  data-testid="import-verdict"
                >
                  {dryRunVerdict(findings.report)}
                </View>
                <SummaryTable summary={findings.report.summary} testId="import-summary" />
                {findings.report.ignoredSheets.length > 0 && (
                  <Text className="md-note">
                    未读取的工作表：{findings.report.ignoredSheets.join('、')}
                  </Text>
                )}
              </View>
            )}
            {findings?.kind === 'rejected' && (
              <View
                className="md-message md-message--error"
                role="alert"
                data-testid="import-verdict"
              >
                {rejectionText(findings.message)}
              </View>
            )}
            {findings && findings.report.problems.length > 0 && (
              <ProblemTable problems={findings.report.problems} />
            )}
            {done && (
              <View data-testid="import-done">
                <View className="md-message md-message--ok" role="status">
                  {done.importId
                    ? `导入完成，已记入审计日志（导入编号 ${done.importId}）。`
                    : '导入完成：文件与现有数据一致，没有改变任何数据。'}
                </View>
                <SummaryTable summary={done.summary} testId="import-done-summary" />
                {done.accounts && <CreatedAccounts accounts={done.accounts} />}
              </View>
            )}
          </Card>
        </>
      )}
      {/* rendered only while asking: a closed NutUI Dialog would stay in the page, hidden */}
      {vm.confirming && (
        <Dialog
          visible
          title="确认导入"
          content={APPLY_CONFIRMATION}
          footer={
            <View className="md-dialog-footer">
              <Button
                className="md-btn"
                data-testid="import-confirm-cancel"
                onClick={vm.cancelApply}
              >
                取消
              </Button>
              <Button
                type="primary"
                className="md-btn"
                data-testid="import-confirm"
                onClick={() => void vm.apply()}
              >
                确认导入
              </Button>
            </View>
          }
          onClose={vm.cancelApply}
        />
      )}
    </Page>
  );
}
