import { REPORT_OUTCOME_LABELS, REPORT_STATUS_LABELS, type ReportView } from '@qinqing/domain';
import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';

import { Field, LinkButton } from '../../../features/desk/fields';
import { open } from '../../../features/desk/nav';
import { categoryLabel } from '../../../features/desk/report';
import { AdvanceForm, Photos } from '../../../features/desk/ReportParts';
import { chinaDateTime } from '../../../features/firm/gate';
import { api } from '../../../services/api';
import { useRequest } from '../../../shared/request';
import { useSession } from '../../../shared/session';
import { Card, Page } from '../../../shared/ui/Page';
import { EmptyText, Pending } from '../../../shared/ui/Pending';

import '../../../features/desk/supervisor.css';

function ReportBody({ report, onSaved }: { report: ReportView; onSaved: (r: ReportView) => void }) {
  return (
    <View data-testid="report">
      <Card title={`${report.enterpriseName ?? '（未知企业）'} 的举报`}>
        <Text className="sv-row__strong" data-testid="report-status">
          {REPORT_STATUS_LABELS[report.status]}
          {report.outcome ? ` · ${REPORT_OUTCOME_LABELS[report.outcome]}` : ''}
        </Text>
      </Card>
      <Card title="举报内容">
        <Field label="举报类别">
          {report.categories.map((c) => (
            <Text key={c}>{categoryLabel(c)}</Text>
          ))}
        </Field>
        <Field label="举报内容">
          <Text>{report.description}</Text>
        </Field>
        <Field label="照片">
          <Photos report={report} />
        </Field>
        <Field label="举报企业">
          <Text>{report.enterpriseName ?? '—'}</Text>
          <Text className="sv-muted">举报人：{report.reporter.name}</Text>
        </Field>
        <Field label="被举报人">
          <Text>
            {report.officer
              ? `${report.officer.name}${report.officer.badgeNumber ? `（${report.officer.badgeNumber}）` : ''}`
              : '未指明'}
          </Text>
          <Text className="sv-muted">{report.unitName ?? ''}</Text>
        </Field>
        <Field label="相关检查">
          {report.visitId ? (
            <LinkButton
              testId="report-visit-link"
              onClick={open(`/pages/supervisor/visit/index?id=${report.visitId}`)}
            >
              查看该次检查记录
            </LinkButton>
          ) : (
            <Text>未关联</Text>
          )}
        </Field>
        <Field label="提交时间">
          <Text>{chinaDateTime(report.createdAt)}</Text>
        </Field>
        {report.conclusion && (
          <Field label="办结意见">
            <Text>{report.conclusion}</Text>
          </Field>
        )}
      </Card>

      <Card title="办理过程" testId="report-history">
        {report.history.length === 0 && <EmptyText>暂无记录</EmptyText>}
        {report.history.map((h, i) => (
          <View className="sv-entry" key={`${h.at}-${i}`}>
            <Text className="sv-row__strong">
              {REPORT_STATUS_LABELS[h.status]} · {chinaDateTime(h.at)} · {h.by.name}
            </Text>
            {h.note && <Text>{h.note}</Text>}
          </View>
        ))}
      </Card>

      <AdvanceForm report={report} onSaved={onSaved} />
    </View>
  );
}

/** One 监督举报: what the firm reported, the steps taken, the next step. */
export default function ReportPage() {
  const { params } = useRouter();
  const id = params.id ?? '';
  const user = useSession(['supervisor', 'admin']);
  const record = useRequest(
    () =>
      id
        ? api.getReport({ params: { id } })
        : Promise.reject(new Error('缺少编号：请从监督举报列表打开。')),
    [id],
    { enabled: Boolean(user) },
  );
  if (!user) return <View />;
  return (
    <Page title="监督举报" backTo="/pages/supervisor/reports/index">
      <View className="sv-page">
        <Pending
          loading={record.loading}
          error={record.error}
          onRetry={record.reload}
          testId="report-error"
        />
        {record.data && <ReportBody report={record.data} onSaved={record.setData} />}
      </View>
    </Page>
  );
}
