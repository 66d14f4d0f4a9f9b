import type { VisitView } from '@qinqing/domain';
import { Button, Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { useCallback, useEffect, useState } from 'react';

import { chinaMidnight, requireOfficer } from '../../../components/guard';
import { isOpenVisit, VisitRow } from '../../../components/VisitRow';
import { scanGateCode, ScanError } from '../../../features/scan/scan';
import { startOfflineSupport } from '../../../features/sync-queue/officer-queue';
import { api, NetworkError } from '../../../services/api';

import '../../../components/officer.css';

/** The officer's start screen: 扫码入企, today's visits, what is still to be checked out. */
export default function OfficerHomePage() {
  const [me] = useState(() => requireOfficer('/pages/officer/home/index'));
  const [today, setToday] = useState<VisitView[] | undefined>();
  const [open, setOpen] = useState<VisitView[]>([]);
  const [error, setError] = useState('');
  const [scanError, setScanError] = useState('');

  const load = useCallback(() => {
    if (!me) return;
    setError('');
    Promise.all([
      api.visits({ officerId: me.id, from: chinaMidnight(), limit: 50 }),
      api.visits({ officerId: me.id, from: chinaMidnight(new Date(), 2), limit: 50 }),
    ])
      .then(([todays, recent]) => {
        setToday(todays.items);
        setOpen(recent.items.filter(isOpenVisit));
      })
      .catch((e) =>
        setError(
          e instanceof NetworkError
            ? '网络不可用，今日记录暂不能显示；扫码入企仍可使用（离线时自动保存）。'
            : e instanceof Error
              ? e.message
              : '读取记录失败，请下拉或稍后重试。',
        ),
      );
  }, [me]);

  useDidShow(load);
  // Keep the offline snapshot fresh and send what was queued without signal, from the start.
  useEffect(() => {
    if (me) startOfflineSupport();
  }, [me]);

  async function scan(): Promise<void> {
    setScanError('');
    try {
      const code = await scanGateCode();
      await Taro.navigateTo({
        url: `/pages/officer/check-in/index?code=${encodeURIComponent(code)}`,
      });
    } catch (e) {
      if (e instanceof ScanError && e.reason === 'CANCELLED') return;
      setScanError(e instanceof Error ? e.message : '扫码失败，请重试。');
    }
  }

  if (!me) return <View className="o-page" />;
  const go = (url: string) => () => void Taro.navigateTo({ url });

  return (
    <View className="o-page">
      <View className="o-card" data-testid="officer-greeting">
        <Text className="o-title">您好，{me.name}</Text>
        <Text className="o-muted">执法证号 {me.badgeNumber ?? '—'}</Text>
      </View>

      <Button className="o-btn home__scan" data-testid="home-scan" onClick={() => void scan()}>
        扫码入企
      </Button>
      {scanError && (
        <Text className="o-error" data-testid="home-scan-error">
          {scanError}
        </Text>
      )}

      {error && <Text className="o-warn">{error}</Text>}

      {open.length > 0 && (
        <View data-testid="home-open-visits">
          <Text className="o-section">待签退</Text>
          {open.map((v) => (
            <VisitRow key={v.id} visit={v}>
              <Button
                className="o-btn o-btn--small"
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
        {today === undefined && !error && <Text className="o-muted">正在读取…</Text>}
        {today?.length === 0 && <Text className="o-muted">今天还没有检查记录。</Text>}
        {today?.map((v) => (
          <VisitRow key={v.id} visit={v} />
        ))}
      </View>

      <View className="home__links">
        <Button
          className="o-btn o-btn--secondary"
          data-testid="home-tasks"
          onClick={go('/pages/officer/tasks/index')}
        >
          我的抽查任务
        </Button>
        <Button
          className="o-btn o-btn--secondary"
          data-testid="home-visits"
          onClick={go('/pages/officer/visits/index')}
        >
          我的检查记录
        </Button>
        <Button
          className="o-btn o-btn--secondary"
          data-testid="home-badge"
          onClick={go('/pages/officer/badge/index')}
        >
          电子执法证
        </Button>
        <Button className="o-btn o-btn--secondary" onClick={go('/pages/officer/sync/index')}>
          离线打卡同步
        </Button>
        <Button
          className="o-btn o-btn--secondary"
          data-testid="home-ratings"
          onClick={go('/pages/officer/ratings/index')}
        >
          我的评价汇总
        </Button>
      </View>
    </View>
  );
}
