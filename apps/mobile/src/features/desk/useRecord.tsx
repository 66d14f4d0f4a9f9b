import { Button, Text, View } from '@tarojs/components';
import { useCallback, useEffect, useRef, useState } from 'react';
import { errorText } from './errors';

/**
 * Loads the record a detail page shows (by the `id` in its URL) once the caller is allowed in;
 * `setRecord` takes the fresh record a form's save answers with.
 */
export function useRecord<T>(
  allowed: boolean,
  id: string,
  fetch: (id: string) => Promise<T>,
  missingId: string,
) {
  const [record, setRecord] = useState<T | null>(null);
  const [error, setError] = useState('');
  const fetchRef = useRef(fetch);
  fetchRef.current = fetch;

  const load = useCallback(async () => {
    setError('');
    if (!id) return setError(missingId);
    try {
      setRecord(await fetchRef.current(id));
    } catch (e) {
      setError(errorText(e));
    }
  }, [id, missingId]);

  useEffect(() => {
    if (allowed) void load();
  }, [allowed, load]);

  return { record, setRecord, error, load };
}

/** What a detail page shows until its record is there: the error with 重试, or 正在读取. */
export function RecordPending({
  error,
  testId,
  onRetry,
}: {
  error: string;
  testId: string;
  onRetry: () => void;
}) {
  if (!error) {
    return (
      <View className="dk dk--narrow">
        <Text className="dk-loading">正在读取…</Text>
      </View>
    );
  }
  return (
    <View className="dk dk--narrow">
      <Text className="dk-error" data-testid={testId}>
        {error}
      </Text>
      <View className="dk__nav">
        <Button className="dk-btn" onClick={onRetry}>
          重试
        </Button>
      </View>
    </View>
  );
}

/** What a list shows before or instead of its rows: the error with 重试, 正在读取, or the empty text. */
export function ListStatus({
  error,
  items,
  empty,
  onRetry,
}: {
  error: string;
  items: readonly unknown[] | null;
  empty: string;
  onRetry: () => void;
}) {
  if (error) {
    return (
      <View>
        <Text className="dk-error">{error}</Text>
        <Button className="dk-btn dk-btn--wide" onClick={onRetry}>
          重试
        </Button>
      </View>
    );
  }
  if (items === null) return <Text className="dk-loading">正在读取…</Text>;
  if (items.length === 0) return <Text className="dk-empty">{empty}</Text>;
  return null;
}
