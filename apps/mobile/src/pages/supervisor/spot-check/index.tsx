import {
  RATING_LEVEL_LABELS,
  SPOT_CHECK_RESULT_LABELS,
  SPOT_CHECK_RESULTS,
  type SpotCheckItemView,
  type SpotCheckResult,
  type SpotCheckView,
} from '@qinqing/domain';
import { Button, Text, Textarea, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';

import { chinaDateTime } from '../../../features/firm/gate';
import { useRoleGuard } from '../../../features/firm/session-guard';
import { percentText } from '../../../features/desk/charts';
import { errorText } from '../../../features/desk/errors';
import { RecordPending, useRecord } from '../../../features/desk/useRecord';
import { open } from '../../../features/desk/nav';
import { monthLabel, REDRAW_EXPLANATION, spotNoteError } from '../../../features/desk/spot-check';
import { ChoiceGroup, Field } from '../../../features/desk/ui';
import { api } from '../../../services/api';

import '../../../features/desk/desk.css';

function ItemCard(props: {
  spotCheckId: string;
  item: SpotCheckItemView;
  onSaved: (s: SpotCheckView) => void;
}) {
  const { item } = props;
  const [result, setResult] = useState<SpotCheckResult | undefined>(item.result ?? undefined);
  const [note, setNote] = useState(item.note ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const [saved, setSaved] = useState(false);

  async function save(): Promise<void> {
    if (!result) return setError('请选择核实结果。');
    const noteError = spotNoteError(note);
    if (noteError) return setError(noteError);
    setBusy(true);
    setError('');
    setSaved(false);
    try {
      props.onSaved(
        await api.recordSpotCheckResult(props.spotCheckId, item.ratingId, {
          result,
          ...(note.trim() ? { note: note.trim() } : {}),
        }),
      );
      setSaved(true);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <View className="dk-card" data-testid="spot-check-item">
      <Text className="dk-card__title">
        第 {item.rank} 条 · {item.enterpriseName ?? '（未知企业）'}
      </Text>
      <View className="dk-card__body dk-form">
        <Field label="联系人">
          <Text>{item.contactName}</Text>
          {item.contactPhone ? (
            <Text
              className="dk-phone"
              data-testid="spot-check-phone"
              onClick={() => void Taro.makePhoneCall({ phoneNumber: item.contactPhone ?? '' })}
            >
              {item.contactPhone}（点击拨打）
            </Text>
          ) : (
            <Text className="dk-muted">未登记电话</Text>
          )}
        </Field>
        <Field label="企业评价">
          <Text>
            总体评价：{RATING_LEVEL_LABELS[item.overall]} · {chinaDateTime(item.submittedAt)}
          </Text>
          <Text
            className="dk-phone"
            onClick={open(`/pages/supervisor/visit/index?id=${item.visitId}`)}
          >
            查看检查与评价
          </Text>
        </Field>
        {item.verifiedAt && (
          <Field label="已核实">
            <Text>
              {item.result ? SPOT_CHECK_RESULT_LABELS[item.result] : ''} ·{' '}
              {chinaDateTime(item.verifiedAt)} · {item.verifiedBy?.name ?? ''}
            </Text>
          </Field>
        )}
        <Text className="dk-label">核实结果</Text>
        <ChoiceGroup
          options={SPOT_CHECK_RESULTS}
          labels={SPOT_CHECK_RESULT_LABELS}
          value={result}
          onChange={setResult}
          testIdPrefix="spot-check-result"
        />
        <Textarea
          className="dk-textarea"
          data-testid="spot-check-note"
          value={note}
          maxlength={1000}
          placeholder="备注（可选）：联系了谁、企业怎么说"
          onInput={(e) => setNote(e.detail.value)}
        />
        {error && <Text className="dk-error">{error}</Text>}
        {saved && <Text className="dk-ok">已保存</Text>}
        <Button
          className="dk-btn dk-btn--wide"
          data-testid="spot-check-save"
          loading={busy}
          disabled={busy}
          onClick={() => void save()}
        >
          保存核实结果
        </Button>
      </View>
    </View>
  );
}

/** One 抽查: the published seed and pool, the drawn ratings and their phone checks. */
export default function SpotCheckPage() {
  const { params } = useRouter();
  const id = params.id ?? '';
  const user = useRoleGuard(
    ['supervisor', 'admin'],
    `/pages/supervisor/spot-check/index?id=${encodeURIComponent(id)}`,
  );
  const {
    record: spot,
    setRecord: setSpot,
    error,
    load,
  } = useRecord<SpotCheckView>(
    Boolean(user),
    id,
    (key) => api.spotCheck(key),
    '缺少编号：请从评价抽查列表打开。',
  );

  if (!user) return <View className="dk" />;
  if (!spot)
    return <RecordPending error={error} testId="spot-check-error" onRetry={() => void load()} />;

  return (
    <View className="dk dk--narrow" data-testid="spot-check">
      <View className="dk__header">
        <Text className="dk__title">
          {monthLabel(spot.month)}评价抽查 · {spot.unitName ?? ''}
        </Text>
        <Text className="dk__note" data-testid="spot-check-share">
          已核实 {spot.items.filter((i) => i.result).length}/{spot.items.length}（
          {percentText(spot.verifiedShare)}）
        </Text>
      </View>

      <View className="dk-card" data-testid="spot-check-method">
        <Text className="dk-card__title">抽取依据（公开可复核）</Text>
        <View className="dk-card__body">
          <Field label="种子">
            <Text className="dk-mono" data-testid="spot-check-seed" userSelect>
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
          <Text className="dk-muted">{REDRAW_EXPLANATION}</Text>
        </View>
      </View>

      {spot.items.length === 0 && <Text className="dk-empty">本次没有抽到评价</Text>}
      {spot.items.map((item) => (
        <ItemCard key={item.ratingId} spotCheckId={spot.id} item={item} onSaved={setSpot} />
      ))}
    </View>
  );
}
