import type { Findings, VisitView } from '@qinqing/domain';
import { useState } from 'react';

import { api, NetworkError } from '../../services/api';
import { chinaToday } from '../../services/china-time';
import { errorText } from '../../shared/errors';
import { useRequest } from '../../shared/request';
import { deadlineProblem } from './deadline';

/** 签退: the visit, what was found, notes, the rectification deadline; and the submission. */
export function useCheckOut(visitId: string, enabled: boolean) {
  const visit = useRequest(() => api.getVisit({ params: { id: visitId } }), [visitId], {
    enabled: enabled && Boolean(visitId),
    notFound: '找不到这次检查（或不是您的检查）：请从首页的“待签退”进入。',
  });
  const [findings, setFindings] = useState<Findings | undefined>();
  const [notes, setNotes] = useState('');
  const [rectifyBy, setRectifyBy] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<VisitView | undefined>();

  async function submit(): Promise<void> {
    if (busy || !visitId) return;
    if (!findings) {
      setError('请选择检查结果。');
      return;
    }
    const problem = findings === 'RECTIFY_ORDERED' ? deadlineProblem(rectifyBy, chinaToday()) : '';
    if (problem) {
      setError(problem);
      return;
    }
    setBusy(true);
    setError('');
    try {
      const result = await api.checkOut({
        params: { id: visitId },
        body: {
          findings,
          ...(notes.trim() ? { notes: notes.trim() } : {}),
          ...(findings === 'RECTIFY_ORDERED' ? { rectifyBy } : {}),
        },
      });
      setDone(result);
    } catch (e) {
      setError(
        e instanceof NetworkError
          ? '网络不可用：请移动到信号较好的位置后再次点击“确认签退”。'
          : errorText(e),
      );
    } finally {
      setBusy(false);
    }
  }

  return {
    visit,
    findings,
    setFindings: (f: Findings) => {
      setFindings(f);
      setError('');
    },
    notes,
    setNotes,
    rectifyBy,
    setRectifyBy: (day: string) => {
      setRectifyBy(day);
      setError('');
    },
    error,
    busy,
    done,
    submit,
  };
}
