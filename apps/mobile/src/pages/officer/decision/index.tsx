import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';

import { DecisionCard } from '../../../components/DecisionCard';
import { requireOfficer } from '../../../components/guard';
import { loadLastCheckIn, summarizeSubmission } from '../../../features/check-in/last-result';

import '../../../components/officer.css';

/** The server's (or the phone's offline) decision on the last check-in. */
export default function OfficerDecisionPage() {
  const [me] = useState(() => requireOfficer('/pages/officer/decision/index'));
  const [last] = useState(() => loadLastCheckIn());
  if (!me) return <View className="o-page" />;

  const home = () => void Taro.redirectTo({ url: '/pages/officer/home/index' });
  if (!last) {
    return (
      <View className="o-page">
        <Text className="o-warn">没有待显示的打卡结果：请回到首页重新扫码入企。</Text>
        <Button className="o-btn" onClick={home}>
          返回首页
        </Button>
      </View>
    );
  }
  const summary = summarizeSubmission(last.submission);
  const canCheckOut =
    summary.visitId !== null && (summary.outcome === 'ALLOWED' || summary.outcome === 'FLAGGED');

  return (
    <View className="o-page">
      <DecisionCard last={last} />
      <View className="decision-actions" style={{ marginTop: '24px' }}>
        {canCheckOut && (
          <Button
            className="o-btn"
            data-testid="decision-check-out"
            onClick={() =>
              void Taro.navigateTo({
                url: `/pages/officer/check-out/index?visitId=${summary.visitId}`,
              })
            }
          >
            检查结束后签退
          </Button>
        )}
        <Button className="o-btn o-btn--secondary" data-testid="decision-home" onClick={home}>
          返回首页
        </Button>
      </View>
    </View>
  );
}
