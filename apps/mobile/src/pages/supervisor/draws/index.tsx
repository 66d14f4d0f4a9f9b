import {
  DEFAULT_DRAW_WEIGHTS,
  type DrawRequest,
  type DrawStatistics,
  type PublicDrawView,
} from '@qinqing/domain';
import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useCallback, useEffect, useRef, useState } from 'react';

import { errorText } from '../../../features/desk/errors';
import { backToDesk } from '../../../features/desk/nav';
import { FilterPicker } from '../../../features/desk/ui';
import { newDrawForm, type DrawForm } from '../../../features/draws/draw-form';
import { DrawFormCard } from '../../../features/draws/DrawFormCard';
import { DrawRow } from '../../../features/draws/DrawRow';
import { RateChart } from '../../../features/draws/RateChart';
import { useRoleGuard } from '../../../features/firm/session-guard';
import { chinaToday } from '../../../services/china-time';
import { api } from '../../../services/api';

import '../../../features/desk/desk.css';
import '../../../features/draws/draws.css';

const HERE = '/pages/supervisor/draws/index';

/** 双随机抽查: the draws, a form to commit a new one, and the year's realised rates per grade. */
export default function SupervisorDrawsPage() {
  const user = useRoleGuard(['supervisor', 'admin'], HERE);
  const today = chinaToday();
  const thisYear = Number(today.slice(0, 4));
  const [draws, setDraws] = useState<PublicDrawView[] | null>(null);
  const [listError, setListError] = useState('');
  const [form, setForm] = useState<DrawForm>(() => newDrawForm(DEFAULT_DRAW_WEIGHTS, today));
  const touched = useRef(false);
  const [showForm, setShowForm] = useState(false);
  const [busy, setBusy] = useState(false);
  const [commitError, setCommitError] = useState('');
  const [year, setYear] = useState(thisYear);
  const [statistics, setStatistics] = useState<DrawStatistics | null>(null);
  const [statisticsError, setStatisticsError] = useState('');

  const loadDraws = useCallback(async () => {
    setListError('');
    try {
      setDraws(await api.draws());
    } catch (e) {
      setListError(errorText(e));
    }
  }, []);

  useEffect(() => {
    if (!user) return;
    void loadDraws();
    // The form starts from the policy's weights (unless the supervisor already typed).
    api
      .policy()
      .then((policy) => {
        if (!touched.current && policy.drawWeights) {
          setForm(newDrawForm(policy.drawWeights, today));
        }
      })
      .catch(() => undefined);
  }, [user, loadDraws, today]);

  useEffect(() => {
    if (!user) return;
    setStatistics(null);
    setStatisticsError('');
    api
      .drawStatistics(year)
      .then(setStatistics)
      .catch((e) => setStatisticsError(errorText(e)));
  }, [user, year]);

  function changeForm(next: DrawForm): void {
    touched.current = true;
    setForm(next);
  }

  async function commit(request: DrawRequest): Promise<void> {
    setBusy(true);
    setCommitError('');
    try {
      const draw = await api.commitDraw(request);
      await Taro.navigateTo({ url: `/pages/supervisor/draw/index?id=${draw.id}` });
      setShowForm(false);
      touched.current = false;
      setForm(newDrawForm(request.weights ?? DEFAULT_DRAW_WEIGHTS, today));
      void loadDraws();
    } catch (e) {
      setCommitError(`未能提交：${errorText(e)}`);
    } finally {
      setBusy(false);
    }
  }

  if (!user) return <View className="dk" />;

  return (
    <View className="dk" data-testid="supervisor-draws">
      <View className="dk__header">
        <Text className="dk__title">双随机抽查</Text>
        <Text className="dk__note">
          随机抽取检查对象、随机选派执法人员，抽查结果向社会公开；信用越好，被抽中的概率越低。
        </Text>
      </View>

      <View className="dk__nav">
        <Button
          className="dk-btn"
          data-testid="draw-new"
          onClick={() => setShowForm((shown) => !shown)}
        >
          {showForm ? '收起新建' : '新建抽查'}
        </Button>
        <Button
          className="dk-btn dk-btn--secondary"
          onClick={() => void Taro.navigateTo({ url: '/pages/public/draws/index' })}
        >
          公示页面
        </Button>
        <Button className="dk-btn dk-btn--secondary" onClick={backToDesk}>
          返回工作台
        </Button>
      </View>

      {showForm && (
        <DrawFormCard
          form={form}
          onChange={changeForm}
          busy={busy}
          serverError={commitError}
          onCommit={(request) => void commit(request)}
        />
      )}

      <View className="dk-card">
        <Text className="dk-card__title">抽查记录</Text>
        <View className="dk-card__body">
          {listError && <Text className="dk-error">{listError}</Text>}
          {!draws && !listError && <Text className="dk-loading">正在读取…</Text>}
          {draws?.length === 0 && <Text className="dk-empty">还没有抽查，请点“新建抽查”。</Text>}
          {draws?.map((draw) => (
            <DrawRow
              key={draw.id}
              draw={draw}
              testId="draw-row"
              onClick={() =>
                void Taro.navigateTo({ url: `/pages/supervisor/draw/index?id=${draw.id}` })
              }
            />
          ))}
        </View>
      </View>

      <View className="dk-card" data-testid="draw-statistics">
        <Text className="dk-card__title">{year} 年各信用等级抽中率</Text>
        <Text className="dk-card__note">已揭示的抽查中，实际抽中率与权重对应的预期抽中率对比</Text>
        <View className="dk-filters">
          <FilterPicker<number>
            label="年度"
            testId="draw-statistics-year"
            value={year}
            onChange={(y) => setYear(y ?? thisYear)}
            choices={[0, 1, 2].map((back) => ({
              value: thisYear - back,
              label: `${thisYear - back} 年`,
            }))}
          />
        </View>
        <View className="dk-card__body">
          {statisticsError && <Text className="dk-error">{statisticsError}</Text>}
          {!statistics && !statisticsError && <Text className="dk-loading">正在统计…</Text>}
          {statistics && <RateChart statistics={statistics} />}
        </View>
      </View>
    </View>
  );
}
