import {
  CHECK_IN_OUTCOME_LABELS,
  PURPOSE_INFO,
  splitRefusal,
  type DecisionReason,
} from '@qinqing/domain';
import { Text, View } from '@tarojs/components';

import { chinaTime } from '../services/china-time';
import { summarizeSubmission, type LastCheckIn } from '../features/check-in/last-result';
import { reasonInWords } from './VisitRow';

import './DecisionCard.css';

/** The decision at one glance: a big colour block, then the reasons and the visit's facts. */
export function DecisionCard({ last }: { last: LastCheckIn }) {
  const summary = summarizeSubmission(last.submission);
  const tone =
    summary.outcome === 'ALLOWED'
      ? 'allowed'
      : summary.outcome === 'FLAGGED'
        ? 'flagged'
        : summary.outcome === 'REFUSED'
          ? 'refused'
          : 'pending';
  const headline = summary.outcome ? CHECK_IN_OUTCOME_LABELS[summary.outcome] : '待服务器判定';
  const purpose = PURPOSE_INFO[last.request.purpose]?.label ?? '未知事由';
  const firmName =
    last.firmName ??
    (last.submission.mode === 'online' && last.submission.accepted
      ? last.submission.result.visit.enterpriseName
      : null) ??
    '非本单位辖区企业（联网后由服务器判定）';
  // Only a refusal has rules that refused; the rest (e.g. 单人检查) was recorded besides.
  const { refusing, recorded } =
    summary.outcome === 'REFUSED'
      ? splitRefusal(summary.reasons)
      : { refusing: [], recorded: summary.reasons };

  return (
    <View
      className="decision"
      data-testid="decision-card"
      data-outcome={summary.outcome ?? 'PENDING'}
    >
      <View className={`decision__block decision__block--${tone}`} data-testid="decision-block">
        {summary.offline && (
          <Text className="decision__offline" data-testid="decision-offline">
            离线预判
          </Text>
        )}
        <Text className="decision__headline" data-testid="decision-outcome">
          {headline}
        </Text>
        {summary.offline && (
          <Text className="decision__sub">
            {summary.queued ? '已保存，联网后自动上传' : '尚未保存'}；以服务器的判定为准。
          </Text>
        )}
        {!summary.offline && summary.outcome === 'REFUSED' && (
          <Text className="decision__sub">本次尝试已记录。请勿进入现场。</Text>
        )}
      </View>

      {summary.reasons.length > 0 && (
        <View className="decision__reasons" data-testid="decision-reasons">
          {refusing.length > 0 && <ReasonList title="不予入企的原因" reasons={refusing} />}
          {recorded.length > 0 && (
            <ReasonList
              title={refusing.length > 0 ? '另已记录的情况' : '已记录的情况'}
              reasons={recorded}
            />
          )}
        </View>
      )}

      <View className="decision__facts">
        <View className="decision__fact">
          <Text className="decision__label">企业</Text>
          <Text className="decision__value" data-testid="decision-firm">
            {firmName}
            {last.gateName ? ` · ${last.gateName}` : ''}
          </Text>
        </View>
        <View className="decision__fact">
          <Text className="decision__label">事由</Text>
          <Text className="decision__value">
            {purpose}
            {last.request.reference ? `（${last.request.reference}）` : ''}
          </Text>
        </View>
        <View className="decision__fact">
          <Text className="decision__label">时间</Text>
          <Text className="decision__value">{chinaTime(last.request.clientTime)}</Text>
        </View>
        <View className="decision__fact">
          <Text className="decision__label">执法人员</Text>
          <Text className="decision__value">{last.officerNames.join('、') || '—'}</Text>
        </View>
      </View>
    </View>
  );
}

function ReasonList({ title, reasons }: { title: string; reasons: readonly DecisionReason[] }) {
  return (
    <View>
      <Text className="decision__section">{title}</Text>
      {reasons.map((r) => (
        <View key={r.code} className="decision__reason" data-testid={`reason-${r.code}`}>
          <Text>{reasonInWords(r)}</Text>
        </View>
      ))}
    </View>
  );
}
