import { CHECK_IN_OUTCOME_LABELS, PURPOSE_INFO, type VisitView } from '@qinqing/domain';
import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';

import { chinaTime } from '../services/china-time';

const CHIP = { ALLOWED: 'o-chip--green', FLAGGED: 'o-chip--amber', REFUSED: 'o-chip--red' };

/** One visit or refused attempt in a list. */
export function VisitRow({ visit, children }: { visit: VisitView; children?: ReactNode }) {
  const outcome = visit.decision.outcome;
  return (
    <View className="o-card" data-testid={`visit-${visit.id}`}>
      <Text className="o-section">{visit.enterpriseName ?? '未知企业'}</Text>
      <View>
        <Text className={`o-chip ${CHIP[outcome]}`}>{CHECK_IN_OUTCOME_LABELS[outcome]}</Text>
        <Text className="o-chip">{PURPOSE_INFO[visit.purpose].label}</Text>
      </View>
      <Text className="o-muted">
        {'\n'}入企 {chinaTime(visit.checkedInAt)}
        {visit.checkedOutAt ? ` · 签退 ${chinaTime(visit.checkedOutAt)}` : ''}
        {visit.autoClosed ? '（系统自动结束）' : ''}
      </Text>
      {children}
    </View>
  );
}

export function isOpenVisit(v: VisitView): boolean {
  return v.checkedOutAt === null && v.decision.outcome !== 'REFUSED';
}
