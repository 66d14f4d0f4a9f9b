import {
  CHECK_IN_OUTCOME_LABELS,
  FINDINGS_LABELS,
  PURPOSE_INFO,
  type VisitView,
} from '@qinqing/domain';
import { Button, Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useCallback, useEffect, useState } from 'react';

import { chinaDateTime } from '../../../features/firm/gate';
import { useRoleGuard } from '../../../features/firm/session-guard';
import { RatingCard } from '../../../features/desk/RatingCard';
import { auditActionLabel } from '../../../features/supervisor/log';
import { api, ApiError, NetworkError, type AuditEntryView } from '../../../services/api';

import '../../../features/desk/desk.css';
import './index.css';

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <View className="vrow">
      <Text className="vrow__label">{label}</Text>
      <View className="vrow__value">{children}</View>
    </View>
  );
}

/** One visit's full record with its audit entries. */
export default function SupervisorVisitPage() {
  const { params } = useRouter();
  const id = params.id ?? '';
  const user = useRoleGuard(
    ['supervisor', 'admin'],
    `/pages/supervisor/visit/index?id=${encodeURIComponent(id)}`,
  );
  const [visit, setVisit] = useState<VisitView | null>(null);
  const [audit, setAudit] = useState<AuditEntryView[] | null>(null);
  const [error, setError] = useState('');

  const load = useCallback(async () => {
    setError('');
    if (!id) {
      setError('缺少记录编号：请从执法记录列表打开。');
      return;
    }
    try {
      const [v, a] = await Promise.all([api.visit(id), api.visitAudit(id)]);
      setVisit(v);
      setAudit(a.items);
    } catch (e) {
      setError(
        e instanceof ApiError && e.statusCode === 404
          ? '找不到这条记录（或不在您的监督范围内）。'
          : e instanceof ApiError || e instanceof NetworkError
            ? `${e.message} 请点“重试”。`
            : '获取记录失败，请点“重试”。',
      );
    }
  }, [id]);

  useEffect(() => {
    if (user) void load();
  }, [user, load]);

  if (!user) return <View className="vpage" />;

  if (error) {
    return (
      <View className="vpage">
        <View className="vpage__error">
          <Text data-testid="visit-error">{error}</Text>
          <Button className="vpage__retry" onClick={() => void load()}>
            重试
          </Button>
        </View>
      </View>
    );
  }
  if (!visit) {
    return (
      <View className="vpage">
        <Text className="vpage__loading">正在获取…</Text>
      </View>
    );
  }

  const outcome = visit.decision.outcome;
  return (
    <View className="vpage" data-testid="supervisor-visit">
      <View className={`vhead vhead--${outcome.toLowerCase()}`}>
        <Text className="vhead__outcome" data-testid="visit-outcome">
          {CHECK_IN_OUTCOME_LABELS[outcome]}
        </Text>
        <Text className="vhead__firm">{visit.enterpriseName ?? '（未知企业）'}</Text>
        {visit.decision.reasons.map((r) => (
          <Text className="vhead__reason" key={r.code} data-testid="visit-reason">
            {r.message}
          </Text>
        ))}
      </View>

      <View className="vcard">
        <Row label="事由">
          <Text>{PURPOSE_INFO[visit.purpose].label}</Text>
          {visit.reference && <Text className="vmuted">依据：{visit.reference}</Text>}
        </Row>
        <Row label="执法人员">
          {visit.officers.map((o) => (
            <Text key={o.id}>
              {o.name}
              {o.badgeNumber ? `（${o.badgeNumber}）` : ''}
              {o.isLead ? ' · 主办' : ''} {o.unitName ?? ''}
            </Text>
          ))}
        </Row>
        <Row label="门口">
          <Text>{visit.gateName ?? '—'}</Text>
        </Row>
        <Row label="位置">
          <Text>
            {visit.location
              ? `${visit.location.lat.toFixed(5)}, ${visit.location.lng.toFixed(5)}${
                  visit.location.accuracy !== null
                    ? `（精度 ${Math.round(visit.location.accuracy)} 米）`
                    : ''
                }`
              : '未获取定位'}
          </Text>
        </Row>
        <Row label="时间">
          <Text>打卡：{chinaDateTime(visit.checkedInAt)}</Text>
          <Text className="vmuted">手机时间：{chinaDateTime(visit.clientTime)}</Text>
          <Text className="vmuted">服务器收到：{chinaDateTime(visit.receivedAt)}</Text>
          {visit.checkedOutAt && (
            <Text>
              签退：{chinaDateTime(visit.checkedOutAt)}
              {visit.autoClosed ? '（超时自动签退）' : ''}
            </Text>
          )}
        </Row>
        <Row label="检查结果">
          <Text>
            {outcome === 'REFUSED'
              ? '未入企'
              : visit.findings
                ? FINDINGS_LABELS[visit.findings]
                : visit.checkedOutAt
                  ? '已签退'
                  : '检查中'}
          </Text>
          {visit.rectifyBy && <Text className="vmuted">整改期限：{visit.rectifyBy}</Text>}
          {visit.notes && <Text className="vmuted">{visit.notes}</Text>}
        </Row>
        <Row label="规则版本">
          <Text>第 {visit.decision.policyVersion} 版</Text>
        </Row>
        <Row label="记录编号">
          <Text className="vmono">{visit.id}</Text>
        </Row>
      </View>

      {outcome !== 'REFUSED' && <RatingCard visitId={visit.id} />}

      <View className="vcard" data-testid="visit-audit">
        <Text className="vcard__title">审计记录</Text>
        {audit?.length === 0 && <Text className="vmuted">没有审计记录</Text>}
        {audit?.map((entry) => (
          <View className="vaudit" key={entry.seq} data-testid="visit-audit-entry">
            <Text className="vaudit__action">
              #{entry.seq} {auditActionLabel(entry.action)} · {chinaDateTime(entry.at)}
            </Text>
            <Text className="vmono">哈希：{entry.hash}</Text>
          </View>
        ))}
      </View>
    </View>
  );
}
