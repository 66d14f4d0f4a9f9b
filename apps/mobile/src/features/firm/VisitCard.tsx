import { PURPOSE_INFO, type VisitView } from '@qinqing/domain';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';

import { Button } from '../../shared/ui/Button';
import { rateUrl, type RatingBadge } from '../rating/rating-status';
import { chinaDateTime, firmOutcomeLabel, visitProgress } from './gate';

import './firm.css';

function reportUrl(visitId: string): string {
  return `/pages/firm/report/index?visitId=${encodeURIComponent(visitId)}`;
}

/** 好差评 state of a checked-out visit: 去评价 / 已评价 / 评价已截止. */
function VisitRating({ visitId, badge }: { visitId: string; badge: RatingBadge }) {
  if (badge.kind === 'NONE') return null;
  return (
    <View className="fvisit__rating" data-testid="visit-rating">
      {badge.kind === 'OPEN' ? (
        <Button
          type="primary"
          block
          className="fvisit__rate"
          data-testid="visit-rate"
          onClick={() => void Taro.navigateTo({ url: rateUrl(visitId) })}
        >
          {badge.label}
        </Button>
      ) : (
        <Text
          className={`fvisit__rated fvisit__rated--${badge.kind.toLowerCase()}`}
          data-testid={badge.kind === 'RATED' ? 'visit-rated' : 'visit-rating-closed'}
        >
          {badge.label}
        </Text>
      )}
    </View>
  );
}

/** One visit (or refused attempt) to the firm: who, why, when, the result, and what to do. */
export function VisitCard({ visit, rating }: { visit: VisitView; rating: RatingBadge }) {
  const refused = visit.decision.outcome === 'REFUSED';
  return (
    <View
      className={`fvisit fvisit--${visit.decision.outcome.toLowerCase()}`}
      data-testid="firm-visit"
    >
      <View className="fvisit__head">
        <Text className="fvisit__outcome">{firmOutcomeLabel(visit.decision.outcome)}</Text>
        <Text className="fvisit__time">{chinaDateTime(visit.checkedInAt)}</Text>
      </View>
      {visit.officers.map((o) => (
        <View className="fvisit__officer" key={o.id}>
          {o.name}
          {o.badgeNumber ? `（${o.badgeNumber}）` : ''}
          {o.isLead ? ' · 主办' : ''}
        </View>
      ))}
      {visit.officers[0]?.unitName && (
        <View className="fvisit__line">{visit.officers[0].unitName}</View>
      )}
      <View className="fvisit__line">
        事由：{PURPOSE_INFO[visit.purpose].label}
        {visit.reference ? `（${visit.reference}）` : ''}
      </View>
      {refused ? (
        <View className="fvisit__reasons">
          {visit.decision.reasons.map((r) => (
            <View className="fvisit__reason" key={r.code}>
              {r.message}
            </View>
          ))}
        </View>
      ) : (
        <View className="fvisit__line">
          入企 {chinaDateTime(visit.checkedInAt)}
          {visit.checkedOutAt ? ` · 离开 ${chinaDateTime(visit.checkedOutAt)}` : ''}
        </View>
      )}
      <View className="fvisit__progress">
        {refused ? '未入企' : `检查结果：${visitProgress(visit)}`}
      </View>
      {visit.decision.outcome === 'FLAGGED' && (
        <View className="fvisit__reasons">
          {visit.decision.reasons.map((r) => (
            <View className="fvisit__flag" key={r.code}>
              {r.message}
            </View>
          ))}
        </View>
      )}
      <View className="fvisit__actions">
        <VisitRating visitId={visit.id} badge={rating} />
        <Button
          fill="outline"
          className="fvisit__report"
          data-testid="visit-report"
          label="举报该次检查的执法人员"
          onClick={() => void Taro.navigateTo({ url: reportUrl(visit.id) })}
        >
          举报
        </Button>
      </View>
    </View>
  );
}
