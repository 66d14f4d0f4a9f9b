import {
  previewOffline,
  type CheckInPreview,
  type CheckInPreviewRequest,
  type OfflineSnapshot,
} from '@qinqing/domain';
import { useEffect, useMemo, useRef, useState } from 'react';

import { api, ApiError, NetworkError, type ApiClient } from '../../services/api';

/** Where the preview shown comes from: the server's facts now, or the phone's snapshot. */
export type PreviewSource = 'server' | 'snapshot';

export interface PreviewState {
  /** what each purpose would give; undefined until either source could judge the scan */
  preview: CheckInPreview | undefined;
  source: PreviewSource | undefined;
  /** the server is being asked about the current facts */
  checking: boolean;
  /** the server could not answer (no signal, or it is down): the snapshot speaks */
  serverUnavailable: boolean;
}

/** Reference typing settles before the server is asked again. */
const REFERENCE_SETTLE_MS = 500;

/**
 * 预判 of every purpose for a scan, before the officer commits, by the same rule engine on the
 * same facts: the phone's signed snapshot answers at once (and alone without signal); the server
 * answers for the facts as they are now and then takes precedence. Asked again whenever the
 * facts change (co-officers, reference, location).
 */
export function usePreview(
  input: CheckInPreviewRequest | undefined,
  snapshot: OfflineSnapshot | undefined,
  client: ApiClient = api,
): PreviewState {
  const key = input ? JSON.stringify(input) : '';
  const local = useMemo(
    () => (input && snapshot ? previewOffline(snapshot, input, new Date()) : undefined),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the key is the input's content
    [key, snapshot],
  );
  const [server, setServer] = useState<{ key: string; preview: CheckInPreview } | undefined>();
  const [checking, setChecking] = useState(false);
  const [serverUnavailable, setServerUnavailable] = useState(false);
  const lastReference = useRef<string | null | undefined>(undefined);

  useEffect(() => {
    if (!input) return;
    let current = true;
    const referenceChanged =
      lastReference.current !== undefined && lastReference.current !== input.reference;
    lastReference.current = input.reference;
    setChecking(true);
    const ask = () =>
      client.previewCheckIn({ body: input }).then(
        (preview) => {
          if (!current) return;
          setServer({ key, preview });
          setServerUnavailable(false);
          setChecking(false);
        },
        (error: unknown) => {
          if (!current) return;
          setChecking(false);
          // No signal, or the server is down: the snapshot speaks. Other answers (a bad
          // co-officer, a limit) leave the preview to the snapshot and the submission to say.
          if (
            error instanceof NetworkError ||
            (error instanceof ApiError && error.statusCode >= 500)
          ) {
            setServerUnavailable(true);
          }
        },
      );
    const timer = referenceChanged ? setTimeout(() => void ask(), REFERENCE_SETTLE_MS) : undefined;
    if (!timer) void ask();
    return () => {
      current = false;
      clearTimeout(timer);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the key is the input's content
  }, [key, client]);

  if (server && server.key === key) {
    return { preview: server.preview, source: 'server', checking: false, serverUnavailable };
  }
  if (local) return { preview: local, source: 'snapshot', checking, serverUnavailable };
  // The facts changed and the server has not answered yet: its last answer names the firm.
  return {
    preview: server?.preview,
    source: server ? 'server' : undefined,
    checking,
    serverUnavailable,
  };
}
