import type { SpotCheckView } from '@qinqing/domain';
import { Button, Input, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useCallback, useEffect, useState } from 'react';

import { chinaDateTime } from '../../../features/firm/gate';
import { useRoleGuard } from '../../../features/firm/session-guard';
import { percentText } from '../../../features/desk/charts';
import { errorText } from '../../../features/desk/errors';
import { backToDesk, open } from '../../../features/desk/nav';
import {
  currentMonth,
  DEFAULT_SAMPLE_SIZE,
  drawRequest,
  monthLabel,
} from '../../../features/desk/spot-check';
import { api } from '../../../services/api';

import '../../../features/desk/desk.css';

const HERE = '/pages/supervisor/spot-checks/index';

function DrawForm({ onDrawn }: { onDrawn: (s: SpotCheckView) => void }) {
  const [month, setMonth] = useState(() => currentMonth(new Date()));
  const [size, setSize] = useState(String(DEFAULT_SAMPLE_SIZE));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');

  async function draw(): Promise<void> {
    const checked = drawRequest(month, size, new Date());
    if (!checked.ok) return setError(checked.error);
    setBusy(true);
    setError('');
    try {
      onDrawn(await api.drawSpotCheck(checked.body));
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <View className="dk-card" data-testid="spot-check-draw-form">
      <Text className="dk-card__title">抽取本月评价</Text>
      <Text className="dk-card__note">
        每月一次：从辖区该月全部评价中按公开种子随机抽取，逐一电话核实企业是否确实这样评价。
      </Text>
      <View className="dk-card__body dk-form">
        <Text className="dk-label">月份（YYYY-MM）</Text>
        <Input
          className="dk-input"
          data-testid="spot-check-month"
          value={month}
          maxlength={7}
          onInput={(e) => setMonth(e.detail.value)}
        />
        <Text className="dk-label">抽取数量</Text>
        <Input
          className="dk-input"
          data-testid="spot-check-size"
          type="number"
          value={size}
          maxlength={3}
          onInput={(e) => setSize(e.detail.value)}
        />
        {error && <Text className="dk-error">{error}</Text>}
        <Button
          className="dk-btn dk-btn--wide"
          data-testid="spot-check-draw"
          loading={busy}
          disabled={busy}
          onClick={() => void draw()}
        >
          抽取
        </Button>
      </View>
    </View>
  );
}

/** 评价抽查: the monthly draws of ratings to verify by phone. */
export default function SpotChecksPage() {
  const user = useRoleGuard(['supervisor', 'admin'], HERE);
  const [items, setItems] = useState<SpotCheckView[] | null>(null);
  const [error, setError] = useState('');

  const load = useCallback(async () => {
    setError('');
    try {
      setItems(await api.spotChecks());
    } catch (e) {
      setError(errorText(e));
    }
  }, []);

  useEffect(() => {
    if (user) void load();
  }, [user, load]);

  if (!user) return <View className="dk" />;

  return (
    <View className="dk dk--narrow" data-testid="spot-checks">
      <View className="dk__header">
        <Text className="dk__title">评价抽查</Text>
        <Text className="dk__note">抽查企业评价是否真实，防止代评、误评</Text>
      </View>
      <View className="dk__nav">
        <Button className="dk-btn dk-btn--secondary" onClick={backToDesk}>
          返回监督工作台
        </Button>
      </View>
      <DrawForm
        onDrawn={(s) =>
          void Taro.navigateTo({ url: `/pages/supervisor/spot-check/index?id=${s.id}` })
        }
      />
      <View className="dk-list">
        {error && (
          <View>
            <Text className="dk-error">{error}</Text>
            <Button className="dk-btn dk-btn--wide" onClick={() => void load()}>
              重试
            </Button>
          </View>
        )}
        {!error && items === null && <Text className="dk-loading">正在读取…</Text>}
        {items?.length === 0 && <Text className="dk-empty">还没有抽查</Text>}
        {items?.map((s) => (
          <View
            key={s.id}
            className={`dk-row${s.verifiedShare >= 1 ? ' dk-row--done' : ''}`}
            data-testid="spot-check-row"
            onClick={open(`/pages/supervisor/spot-check/index?id=${s.id}`)}
          >
            <Text className="dk-row__strong">
              {monthLabel(s.month)} · {s.unitName ?? ''}
            </Text>
            <Text>
              从 {s.poolRatingIds.length} 条评价中抽取 {s.items.length} 条 · 已核实{' '}
              {percentText(s.verifiedShare)}
            </Text>
            <Text className="dk-muted">
              {chinaDateTime(s.createdAt)} · {s.createdBy.name}
            </Text>
          </View>
        ))}
      </View>
    </View>
  );
}
