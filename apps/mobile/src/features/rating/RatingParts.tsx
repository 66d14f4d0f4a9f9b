import {
  PURPOSE_INFO,
  RATING_ITEMS,
  RATING_LEVEL_LABELS,
  RATING_OVERALL_LABEL,
  type RatingView,
  type VisitView,
} from '@qinqing/domain';
import { View } from '@tarojs/components';

import { chinaDateTime } from '../../services/china-time';

import './rating-page.css';

/** Whose visit the card rates: firm, officers with badge numbers, purpose, times, deadline. */
export function VisitSummary({ visit, closesAt }: { visit: VisitView; closesAt: string | null }) {
  return (
    <View className="rate__visit" data-testid="rating-visit">
      <View className="rate__firm">{visit.enterpriseName ?? '本企业'}</View>
      {visit.officers.map((o) => (
        <View className="rate__line rate__officer" key={o.id}>
          执法人员：{o.name}
          {o.badgeNumber ? `（执法证号 ${o.badgeNumber}）` : ''}
        </View>
      ))}
      <View className="rate__line">
        事由：{PURPOSE_INFO[visit.purpose].label}
        {visit.reference ? `（${visit.reference}）` : ''}
      </View>
      <View className="rate__line">
        时间：{chinaDateTime(visit.checkedInAt)}
        {visit.checkedOutAt ? ` 至 ${chinaDateTime(visit.checkedOutAt)}` : ''}
      </View>
      {closesAt && (
        <View className="rate__deadline">请于 {chinaDateTime(closesAt)} 前完成评价</View>
      )}
    </View>
  );
}

/** The marks of a submitted card, as the firm gave them. */
export function RatedMarks({ rating }: { rating: RatingView }) {
  return (
    <View className="rate__marks">
      <View className="rate__line">
        {RATING_OVERALL_LABEL}：{RATING_LEVEL_LABELS[rating.overall]}
      </View>
      {RATING_ITEMS.map((item, i) => (
        <View className="rate__line" key={item}>
          {i + 1}. {item}：{RATING_LEVEL_LABELS[rating.items[i]] ?? ''}
        </View>
      ))}
      {rating.comment && <View className="rate__line">意见或建议：{rating.comment}</View>}
      <View className="rate__line">
        {rating.signer.name} 于 {chinaDateTime(rating.submittedAt)} 提交
      </View>
    </View>
  );
}
