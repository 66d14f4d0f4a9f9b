import {
  PURPOSE_INFO,
  purposeNeedsReference,
  verifyGateCode,
  type CheckInPreviewRequest,
  type DrawTaskView,
  type GateCodeVerification,
  type OfficerView,
  type OfflineSnapshot,
  type Purpose,
  type SessionUser,
  type VisitView,
} from '@qinqing/domain';
import Taro from '@tarojs/taro';
import { useEffect, useMemo, useRef, useState } from 'react';

import { isOpenVisit } from '../../components/VisitRow';
import { locateOfficer, type Fix } from '../../pages/officer/check-in/location';
import { newClientId } from '../../pages/officer/check-in/client-id';
import { api, ApiError, NetworkError } from '../../services/api';
import { chinaMidnight } from '../../services/china-time';
import { taroStore } from '../../services/storage';
import { errorText } from '../../shared/errors';
import { useRequest } from '../../shared/request';
import { loadMyTasks, prefillFromTask, type TaskSource } from '../draws/tasks';
import { loadSnapshot, refreshSnapshotIfStale, snapshotInfo } from '../offline-snapshot/snapshot';
import { loadGateCodeKeys } from '../scan/gate-keys';
import { scanGateCode, ScanError } from '../scan/scan';
import {
  loadLastCheckIn,
  saveLastCheckIn,
  summarizeSubmission,
  type DecisionSummary,
} from './last-result';
import { submitCheckIn } from './submit';
import { usePreview } from './usePreview';
import { verdictOf } from './verdict';

const LAST_CO_OFFICERS_KEY = 'qinqing.officer.lastCoOfficers';

export type Located = { state: 'locating' } | { state: 'found'; fix: Fix } | { state: 'none' };

/** A fresh attempt: one clientId (kept across retries) and the time of the scan. */
function newAttempt(): { clientId: string; clientTime: string } {
  return { clientId: newClientId(), clientTime: new Date().toISOString() };
}

/** The decision screen of a check-in: opened on top, so that back returns to this scan. */
export const DECISION_URL = '/pages/officer/decision/index';

/** The check-in screen for a scanned code; `after`: the clientId last submitted from it. */
export function checkInUrl(code: string, after?: string): string {
  return (
    `/pages/officer/check-in/index?code=${encodeURIComponent(code)}` +
    (after ? `&after=${encodeURIComponent(after)}` : '')
  );
}

/**
 * The check-in screen's state and actions: the scanned code verified on the phone, the firm,
 * purpose, reference, co-officers, location, the officer's drawn tasks, his visits still open
 * elsewhere, and the submission (online, or judged offline and queued). A submission opens the
 * decision on top of this screen; coming back shows what was submitted and never sends it again
 * by itself. After a refusal another purpose is a new attempt (a new clientId).
 */
