import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';

import { DecisionCard } from '../../../components/DecisionCard';
import { loadLastCheckIn, summarizeSubmission } from '../../../features/check-in/last-result';
import { checkInUrl } from '../../../features/check-in/useCheckIn';
import { goHome } from '../../../shared/navigation';
import { useSession } from '../../../shared/session';
import { Button } from '../../../shared/ui/Button';
import { Page } from '../../../shared/ui/Page';

import '../../../components/officer.css';

/** Back to the check-in screen of the same scan (the screen underneath, else opened anew). */
function backToCheckIn(code: string, clientId: string): void {
  const pages = Taro.getCurrentPages() as { route?: string; path?: string }[];
  const below = pages[pages.length - 2];
  if (`${below?.route ?? ''}${below?.path ?? ''}`.includes('officer/check-in')) {
    void Taro.navigateBack();
    return;
  }
  void Taro.redirectTo({ url: checkInUrl(code, clientId) });
}

/** The server's (or the phone's offline) decision on the last check-in. */
export default function OfficerDecisionPage() {
  const me = useSession('officer');
  const [last] = useState(() => loadLastCheckIn());
  if (!me) return <Page title="入企结果">{null}</Page>;

  if (!last) {
    return (
      <Page title="入企结果">
        <Text className="o-warn">没有待显示的打卡结果：请回到首页重新扫码入企。</Text>
        <Button
          block
          type="primary"
          className="o-action"
          data-testid="decision-home"
          onClick={goHome}
        >
          返回首页
        </Button>
      </Page>
    );
  }
  const summary = summarizeSubmission(last.submission);
  const canCheckOut =
    summary.visitId !== null && (summary.outcome === 'ALLOWED' || summary.outcome === 'FLAGGED');
  const refused = summary.outcome === 'REFUSED';
  const backUrl = checkInUrl(last.request.code, last.request.clientId);

  return (
    <Page title="入企结果" backTo={backUrl}>
      <DecisionCard last={last} />
      <View className="o-actions o-wide-actions">
        {canCheckOut && (
          <Button
            block
            type="primary"
            className="o-action"
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
        {refused && (
          <Button
            block
            type="primary"
            className="o-action"
            data-testid="decision-other-purpose"
            onClick={() => backToCheckIn(last.request.code, last.request.clientId)}
          >
            换个事由
          </Button>
        )}
        <Button
          block
          type="primary"
          fill="outline"
          className="o-action"
          data-testid="decision-home"
          onClick={goHome}
        >
          返回首页
        </Button>
      </View>
    </Page>
  );
}
