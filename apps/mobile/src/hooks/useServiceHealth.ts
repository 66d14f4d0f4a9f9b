import { useCallback, useEffect, useRef, useState } from 'react';

import type { EndpointResponse } from '@qinqing/domain';

import { api } from '../services/api';

export type ServiceHealth = 'checking' | 'ok' | 'unavailable';

export const SERVICE_HEALTH_TEXT: Record<ServiceHealth, string> = {
  checking: '正在检查服务…',
  ok: '服务正常',
  unavailable: '服务暂不可用，请检查网络后重试',
};

export function healthOf(report: EndpointResponse<'health'>): ServiceHealth {
  return report.status === 'ok' ? 'ok' : 'unavailable';
}

/** Asks the API whether it is up, once on mount and again on `recheck()`. */
export function useServiceHealth(): { health: ServiceHealth; recheck: () => void } {
  const [health, setHealth] = useState<ServiceHealth>('checking');
  const latestCheck = useRef(0);

  const recheck = useCallback(() => {
    const check = ++latestCheck.current;
    setHealth('checking');
    api.health().then(
      (report) => {
        if (check === latestCheck.current) setHealth(healthOf(report));
      },
      () => {
        if (check === latestCheck.current) setHealth('unavailable');
      },
    );
  }, []);

  useEffect(() => {
    recheck();
    // A check still under way after unmount must not set state.
    return () => {
      latestCheck.current += 1;
    };
  }, [recheck]);

  return { health, recheck };
}
