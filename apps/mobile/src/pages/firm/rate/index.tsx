import { View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';

import { ConductCard } from '../../../features/firm/ConductCard';
import { RatingCardForm } from '../../../features/rating/RatingCardForm';
import { RatedMarks, VisitSummary } from '../../../features/rating/RatingParts';
import { useRatingCard } from '../../../features/rating/useRatingCard';
import { goBack } from '../../../shared/navigation';
import { useSession } from '../../../shared/session';
import { Button } from '../../../shared/ui/Button';
import { Page } from '../../../shared/ui/Page';
import { Pending } from '../../../shared/ui/Pending';

const CARD_TITLE = '郑州市环境监察支队 优化营商环境执法评价“好差评”评价卡';
const HOME = '/pages/firm/home/index';

/** 好差评评价卡: the firm rates one checked-out visit, once, and signs it. */
export default function FirmRatePage() {
  const { params } = useRouter();
  const visitId = params.visitId ?? '';
  const user = useSession('enterprise');
  const card = useRatingCard(visitId, Boolean(user));
  const { phase } = card;

  return (
    <Page title="好差评" backTo={HOME} testId="rating-page">
      <View className="rate__title" role="heading" aria-level={2}>
        {CARD_TITLE}
      </View>

      {card.visit && (
        <VisitSummary visit={card.visit} closesAt={phase.kind === 'form' ? phase.closesAt : null} />
      )}

      <Pending loading={phase.kind === 'loading'} error="" onRetry={card.retry} />
      {phase.kind === 'failed' && (
        <View className="rate__state rate__state--error" data-testid="rating-load-error">
          <View className="rate__state-text" role="alert">
            {phase.message}
          </View>
          <Button type="primary" block className="rate__retry" onClick={card.retry}>
            重试
          </Button>
        </View>
      )}

      {phase.kind === 'closed' && (
        <View className="rate__state rate__state--closed" data-testid="rating-closed">
          <View className="rate__state-title">评价已截止</View>
          <View className="rate__state-text">{phase.message}</View>
        </View>
      )}

      {phase.kind === 'rated' && (
        <View className="rate__state rate__state--rated" data-testid="rating-rated">
          <View className="rate__state-title">已评价</View>
          <View className="rate__state-text">该次检查已经评价过，评价提交后不能修改。</View>
          {phase.rating && <RatedMarks rating={phase.rating} />}
        </View>
      )}

      {phase.kind === 'done' && (
        <View className="rate__state rate__state--rated" data-testid="rating-done" role="status">
          <View className="rate__state-title">评价已提交，感谢您的监督</View>
          {phase.needsFollowUp ? (
            <View className="rate__state-text" data-testid="rating-follow-up">
              您的评价中有“差”，监督部门将与企业电话联系回访核实，请保持电话畅通。
            </View>
          ) : (
            <View className="rate__state-text">
              评价结果仅监督部门可见，执法人员看不到具体企业的评价。
            </View>
          )}
          <RatedMarks rating={phase.rating} />
        </View>
      )}

      {phase.kind === 'form' && (
        <RatingCardForm visitId={visitId} onRated={card.rated} onAlreadyRated={card.alreadyRated} />
      )}

      {phase.kind !== 'form' && phase.kind !== 'loading' && (
        <Button
          type="primary"
          block
          className="rate__home"
          data-testid="rating-home"
          onClick={() => goBack(HOME)}
        >
          返回首页
        </Button>
      )}

      <ConductCard />
    </Page>
  );
}
