import { DEFAULT_DRAW_WEIGHTS, type DrawRequest } from '@qinqing/domain';
import Taro from '@tarojs/taro';
import { useEffect, useMemo, useRef, useState } from 'react';

import { api } from '../../services/api';
import { chinaToday } from '../../services/china-time';
import { errorText } from '../../shared/errors';
import { useRequest } from '../../shared/request';
import { newDrawForm, type DrawForm } from './draw-form';

/**
 * The years a supervisor can look at the realised rates of: from the first draw's year to this
 * year (just this year before there is any draw), newest first.
 */
export function statisticsYears(committedAts: readonly string[], thisYear: number): number[] {
  const first = Math.min(thisYear, ...committedAts.map((at) => Number(at.slice(0, 4)) || thisYear));
  const years: number[] = [];
  for (let year = thisYear; year >= first; year -= 1) years.push(year);
  return years;
}

/** 双随机抽查: the draws, the form of a new one (from the policy's weights), the year's rates. */
export function useDraws(enabled: boolean) {
  const today = chinaToday();
  const thisYear = Number(today.slice(0, 4));
  const draws = useRequest(() => api.listDraws().then((page) => page.items), [], { enabled });
  const policy = useRequest(() => api.currentPolicy(), [], { enabled });

  const [form, setForm] = useState<DrawForm>(() => newDrawForm(DEFAULT_DRAW_WEIGHTS, today));
  const touched = useRef(false);
  // The form starts from the policy's weights (unless the supervisor already typed).
  useEffect(() => {
    const weights = policy.data?.drawWeights;
    if (weights && !touched.current) setForm(newDrawForm(weights, today));
  }, [policy.data, today]);

  const [showForm, setShowForm] = useState(false);
  const [busy, setBusy] = useState(false);
  const [commitError, setCommitError] = useState('');

  async function commit(request: DrawRequest): Promise<void> {
    setBusy(true);
    setCommitError('');
    try {
      const draw = await api.commitDraw({ body: request });
      await Taro.navigateTo({ url: `/pages/supervisor/draw/index?id=${draw.id}` });
      setShowForm(false);
      touched.current = false;
      setForm(newDrawForm(request.weights ?? DEFAULT_DRAW_WEIGHTS, today));
      draws.reload();
    } catch (e) {
      setCommitError(`未能提交：${errorText(e)}`);
    } finally {
      setBusy(false);
    }
  }

  const years = useMemo(
    () =>
      statisticsYears(
        (draws.data ?? []).map((d) => d.committedAt),
        thisYear,
      ),
    [draws.data, thisYear],
  );
  const [year, setYear] = useState(thisYear);
  const statistics = useRequest(() => api.drawStatistics({ query: { year } }), [year], { enabled });

  return {
    today,
    draws,
    form,
    changeForm: (next: DrawForm) => {
      touched.current = true;
      setForm(next);
    },
    showForm,
    toggleForm: () => setShowForm((shown) => !shown),
    busy,
    commitError,
    commit,
    years,
    year,
    setYear,
    statistics,
  };
}
