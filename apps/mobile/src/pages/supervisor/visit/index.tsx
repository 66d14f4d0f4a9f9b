import {
  auditActionLabel,
  CHECK_IN_OUTCOME_LABELS,
  FINDINGS_LABELS,
  PURPOSE_INFO,
  type AuditTrailEntry,
  type VisitView,
} from '@qinqing/domain';
import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';

import { Field } from '../../../features/desk/fields';
import { RatingCard } from '../../../features/desk/RatingCard';
import { chinaDateTime } from '../../../features/firm/gate';
import { api } from '../../../services/api';
import { useRequest } from '../../../shared/request';
import { useSession } from '../../../shared/session';
import { Card, Page } from '../../../shared/ui/Page';
import { EmptyText, Pending } from '../../../shared/ui/Pending';

import '../../../features/desk/supervisor.css';
import './index.css';

function resultText(visit: VisitView): string {
  if (visit.decision.outcome === 'REFUSED') return '未入企';
  if (visit.findings) return FINDINGS_LABELS[visit.findings];
  return visit.checkedOutAt ? '已签退' : '检查中';
}

function VisitBody({ visit, audit }: { visit: VisitView; audit: AuditTrailEntry[] }) {
  const outcome = visit.decision.outcome;
  return (
    <View data-testid="supervisor-visit">
      <View className={`vr-head vr-head--${outcome.toLowerCase()}`}>
        <Text className="vr-head__outcome" data-testid="visit-outcome">
          {CHECK_IN_OUTCOME_LABELS[outcome]}
        </Text>
        <Text className="vr-head__firm">{visit.enterpriseName ?? '（未知企业）'}</Text>
        {visit.decision.reasons.map((r) => (
          <Text className="vr-head__reason" key={r.code} data-testid="visit-reason">
            {r.message}
          </Text>
        ))}
      </View>

      <Card title="检查记录">
        <Field label="事由">
          <Text>{PURPOSE_INFO[visit.purpose].label}</Text>
          {visit.reference && <Text className="sv-muted">依据：{visit.reference}</Text>}
        </Field>
        <Field label="执法人员">
          {visit.officers.map((o) => (
            <Text key={o.id}>
              {o.name}
              {o.badgeNumber ? `（${o.badgeNumber}）` : ''}
              {o.isLead ? ' · 主办' : ''} {o.unitName ?? ''}
            </Text>
          ))}
        </Field>
        <Field label="门口">
          <Text>{visit.gateName ?? '—'}</Text>
        </Field>
        <Field label="位置">
          <Text>
            {visit.location
              ? `${visit.location.lat.toFixed(5)}, ${visit.location.lng.toFixed(5)}${
                  visit.location.accuracy !== null
                    ? `（精度 ${Math.round(visit.location.accuracy)} 米）`
                    : ''
                }`
              : '未获取定位'}
          </Text>
        </Field>
        <Field label="时间">
          <Text>打卡：{chinaDateTime(visit.checkedInAt)}</Text>
          <Text className="sv-muted">手机时间：{chinaDateTime(visit.clientTime)}</Text>
          <Text className="sv-muted">服务器收到：{chinaDateTime(visit.receivedAt)}</Text>
          {visit.checkedOutAt && (
            <Text>
              签退：{chinaDateTime(visit.checkedOutAt)}
              {visit.autoClosed ? '（超时自动签退）' : ''}
            </Text>
          )}
        </Field>
        <Field label="检查结果">
          <Text>{resultText(visit)}</Text>
          {visit.rectifyBy && <Text className="sv-muted">整改期限：{visit.rectifyBy}</Text>}
          {visit.notes && <Text className="sv-muted">{visit.notes}</Text>}
        </Field>
        <Field label="规则版本">
          <Text>第 {visit.decision.policyVersion} 版</Text>
        </Field>
      </Card>

      {outcome !== 'REFUSED' && <RatingCard visitId={visit.id} />}

      <Card title="审计记录" testId="visit-audit">
        {audit.length === 0 && <EmptyText>没有审计记录</EmptyText>}
        {audit.map((entry) => (
          <View className="sv-entry" key={entry.seq} data-testid="visit-audit-entry">
            <Text className="sv-row__strong">
              第 {entry.seq} 条 · {auditActionLabel(entry.action)} · {chinaDateTime(entry.at)}
            </Text>
            <Text className="sv-mono sv-muted">哈希：{entry.hash}</Text>
          </View>
        ))}
      </Card>
    </View>
  );
}

/** One visit's full record with its 好差评 and audit entries; back to where it was opened from. */
export default function SupervisorVisitPage() {
  const { params } = useRouter();
  const id = params.id ?? '';
  const user = useSession(['supervisor', 'admin']);
  const record = useRequest(
    async () => {
      if (!id) throw new Error('缺少记录编号：请从执法记录列表打开。');
      const [visit, audit] = await Promise.all([
        api.getVisit({ params: { id } }),
        api.visitAudit({ params: { id } }),
      ]);
      return { visit, audit: audit.items };
    },
    [id],
    { enabled: Boolean(user) },
  );
  if (!user) return <View />;
  return (
    <Page title="执法记录详情" backTo="/pages/supervisor/visits/index">
      <View className="sv-page">
        <Pending
          loading={record.loading}
          error={record.error}
          onRetry={record.reload}
          testId="visit-error"
        />
        {record.data && <VisitBody visit={record.data.visit} audit={record.data.audit} />}
      </View>
    </Page>
  );
}
