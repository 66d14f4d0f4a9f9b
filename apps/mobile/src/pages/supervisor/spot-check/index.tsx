import type { SpotCheckView } from '@qinqing/domain';
import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';

import { percentText } from '../../../features/desk/charts';
import { Field } from '../../../features/desk/fields';
import { monthLabel, REDRAW_EXPLANATION } from '../../../features/desk/spot-check';
import { SpotCheckItem } from '../../../features/desk/SpotCheckParts';
import { chinaDateTime } from '../../../features/firm/gate';
import { api } from '../../../services/api';
import { useRequest } from '../../../shared/request';
import { useSession } from '../../../shared/session';
import { Card, Page } from '../../../shared/ui/Page';
import { EmptyText, Pending } from '../../../shared/ui/Pending';

import '../../../features/desk/supervisor.css';

function SpotCheckBody({
  spot,
  onSaved,
}: {
  spot: SpotCheckView;
  onSaved: (s: SpotCheckView) => void;
}) {
  return (
    <View data-testid="spot-check">
      <Card title={`${monthLabel(spot.month)}评价抽查 · ${spot.unitName ?? ''}`}>
        <Text className="sv-row__strong" data-testid="spot-check-share">
          已核实 {spot.items.filter((i) => i.result).length}/{spot.items.length}（
          {percentText(spot.verifiedShare)}）
        </Text>
      </Card>
      <Card title="抽取依据（公开可复核）" testId="spot-check-method">
        <Field label="种子">
          <Text className="sv-mono" data-testid="spot-check-seed" userSelect>
            {spot.seed}
          </Text>
        </Field>
        <Field label="抽样池">
          <Text>
            该月辖区评价 {spot.poolRatingIds.length} 条，抽取 {spot.sampleSize} 条
          </Text>
        </Field>
        <Field label="抽取">
          <Text>
            {chinaDateTime(spot.createdAt)} · {spot.createdBy.name}
          </Text>
        </Field>
        <Text className="sv-muted">{REDRAW_EXPLANATION}</Text>
      </Card>
      {spot.items.length === 0 && <EmptyText>本次没有抽到评价</EmptyText>}
      {spot.items.map((item) => (
        <SpotCheckItem key={item.ratingId} spotCheckId={spot.id} item={item} onSaved={onSaved} />
      ))}
    </View>
  );
}

/** One 抽查: the published seed and pool, the drawn ratings and their phone checks. */
export default function SpotCheckPage() {
  const { params } = useRouter();
  const id = params.id ?? '';
  const user = useSession(['supervisor', 'admin']);
  const record = useRequest(
    () =>
      id
        ? api.getSpotCheck({ params: { id } })
        : Promise.reject(new Error('缺少编号：请从评价抽查列表打开。')),
    [id],
    { enabled: Boolean(user) },
  );
  if (!user) return <View />;
  return (
    <Page title="评价抽查" backTo="/pages/supervisor/spot-checks/index">
      <View className="sv-page">
        <Pending
          loading={record.loading}
          error={record.error}
          onRetry={record.reload}
          testId="spot-check-error"
        />
        {record.data && <SpotCheckBody spot={record.data} onSaved={record.setData} />}
      </View>
    </Page>
  );
}
