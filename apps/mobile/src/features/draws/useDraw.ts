import type { DrawView } from '@qinqing/domain';
import { useState } from 'react';

import { api } from '../../services/api';
import { errorText } from '../../shared/errors';
import { useRequest } from '../../shared/request';

/** One draw, and 揭示随机种子并生成任务 behind a confirmation. */
export function useDraw(id: string, enabled: boolean) {
  const record = useRequest<DrawView>(
    () =>
      id
        ? api.getDraw({ params: { id } })
        : Promise.reject(new Error('缺少抽查编号：请从抽查列表打开。')),
    [id],
    { enabled },
  );
  const [confirming, setConfirming] = useState(false);
  const [revealing, setRevealing] = useState(false);
  const [revealError, setRevealError] = useState('');

  async function reveal(): Promise<void> {
    const draw = record.data;
    setConfirming(false);
    if (!draw) return;
    setRevealing(true);
    setRevealError('');
    try {
      record.setData(await api.revealDraw({ params: { id: draw.id } }));
    } catch (e) {
      setRevealError(`未能揭示：${errorText(e)}`);
    } finally {
      setRevealing(false);
    }
  }

  return {
    record,
    confirming,
    askReveal: () => setConfirming(true),
    cancelReveal: () => setConfirming(false),
    reveal,
    revealing,
    revealError,
  };
}
