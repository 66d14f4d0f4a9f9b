import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';

import { VisitRow } from '../../../components/VisitRow';
import { homeErrorText, useOfficerHome } from '../../../features/officer-home/useOfficerHome';
import { useSession } from '../../../shared/session';
import { Button } from '../../../shared/ui/Button';
import { Card, Page } from '../../../shared/ui/Page';
import { EmptyText, Pending } from '../../../shared/ui/Pending';

import '../../../components/officer.css';

const LINKS = [
  { label: '我的抽查任务', url: '/pages/officer/tasks/index', testId: 'home-tasks' },
  { label: '我的检查记录', url: '/pages/officer/visits/index', testId: 'home-visits' },
  { label: '电子执法证', url: '/pages/officer/badge/index', testId: 'home-badge' },
  { label: '离线打卡同步', url: '/pages/officer/sync/index', testId: 'home-sync' },
  { label: '我的评价汇总', url: '/pages/officer/ratings/index', testId: 'home-ratings' },
];

const go = (url: string) => () => void Taro.navigateTo({ url });

/** The officer's start screen: 扫码入企, what is still to be checked out, today's visits. */
export default function OfficerHomePage() {
  const me = useSession('officer');
  const home = useOfficerHome(me);
  if (!me)
    return (
      <Page title="执法打卡" back={false}>
        {null}
      </Page>
    );

  return (
    <Page title="执法打卡" back={false}>
      <Card testId="officer-greeting">
        <Text className="o-title">您好，{me.name}</Text>
        <Text className="o-muted">执法证号 {me.badgeNumber ?? '未登记'}</Text>
      </Card>

      <Button
        block
        type="primary"
        size="xlarge"
        className="o-action o-action--scan"
        data-testid="home-scan"
        onClick={() => void home.scan()}
      >
        扫码入企
      </Button>
      {home.scanError && (
        <Text className="o-error" data-testid="home-scan-error">
          {home.scanError}
        </Text>
      )}

      {home.error && (
        <View className="o-warn" role="alert">
          <Text>{homeErrorText(home.error)}</Text>
          <Button type="primary" fill="outline" className="o-action--small" onClick={home.reload}>
            重试
          </Button>
        </View>
      )}

      {home.open.length > 0 && (
        <View data-testid="home-open-visits">
          <Text className="o-section">待签退（{home.open.length}）</Text>
          {home.open.map((v) => (
            <VisitRow key={v.id} visit={v}>
              <Button
                type="primary"
                className="o-action--small"
                data-testid={`home-check-out-${v.id}`}
                onClick={go(`/pages/officer/check-out/index?visitId=${v.id}`)}
              >
                签退
              </Button>
            </VisitRow>
          ))}
        </View>
      )}

      <Text className="o-section">今日检查</Text>
      <View data-testid="home-today">
        {home.today === undefined && !home.error && (
          <Pending loading={home.loading} error="" onRetry={home.reload} />
        )}
        {home.today?.length === 0 && <EmptyText>今天还没有检查记录。</EmptyText>}
        {home.today?.map((v) => (
          <VisitRow key={v.id} visit={v} />
        ))}
      </View>

      <View className="o-links" role="navigation" aria-label="更多功能">
        {LINKS.map((link) => (
          <Button
            key={link.url}
            block
            type="primary"
            fill="outline"
            className="o-action"
            data-testid={link.testId}
            onClick={go(link.url)}
          >
            {link.label}
          </Button>
        ))}
      </View>
    </Page>
  );
}
