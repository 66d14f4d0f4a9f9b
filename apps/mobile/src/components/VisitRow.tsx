import {
  CHECK_IN_OUTCOME_LABELS,
  PURPOSE_INFO,
  REASON_MESSAGES,
  type DecisionReason,
  type VisitView,
} from '@qinqing/domain';
import { Tag } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';

import { Card } from '../shared/ui/Page';
import { chinaTime } from '../services/china-time';

const TAG_TYPE = { ALLOWED: 'success', FLAGGED: 'warning', REFUSED: 'danger' } as const;

/** A decision's reason in words (never its code). */
export function reasonInWords(reason: DecisionReason): string {
  return reason.message || REASON_MESSAGES[reason.code] || '不符合入企规则';
}

/**
 * When it happened, in words: an entered visit reads 入企 … · 签退 …; a refused attempt reads
 * 不予入企（已记录）… — the officer never entered.
 */
export function visitTimeLine(visit: VisitView): string {
  if (visit.decision.outcome === 'REFUSED') {
    return `不予入企（已记录） ${chinaTime(visit.checkedInAt)}`;
  }
  return (
    `入企 ${chinaTime(visit.checkedInAt)}` +
    (visit.checkedOutAt ? ` · 签退 ${chinaTime(visit.checkedOutAt)}` : ' · 尚未签退') +
    (visit.autoClosed ? '（系统自动结束）' : '')
  );
}

/** One visit or refused attempt in a list. */
export function VisitRow({ visit, children }: { visit: VisitView; children?: ReactNode }) {
  const outcome = visit.decision.outcome;
  const refused = outcome === 'REFUSED';
  return (
    <View
      className={refused ? 'o-visit o-visit--refused' : 'o-visit'}
      data-testid={`visit-${visit.id}`}
      data-outcome={outcome}
    >
      <Card>
        <Text className="o-section">{visit.enterpriseName ?? '非本单位辖区企业'}</Text>
        <View className="o-tags">
          <Tag type={TAG_TYPE[outcome]}>{CHECK_IN_OUTCOME_LABELS[outcome]}</Tag>
          <Tag type="default" plain>
            {PURPOSE_INFO[visit.purpose].label}
          </Tag>
        </View>
        <Text className="o-line" data-testid="visit-time">
          {visitTimeLine(visit)}
        </Text>
        {refused &&
          visit.decision.reasons.map((r) => (
            <Text key={r.code} className="o-visit__reason" data-testid="visit-reason">
              {reasonInWords(r)}
            </Text>
          ))}
        {!refused && visit.decision.reasons.length > 0 && (
          <Text className="o-muted">
            已记录：{visit.decision.reasons.map(reasonInWords).join(' ')}
          </Text>
        )}
        {children}
      </Card>
    </View>
  );
}

export function isOpenVisit(v: VisitView): boolean {
  return v.checkedOutAt === null && v.decision.outcome !== 'REFUSED';
}