export function useCheckIn(me: SessionUser | undefined, initialCode: string, after?: string) {
  const [code, setCode] = useState(initialCode);
  const attempt = useRef(newAttempt());
  const [keys, setKeys] = useState<Map<number, Uint8Array> | null | undefined>(undefined);
  // The signed snapshot: the firm, colleagues and rules at once, and alone without signal.
  const [snapshot, setSnapshot] = useState<OfflineSnapshot | undefined>(() =>
    me ? loadSnapshot({ officerId: me.id }) : undefined,
  );
  const [colleagues, setColleagues] = useState<OfficerView[]>(() =>
    othersActive(snapshot?.colleagues ?? [], me?.id),
  );
  const [purpose, setPurpose] = useState<Purpose | undefined>(undefined);
  const [reference, setReference] = useState('');
  const [coIds, setCoIds] = useState<string[]>(
    () => taroStore.get<string[]>(LAST_CO_OFFICERS_KEY) ?? [],
  );
  const [located, setLocated] = useState<Located>({ state: 'locating' });
  const locating = useRef<Promise<Fix | undefined> | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ message: string; retry: boolean } | undefined>();
  const [scanMessage, setScanMessage] = useState('');
  const [tasks, setTasks] = useState<{ items: DrawTaskView[]; source: TaskSource } | undefined>();
  const tasksRequested = useRef(false);
  const [confirming, setConfirming] = useState(false);
  // What this screen submitted last (shown when the officer comes back from the decision).
  const [submitted, setSubmitted] = useState<DecisionSummary | undefined>(() => {
    const last = after ? loadLastCheckIn() : undefined;
    return last && last.request.clientId === after && last.request.code === initialCode
      ? summarizeSubmission(last.submission)
      : undefined;
  });

  useEffect(() => {
    if (!me) return;
    // Each has a meaning when it fails: no keys (null) → the server judges the code; no
    // colleagues from the API → the snapshot's; no snapshot → the server alone previews.
    void loadGateCodeKeys()
      .then(setKeys)
      .catch(() => setKeys(null));
    const stored = loadSnapshot({ officerId: me.id });
    setSnapshot(stored);
    void refreshSnapshotIfStale().then((refreshed) => {
      if (refreshed) setSnapshot(loadSnapshot({ officerId: me.id }));
    });
    void api
      .listOfficers()
      .then((r) => r.items)
      .then(
        (list) => {
          const others = othersActive(list, me.id);
          setColleagues(others);
          setCoIds((ids) => ids.filter((id) => others.some((o) => o.id === id)));
        },
        () => {
          const others = othersActive(stored?.colleagues ?? [], me.id);
          setColleagues(others);
          if (stored) setCoIds((ids) => ids.filter((id) => others.some((o) => o.id === id)));
        },
      );
    locating.current = locateOfficer();
    void locating.current.then((fix) =>
      setLocated(fix ? { state: 'found', fix } : { state: 'none' }),
    );
  }, [me]);

  // The officer's visits not yet checked out (the home page's 待签退), to warn before another.
  const recent = useRequest(
    () =>
      api.listVisits({
        query: { officerId: me?.id, from: chinaMidnight(new Date(), 2), limit: 50 },
      }),
    [me?.id],
    { enabled: Boolean(me) },
  );

  const verification: GateCodeVerification | undefined = useMemo(
    () => (code && keys ? verifyGateCode(code, keys) : undefined),
    [code, keys],
  );

  // A key the phone has not seen yet (the bureau rotated keys): ask the server once more.
  const refetched = useRef(false);
  useEffect(() => {
    if (verification && !verification.ok && verification.problem === 'UNKNOWN_KEY') {
      if (refetched.current) return;
      refetched.current = true;
      void loadGateCodeKeys().then(setKeys, () => setKeys(null));
    }
  }, [verification]);

  useEffect(() => {
    if (!me || purpose !== 'RANDOM_INSPECTION' || tasksRequested.current) return;
    tasksRequested.current = true;
    void loadMyTasks(api, () => loadSnapshot())
      .then(({ tasks: items, source }) => setTasks({ items, source }))
      .catch(() => setTasks({ items: loadSnapshot()?.tasks ?? [], source: 'offline' }));
  }, [me, purpose]);

  const firmId = verification?.ok ? verification.payload.enterpriseId : undefined;
  const openElsewhere: VisitView[] = (recent.data?.items ?? []).filter(
    (v) => isOpenVisit(v) && v.enterpriseId !== firmId,
  );

  const needsReference = purpose ? purposeNeedsReference(purpose) : false;
  /** The reference the submission carries: the one its purpose needs, else none. */
  const sentReference = needsReference ? reference.trim() : null;
  const fix = located.state === 'found' ? located.fix : undefined;
  const previewInput: CheckInPreviewRequest | undefined =
    me && code && !(verification && !verification.ok)
      ? {
          code,
          reference: sentReference,
          coOfficerIds: coIds,
          location: fix ? { lat: fix.lat, lng: fix.lng, accuracy: fix.accuracy } : null,
          clientTime: attempt.current.clientTime,
        }
      : undefined;
  const preview = usePreview(previewInput, snapshot);
  const firm = preview.preview?.enterprise ?? undefined;
  const gate = preview.preview?.gate ?? undefined;
  const verdict =
    preview.preview && purpose
      ? verdictOf(preview.preview, purpose, { locating: located.state === 'locating' })
      : undefined;
  const snapshotIssuedAt = snapshot ? snapshotInfo({ officerId: me?.id })?.issuedAt : undefined;

  function chooseTask(task: DrawTaskView): void {
    if (!me) return;
    const filled = prefillFromTask(
      task,
      me.id,
      { coOfficerIds: coIds },
      colleagues.map((o) => o.id),
    );
    setReference(filled.reference);
    setCoIds(filled.coOfficerIds);
  }

  async function scan(): Promise<void> {
    setScanMessage('');
    try {
      const text = await scanGateCode();
      setCode(text);
      attempt.current = newAttempt();
      setError(undefined);
      setSubmitted(undefined);
      setPurpose(undefined);
      setReference('');
    } catch (e) {
      if (e instanceof ScanError && e.reason === 'CANCELLED') return;
      setScanMessage(errorText(e));
    }
  }

  function toggleCo(id: string): void {
    setCoIds((ids) => (ids.includes(id) ? ids.filter((x) => x !== id) : [...ids, id]));
  }

  const missing = !purpose
    ? '请选择检查事由。'
    : needsReference && !reference.trim()
      ? `请填写${PURPOSE_INFO[purpose].referenceLabel}。`
      : '';
  /** The submission stands (entered, or saved to upload): this scan is done. */
  const registered = submitted !== undefined && submitted.outcome !== 'REFUSED';
  const colleagueName = (id: string) => colleagues.find((o) => o.id === id)?.name ?? '同行人员';

  /** 提交: asks first when the officer has not checked out elsewhere (`confirmed` skips that). */
  async function submit(confirmed = false): Promise<void> {
    if (busy || registered) return;
    if (!me || !purpose || missing) {
      setError({ message: missing || '请选择检查事由。', retry: false });
      return;
    }
    if (openElsewhere.length > 0 && !confirmed) {
      setConfirming(true);
      return;
    }
    setConfirming(false);
    setBusy(true);
    setError(undefined);
    const fix = await (locating.current ?? Promise.resolve(undefined));
    const request = {
      clientId: attempt.current.clientId,
      code,
      purpose,
      reference: sentReference,
      coOfficerIds: coIds,
      location: fix ? { lat: fix.lat, lng: fix.lng, accuracy: fix.accuracy } : null,
      clientTime: attempt.current.clientTime,
    };
    try {
      const submission = await submitCheckIn(request);
      taroStore.set(LAST_CO_OFFICERS_KEY, coIds);
      saveLastCheckIn({
        submission,
        request,
        firmName: firm?.name ?? null,
        gateName: gate?.name ?? null,
        officerNames: [me.name, ...coIds.map(colleagueName)],
        savedAt: new Date().toISOString(),
      });
      const summary = summarizeSubmission(submission);
      setSubmitted(summary);
      // A refused attempt is recorded; another purpose is a new attempt.
      if (summary.outcome === 'REFUSED') attempt.current = newAttempt();
      await Taro.navigateTo({ url: DECISION_URL });
    } catch (e) {
      if (e instanceof NetworkError) {
        setError({
          message: '网络不可用：请移动到信号较好的位置后点击“重试”（不会重复登记）。',
          retry: true,
        });
      } else {
        setError({
          message: errorText(e),
          retry: !(e instanceof ApiError) || e.statusCode >= 500,
        });
      }
    } finally {
      setBusy(false);
    }
  }

  return {
    code,
    keys,
    verification,
    firm,
    gate,
    preview,
    verdict,
    snapshotIssuedAt,
    colleagues,
    colleagueName,
    purpose,
    setPurpose,
    reference,
    setReference,
    needsReference,
    coIds,
    toggleCo,
    located,
    tasks,
    chooseTask,
    openElsewhere,
    openCheckFailed: Boolean(recent.error),
    busy,
    error,
    scanMessage,
    scan,
    submit,
    submitted,
    registered,
    confirming,
    cancelConfirm: () => setConfirming(false),
  };
}

export type CheckInModel = ReturnType<typeof useCheckIn>;

/** The active officers of a list other than the caller: who can go in with him. */
function othersActive(list: readonly OfficerView[], meId: string | undefined): OfficerView[] {
  return list.filter((o) => o.id !== meId && o.active);
}
