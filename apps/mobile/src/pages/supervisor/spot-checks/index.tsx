import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';

import { percentText } from '../../../features/desk/charts';
import { FOCUSABLE } from '../../../features/desk/fields';
import { DESK_PAGE, open } from '../../../features/desk/nav';
import { monthLabel } from '../../../features/desk/spot-check';
import { SpotCheckDrawForm } from '../../../features/desk/SpotCheckParts';
import { chinaDateTime } from '../../../features/firm/gate';
import { api } from '../../../services/api';
import { useRequest } from '../../../shared/request';
import { useSession } from '../../../shared/session';
import { Card, Page } from '../../../shared/ui/Page';
import { EmptyText, Pending } from '../../../shared/ui/Pending';

import '../../../features/desk/supervisor.css';

/** 评价抽查: the monthly draws of ratings to verify by phone. */
export default function SpotChecksPage() {
  const user = useSession(['supervisor', 'admin']);
  const list = useRequest(async () => (await api.listSpotChecks()).items, [], {
    enabled: Boolean(user),
  });
  if (!user) return <View />;

  return (
    <Page title="评价抽查" backTo={DESK_PAGE} wide testId="spot-checks">
      <View className="sv-page">
        <Text className="sv-intro">抽查企业评价是否真实，防止代评、误评</Text>
        <SpotCheckDrawForm
          onDrawn={(s) =>
            void Taro.navigateTo({ url: `/pages/supervisor/spot-check/index?id=${s.id}` })
          }
        />
        <Card title="抽查记录">
          <Pending loading={list.loading} error={list.error} onRetry={list.reload} />
          {list.data?.length === 0 && <EmptyText>还没有抽查</EmptyText>}
          <View className="sv-list">
            {list.data?.map((s) => (
              <View
                key={s.id}
                className={`sv-row${s.verifiedShare >= 1 ? ' sv-row--done' : ' sv-row--warn'}`}
                data-testid="spot-check-row"
                role="link"
                {...FOCUSABLE}
                onClick={open(`/pages/supervisor/spot-check/index?id=${s.id}`)}
              >
                <Text className="sv-row__strong">
                  {monthLabel(s.month)} · {s.unitName ?? ''}
                </Text>
                <Text>
                  从 {s.poolRatingIds.length} 条评价中抽取 {s.items.length} 条 · 已核实{' '}
                  {percentText(s.verifiedShare)}
                </Text>
                <Text className="sv-muted">
                  {chinaDateTime(s.createdAt)} · {s.createdBy.name}
                </Text>
              </View>
            ))}
          </View>
        </Card>
      </View>
    </Page>
  );
}
