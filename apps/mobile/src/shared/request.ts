import { useCallback, useEffect, useRef, useState } from 'react';

import { errorText } from './errors';

export interface RequestState<T> {
  /** the last answer; kept while a reload is under way */
  data: T | undefined;
  /** the failure in words for the screen, or '' */
  error: string;
  loading: boolean;
  /** loads again (the 重试 button) */
  reload: () => void;
  /** replaces the data, e.g. with the record a save answered with */
  setData: (data: T) => void;
}

/**
 * One request a screen depends on, with its loading / error / retry state. Nothing is swallowed:
 * a failure is always in `error`, for the page to show with a 重试.
 * `enabled` false (e.g. no session yet) waits without loading.
 */
export function useRequest<T>(
  load: () => Promise<T>,
  deps: readonly unknown[],
  options: { enabled?: boolean; notFound?: string } = {},
): RequestState<T> {
  const enabled = options.enabled ?? true;
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState('');
  const [loading, setLoading] = useState(enabled);
  const latest = useRef(0);
  const loadRef = useRef(load);
  loadRef.current = load;
  const notFound = options.notFound;

  const reload = useCallback(() => {
    const call = ++latest.current;
    setLoading(true);
    setError('');
    loadRef.current().then(
      (value) => {
        if (call !== latest.current) return;
        setData(value);
        setLoading(false);
      },
      (e: unknown) => {
        if (call !== latest.current) return;
        setError(errorText(e, notFound));
        setLoading(false);
      },
    );
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [notFound, ...deps]);

  useEffect(() => {
    if (enabled) reload();
    return () => {
      latest.current += 1;
    };
  }, [enabled, reload]);

  return { data, error, loading, reload, setData };
}
