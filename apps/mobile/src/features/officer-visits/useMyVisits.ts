import type { CheckInOutcome, Purpose, SessionUser, VisitView } from '@qinqing/domain';
import { useEffect, useRef, useState } from 'react';

import { api } from '../../services/api';
import { chinaMidnight } from '../../services/china-time';
import { errorText } from '../../shared/errors';

export const RANGES = [
  { label: '今天', daysBack: 0 },
  { label: '近7天', daysBack: 6 },
  { label: '近30天', daysBack: 29 },
] as const;

const PAGE_SIZE = 20;

/** 我的检查记录: the officer's own visits and refused attempts, filtered, page by page. */
export function useMyVisits(me: SessionUser | undefined) {
  const [range, setRange] = useState(1);
  const [purpose, setPurpose] = useState<Purpose | undefined>();
  const [outcome, setOutcome] = useState<CheckInOutcome | undefined>();
  const [items, setItems] = useState<VisitView[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(Boolean(me));
  const [error, setError] = useState('');
  const call = useRef(0);

  async function load(after: string | null): Promise<void> {
    if (!me) return;
    const mine = ++call.current;
    setLoading(true);
    setError('');
    try {
      const page = await api.listVisits({
        query: {
          officerId: me.id,
          from: chinaMidnight(new Date(), RANGES[range].daysBack),
          purpose,
          outcome,
          limit: PAGE_SIZE,
          ...(after ? { cursor: after } : {}),
        },
      });
      if (mine !== call.current) return;
      setItems((prev) => (after ? [...prev, ...page.items] : page.items));
      setCursor(page.nextCursor);
    } catch (e) {
      if (mine === call.current) setError(errorText(e));
    } finally {
      if (mine === call.current) setLoading(false);
    }
  }

  useEffect(() => {
    void load(null);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [me, range, purpose, outcome]);

  return {
    range,
    setRange,
    purpose,
    setPurpose,
    outcome,
    setOutcome,
    items,
    cursor,
    loading,
    error,
    reload: () => void load(null),
    more: () => void load(cursor),
  };
}
