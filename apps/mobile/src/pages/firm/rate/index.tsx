import {
  ERROR_MESSAGES,
  PURPOSE_INFO,
  RATING_ITEMS,
  RATING_LEVEL_LABELS,
  RATING_OVERALL_LABEL,
  type RatingStatusView,
  type RatingView,
  type VisitView,
} from '@qinqing/domain';
import { Button, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useCallback, useEffect, useState } from 'react';

import { ConductCard } from '../../../components/ConductCard';
import { redirectToLogin, useRoleGuard } from '../../../features/firm/session-guard';
import { RatingCardForm } from '../../../features/rating/RatingCardForm';
import { api, ApiError, NetworkError } from '../../../services/api';
import { chinaDateTime } from '../../../services/china-time';
import { session } from '../../../services/session';

import './index.css';

const CARD_TITLE = '郑州市环境监察支队 优化营商环境执法评价“好差评”评价卡';

type Phase =
  | { kind: 'loading' }
  | { kind: 'failed'; message: string }
  | { kind: 'form' }
  | { kind: 'closed'; message: string }
  | { kind: 'rated'; rating: RatingView | null }
  | { kind: 'done'; rating: RatingView; needsFollowUp: boolean };

/** Why a visit cannot be rated, in words for the firm. */
function closedMessage(status: RatingStatusView): string {
  if (status.reason === 'NOT_CHECKED_OUT') return ERROR_MESSAGES.VISIT_NOT_CHECKED_OUT;
  if (status.reason === 'REFUSED') return ERROR_MESSAGES.RATING_NOT_APPLICABLE;
  return '评价已截止：已超过评价期限，不能再评价。如对该次检查有意见，可拨打下方监督电话或进行监督举报。';
}

function VisitSummary({ visit, closesAt }: { visit: VisitView; closesAt: string | null }) {
  return (
    <View className="rate__visit" data-testid="rating-visit">
      <Text className="rate__firm">{visit.enterpriseName ?? '本企业'}</Text>
      {visit.officers.map((o) => (
        <Text className="rate__line rate__officer" key={o.id}>
          执法人员：{o.name}
          {o.badgeNumber ? `（执法证号 ${o.badgeNumber}）` : ''}
        </Text>
      ))}
      <Text className="rate__line">
        事由：{PURPOSE_INFO[visit.purpose].label}
        {visit.reference ? `（${visit.reference}）` : ''}
      </Text>
      <Text className="rate__line">
        时间：{chinaDateTime(visit.checkedInAt)}
        {visit.checkedOutAt ? ` 至 ${chinaDateTime(visit.checkedOutAt)}` : ''}
      </Text>
      {closesAt && (
        <Text className="rate__deadline">请于 {chinaDateTime(closesAt)} 前完成评价</Text>
      )}
    </View>
  );
}

function RatedMarks({ rating }: { rating: RatingView }) {
  return (
    <View className="rate__marks">
      <Text className="rate__line">
        {RATING_OVERALL_LABEL}：{RATING_LEVEL_LABELS[rating.overall]}
      </Text>
      {RATING_ITEMS.map((item, i) => (
        <Text className="rate__line" key={item}>
          {i + 1}. {item}：{RATING_LEVEL_LABELS[rating.items[i]] ?? ''}
        </Text>
      ))}
      {rating.comment && <Text className="rate__line">意见或建议：{rating.comment}</Text>}
      <Text className="rate__line">
        {rating.signer.name} 于 {chinaDateTime(rating.submittedAt)} 提交
      </Text>
    </View>
  );
}

