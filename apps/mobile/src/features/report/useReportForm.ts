import { REPORT_PHOTOS_MAX, type ReportView, type VisitView } from '@qinqing/domain';
import Taro from '@tarojs/taro';
import { useEffect, useMemo, useState } from 'react';

import { api, ApiError } from '../../services/api';
import { session } from '../../services/session';
import { errorText } from '../../shared/errors';
import { useRequest } from '../../shared/request';
import { currentUrl } from '../../shared/session';
import { pickPhotos } from './photo';
import {
  buildReportRequest,
  emptyReportDraft,
  photosLeft,
  reportFailureMessage,
  reportProblems,
  toggleCategory,
  type ReportDraft,
} from './report-form';

/** How many recent visits the firm can pick from. */
export const RECENT_VISITS = 10;

/**
 * 监督举报, the view-model: the firm(s) and the visit passed from the home (preselected), the
 * chosen firm's recent visits, the draft with its photos, and the submit.
 */
export function useReportForm(presetVisitId: string, enabled: boolean) {
  const [draft, setDraft] = useState<ReportDraft>(() => emptyReportDraft());
  const [problems, setProblems] = useState<string[]>([]);
  const [photoNotes, setPhotoNotes] = useState<string[]>([]);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const [picking, setPicking] = useState(false);
  const [done, setDone] = useState<ReportView | null>(null);

  // The firm(s), and the visit the home passed (when it is one of theirs).
  const base = useRequest(
    async () => {
      const firms = (await api.listEnterprises()).items;
      let preset: VisitView | null = null;
      let presetNote = '';
      if (presetVisitId) {
        try {
          preset = await api.getVisit({ params: { id: presetVisitId } });
        } catch (e) {
          presetNote = `未能读取首页选中的那次检查：${errorText(e)} 可在下方重新选择。`;
        }
      }
      return { firms, preset, presetNote };
    },
    [presetVisitId],
    { enabled },
  );

  useEffect(() => {
    const data = base.data;
    if (!data) return;
    const { firms, preset } = data;
    const firmId =
      preset?.enterpriseId && firms.some((f) => f.id === preset.enterpriseId)
        ? preset.enterpriseId
        : firms.length === 1
          ? firms[0].id
          : null;
    setDraft((d) => ({
      ...d,
      enterpriseId: d.enterpriseId ?? firmId,
      visitId: d.visitId ?? (preset && preset.enterpriseId === firmId ? preset.id : null),
    }));
  }, [base.data]);

  // The chosen firm's recent visits (the preset visit stays first even if older).
  const enterpriseId = draft.enterpriseId;
  const recent = useRequest(
    () => api.listVisits({ query: { enterpriseId: enterpriseId as string, limit: RECENT_VISITS } }),
    [enterpriseId],
    { enabled: enabled && Boolean(enterpriseId) },
  );
  const preset = base.data?.preset ?? null;
  const visits = useMemo(() => {
    const kept = preset && preset.enterpriseId === enterpriseId ? [preset] : [];
    const page = enterpriseId ? (recent.data?.items ?? []) : [];
    return [...kept, ...page.filter((v) => !kept.some((k) => k.id === v.id))];
  }, [preset, enterpriseId, recent.data]);

  const update = (patch: Partial<ReportDraft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    setProblems([]);
  };

  const addPhotos = async () => {
    const left = photosLeft(draft);
    if (left === 0 || picking) return;
    setPicking(true);
    try {
      const picked = await pickPhotos(left);
      if (!picked) return;
      setDraft((d) => ({
        ...d,
        photos: [...d.photos, ...picked.photos].slice(0, REPORT_PHOTOS_MAX),
      }));
      setPhotoNotes(picked.problems);
    } finally {
      setPicking(false);
    }
  };

  const submit = async () => {
    if (busy) return;
    const found = reportProblems(draft);
    setProblems(found);
    setError('');
    if (found.length > 0) return;
    setBusy(true);
    try {
      setDone(await api.createReport({ body: buildReportRequest(draft) }));
    } catch (e) {
      if (e instanceof ApiError && e.statusCode === 401) {
        session.clear();
        void Taro.redirectTo({
          url: `/pages/login/index?redirect=${encodeURIComponent(currentUrl())}`,
        });
        return;
      }
      setError(reportFailureMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return {
    base,
    recent,
    firms: base.data?.firms ?? null,
    presetNote: base.data?.presetNote ?? '',
    visits,
    chosenVisit: visits.find((v) => v.id === draft.visitId) ?? null,
    draft,
    problems,
    photoNotes,
    error,
    busy,
    picking,
    done,
    pickFirm: (id: string) => {
      if (draft.enterpriseId !== id) update({ enterpriseId: id, visitId: null, officerId: null });
    },
    pickVisit: (visitId: string | null) => update({ visitId, officerId: null }),
    pickOfficer: (officerId: string | null) => update({ officerId }),
    toggle: (code: string) => update({ categories: toggleCategory(draft.categories, code) }),
    describe: (description: string) => update({ description }),
    removePhoto: (index: number) => update({ photos: draft.photos.filter((_, j) => j !== index) }),
    addPhotos: () => void addPhotos(),
    submit: () => void submit(),
  };
}

export type ReportForm = ReturnType<typeof useReportForm>;
