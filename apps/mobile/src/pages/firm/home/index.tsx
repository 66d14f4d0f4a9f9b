import { CREDIT_GRADE_LABELS, type EnterpriseView, type SessionUser } from '@qinqing/domain';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';

import { CheckpointCard } from '../../../features/audit-checkpoints/CheckpointCard';
import { ConductCard } from '../../../features/firm/ConductCard';
import { gateBannerText, type GateEntry } from '../../../features/firm/gate';
import { useFirmHome } from '../../../features/firm/useFirmHome';
import { VisitCard } from '../../../features/firm/VisitCard';
import { ratingBadge } from '../../../features/rating/rating-status';
import { useSession } from '../../../shared/session';
import { Button } from '../../../shared/ui/Button';
import { Card, Page } from '../../../shared/ui/Page';

import '../../../features/firm/firm.css';

function firmStatusLine(firm: EnterpriseView): string {
  return [
    firm.onPositiveList ? '正面清单企业（无事不扰）' : '未列入正面清单',
    `信用：${CREDIT_GRADE_LABELS[firm.creditGrade]}`,
  ].join(' · ');
}

function FirmHead({ firms, user }: { firms: EnterpriseView[]; user: SessionUser }) {
  return (
    <View className="firm-head">
      <Text className="firm-head__name" data-testid="firm-name">
        {firms.map((f) => f.name).join('、') || user.name}
      </Text>
      {firms.length === 1 && <Text className="firm-head__status">{firmStatusLine(firms[0])}</Text>}
      {firms.length > 1 && <Text className="firm-head__status">共{firms.length}家企业</Text>}
    </View>
  );
}

function GateNow(props: { entries: GateEntry[]; loaded: boolean; fresh: number }) {
  const busy = props.entries.length > 0;
  return (
    <View
      className={`gate ${busy ? 'gate--busy' : 'gate--quiet'}`}
      data-testid="gate-now"
      role="region"
      aria-label="现在门口"
    >
      <View className="gate__title" role="heading" aria-level={2}>
        现在门口
      </View>
      {!busy && (
        <Text className="gate__empty">
          {props.loaded ? '目前没有执法人员在企业内' : '正在获取…'}
        </Text>
      )}
      {props.entries.map((entry) => (
        <View className="gate__entry" key={entry.visitId} data-testid="gate-entry">
          {gateBannerText(entry)}
        </View>
      ))}
      {props.fresh > 0 && (
        <Text className="gate__fresh" data-testid="gate-fresh">
          新到访提醒 {props.fresh} 条（刚刚更新）
        </Text>
      )}
    </View>
  );
}

const go = (url: string) => () => void Taro.navigateTo({ url });

/** 门口是谁: who is at my firm's gate now, and every visit to it. */
export default function FirmHomePage() {
  const user = useSession('enterprise');
  const home = useFirmHome(Boolean(user));
  if (!user)
    return (
      <Page title="门口是谁" back={false}>
        {null}
      </Page>
    );

  return (
    <Page title="门口是谁" back={false} testId="firm-home">
      <FirmHead firms={home.firms} user={user} />
      <GateNow entries={home.atGate} loaded={home.loaded} fresh={home.fresh.length} />

      {home.error && (
        <View className="firm-error" data-testid="firm-error" role="alert">
          {home.error}
        </View>
      )}

      <View className="firm-actions">
        <Button
          type="primary"
          data-testid="goto-verify-badge"
          onClick={go('/pages/firm/verify-badge/index')}
        >
          核验执法证
        </Button>
        <Button data-testid="goto-status" onClick={go('/pages/firm/status/index')}>
          企业状态
        </Button>
        <Button
          className="firm-actions__report"
          data-testid="goto-report"
          onClick={go('/pages/firm/report/index')}
        >
          监督举报
        </Button>
        <Button data-testid="goto-reports" onClick={go('/pages/firm/reports/index')}>
          我的举报
        </Button>
      </View>

      <Card title="到访记录">
        <Text className="fcard__note">每15秒自动刷新；未获准入企的尝试也会显示</Text>
        <View data-testid="firm-visits">
          {home.loaded && home.visits.length === 0 && (
            <View className="fcard__note">暂无到访记录</View>
          )}
          {home.visits.map((v) => (
            <VisitCard
              key={v.id}
              visit={v}
              rating={ratingBadge(home.ratingStatuses.get(v.id), home.now)}
            />
          ))}
        </View>
      </Card>

      <ConductCard />

      <CheckpointCard intro="本机自动保存服务器签名的审计日志检查点：日后若有人回退或篡改执法记录，凭这些检查点即可发现。" />
    </Page>
  );
}