/** 好差评评价卡: the firm rates one checked-out visit, once, and signs it. */
export default function FirmRatePage() {
  const { params } = useRouter();
  const visitId = params.visitId ?? '';
  const here = `/pages/firm/rate/index?visitId=${encodeURIComponent(visitId)}`;
  const user = useRoleGuard(['enterprise'], here);
  const [visit, setVisit] = useState<VisitView | null>(null);
  const [closesAt, setClosesAt] = useState<string | null>(null);
  const [phase, setPhase] = useState<Phase>({ kind: 'loading' });

  const showRated = useCallback(async () => {
    setPhase({ kind: 'rated', rating: null });
    try {
      setPhase({ kind: 'rated', rating: await api.rating(visitId) });
    } catch {
      // the 已评价 state stands without the details
    }
  }, [visitId]);

  const load = useCallback(async () => {
    if (!visitId) {
      setPhase({ kind: 'failed', message: '缺少检查记录：请从首页的到访记录点“去评价”进入。' });
      return;
    }
    setPhase({ kind: 'loading' });
    try {
      const [v, status] = await Promise.all([api.visit(visitId), api.ratingStatus(visitId)]);
      setVisit(v);
      setClosesAt(status.open ? status.closesAt : null);
      if (status.rated) await showRated();
      else if (!status.open) setPhase({ kind: 'closed', message: closedMessage(status) });
      else setPhase({ kind: 'form' });
    } catch (e) {
      if (e instanceof ApiError && e.statusCode === 401) {
        session.clear();
        redirectToLogin(here);
        return;
      }
      setPhase({
        kind: 'failed',
        message:
          e instanceof NetworkError
            ? '网络不可用，未能读取该次检查：请到信号较好的地方点“重试”。'
            : e instanceof ApiError
              ? `${e.message} 请返回首页查看到访记录。`
              : '读取检查记录失败，请点“重试”。',
      });
    }
  }, [visitId, here, showRated]);

  useEffect(() => {
    if (user) void load();
  }, [user, load]);

  if (!user) return <View className="rate" />;
  const home = () => {
    if (Taro.getCurrentPages().length > 1) void Taro.navigateBack();
    else void Taro.redirectTo({ url: '/pages/firm/home/index' });
  };

  return (
    <View className="rate" data-testid="rating-page">
      <View className="rate__header">
        <Text className="rate__title">{CARD_TITLE}</Text>
      </View>

      {visit && <VisitSummary visit={visit} closesAt={phase.kind === 'form' ? closesAt : null} />}

      {phase.kind === 'loading' && <Text className="rate__info">正在读取…</Text>}

      {phase.kind === 'failed' && (
        <View className="rate__state rate__state--error" data-testid="rating-load-error">
          <Text className="rate__state-text">{phase.message}</Text>
          <Button className="rate__button" onClick={() => void load()}>
            重试
          </Button>
        </View>
      )}

      {phase.kind === 'closed' && (
        <View className="rate__state rate__state--closed" data-testid="rating-closed">
          <Text className="rate__state-title">评价已截止</Text>
          <Text className="rate__state-text">{phase.message}</Text>
        </View>
      )}

      {phase.kind === 'rated' && (
        <View className="rate__state rate__state--rated" data-testid="rating-rated">
          <Text className="rate__state-title">已评价</Text>
          <Text className="rate__state-text">该次检查已经评价过，评价提交后不能修改。</Text>
          {phase.rating && <RatedMarks rating={phase.rating} />}
        </View>
      )}

      {phase.kind === 'done' && (
        <View className="rate__state rate__state--rated" data-testid="rating-done">
          <Text className="rate__state-title">评价已提交，感谢您的监督</Text>
          {phase.needsFollowUp ? (
            <Text className="rate__state-text" data-testid="rating-follow-up">
              您的评价中有“差”，监督部门将与企业电话联系回访核实，请保持电话畅通。
            </Text>
          ) : (
            <Text className="rate__state-text">
              评价结果仅监督部门可见，执法人员看不到具体企业的评价。
            </Text>
          )}
          <RatedMarks rating={phase.rating} />
        </View>
      )}

      {phase.kind === 'form' && (
        <RatingCardForm
          visitId={visitId}
          onRated={(rating, needsFollowUp) => setPhase({ kind: 'done', rating, needsFollowUp })}
          onAlreadyRated={() => void showRated()}
        />
      )}

      {phase.kind !== 'form' && phase.kind !== 'loading' && (
        <Button
          className="rate__button rate__button--home"
          data-testid="rating-home"
          onClick={home}
        >
          返回首页
        </Button>
      )}

      <ConductCard />
    </View>
  );
}
