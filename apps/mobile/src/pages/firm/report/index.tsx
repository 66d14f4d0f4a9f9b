import {
  PURPOSE_INFO,
  REPORT_DESCRIPTION_MAX,
  REPORT_PHOTOS_MAX,
  type EnterpriseView,
  type ReportView,
  type VisitView,
} from '@qinqing/domain';
import { Button, Image, Text, Textarea, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useCallback, useEffect, useState } from 'react';

import { ConductCard } from '../../../components/ConductCard';
import { redirectToLogin, useRoleGuard } from '../../../features/firm/session-guard';
import { CategoryPicker } from '../../../features/report/CategoryPicker';
import { pickPhotos } from '../../../features/report/photo';
import {
  buildReportRequest,
  emptyReportDraft,
  photosLeft,
  reportFailureMessage,
  reportProblems,
  textLength,
  toggleCategory,
  type ReportDraft,
} from '../../../features/report/report-form';
import { api, ApiError, NetworkError } from '../../../services/api';
import { chinaDateTime } from '../../../services/china-time';
import { session } from '../../../services/session';

import '../../../features/report/report.css';

/** How many recent visits the firm can pick from. */
const RECENT_VISITS = 10;

function officerLine(visit: VisitView): string {
  return visit.officers.map((o) => o.name).join('、') || '执法人员';
}

function Option({
  on,
  testId,
  title,
  sub,
  onPick,
}: {
  on: boolean;
  testId: string;
  title: string;
  sub?: string;
  onPick(): void;
}) {
  return (
    <View
      role="radio"
      aria-checked={on}
      className={`rp__option ${on ? 'rp__option--on' : ''}`}
      data-testid={testId}
      onClick={onPick}
    >
      <Text>
        {on ? '◉ ' : '○ '}
        {title}
      </Text>
      {sub && <Text className="rp__option-sub">{sub}</Text>}
    </View>
  );
}

/** 监督举报: the firm reports an officer's misconduct to the supervision office. */
export default function FirmReportPage() {
  const { params } = useRouter();
  const presetVisitId = params.visitId ?? '';
  const here = presetVisitId
    ? `/pages/firm/report/index?visitId=${encodeURIComponent(presetVisitId)}`
    : '/pages/firm/report/index';
  const user = useRoleGuard(['enterprise'], here);
  const [firms, setFirms] = useState<EnterpriseView[] | null>(null);
  const [visits, setVisits] = useState<VisitView[]>([]);
  const [draft, setDraft] = useState<ReportDraft>(() => emptyReportDraft());
  const [loadError, setLoadError] = useState('');
  const [problems, setProblems] = useState<string[]>([]);
  const [photoNotes, setPhotoNotes] = useState<string[]>([]);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const [picking, setPicking] = useState(false);
  const [done, setDone] = useState<ReportView | null>(null);

  const failLoad = useCallback(
    (e: unknown) => {
      if (e instanceof ApiError && e.statusCode === 401) {
        session.clear();
        redirectToLogin(here);
        return;
      }
      setLoadError(
        e instanceof NetworkError
          ? '网络不可用，未能读取企业和到访记录：请到信号较好的地方点“重试”。'
          : e instanceof ApiError
            ? `${e.message} 请点“重试”。`
            : '读取失败，请点“重试”。',
      );
    },
    [here],
  );

  const loadFirms = useCallback(async () => {
    setLoadError('');
    try {
      const mine = await api.enterprises();
      setFirms(mine);
      const preset = presetVisitId ? await api.visit(presetVisitId).catch(() => null) : null;
      const firmId =
        preset?.enterpriseId && mine.some((f) => f.id === preset?.enterpriseId)
          ? preset.enterpriseId
          : mine.length === 1
            ? mine[0].id
            : null;
      setDraft((d) => ({
        ...d,
        enterpriseId: d.enterpriseId ?? firmId,
        visitId: d.visitId ?? (preset && preset.enterpriseId === firmId ? preset.id : null),
      }));
      if (preset) setVisits((list) => (list.some((v) => v.id === preset.id) ? list : [preset]));
    } catch (e) {
      failLoad(e);
    }
  }, [presetVisitId, failLoad]);

  useEffect(() => {
    if (user) void loadFirms();
  }, [user, loadFirms]);

  // The chosen firm's recent visits (the preset visit stays in the list even if older).
  useEffect(() => {
    const enterpriseId = draft.enterpriseId;
    if (!user || !enterpriseId) return;
    let stale = false;
    api
      .visits({ enterpriseId, limit: RECENT_VISITS })
      .then((page) => {
        if (stale) return;
        setVisits((previous) => {
          const kept = previous.filter(
            (v) => v.id === presetVisitId && v.enterpriseId === enterpriseId,
          );
          return [...kept, ...page.items.filter((v) => !kept.some((k) => k.id === v.id))];
        });
      })
      .catch((e: unknown) => {
        if (!stale) failLoad(e);
      });
    return () => {
      stale = true;
    };
  }, [user, draft.enterpriseId, presetVisitId, failLoad]);

  const update = (patch: Partial<ReportDraft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    setProblems([]);
  };
  const chosenVisit = visits.find((v) => v.id === draft.visitId) ?? null;

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
      setDone(await api.report(buildReportRequest(draft)));
    } catch (e) {
      if (e instanceof ApiError && e.statusCode === 401) {
        session.clear();
        redirectToLogin(here);
        return;
      }
      setError(reportFailureMessage(e));
    } finally {
      setBusy(false);
    }
  };

  if (!user) return <View className="rp" />;

  if (done) {
    return (
      <View className="rp" data-testid="report-page">
        <View className="rp__card" data-testid="report-done">
          <Text className="rp__done-title">举报已提交</Text>
          <Text className="rp__line">
            监督部门已受理（{chinaDateTime(done.createdAt)}
            ），将调查核实；办理进度和结果可在“我的举报”中查看。
          </Text>
          <Text className="rp__line">举报内容只有监督部门能看到，被举报的执法人员看不到。</Text>
          <Button
            className="rp__button"
            data-testid="report-goto-reports"
            onClick={() => void Taro.redirectTo({ url: '/pages/firm/reports/index' })}
          >
            查看我的举报
          </Button>
          <Button
            className="rp__button rp__button--secondary"
            onClick={() => void Taro.redirectTo({ url: '/pages/firm/home/index' })}
          >
            返回首页
          </Button>
        </View>
        <ConductCard />
      </View>
    );
  }

  const descriptionLength = textLength(draft.description);

  return (
    <View className="rp" data-testid="report-page">
      <View className="rp__header">
        <Text className="rp__title">监督举报</Text>
        <Text className="rp__subtitle">
          执法人员有违反“六不准”“九不得”的行为，可在此向监督部门举报。
        </Text>
      </View>

      <Text className="rp__privacy" data-testid="report-privacy">
        举报只送达执法监督部门，由监督部门调查核实；被举报的执法人员看不到举报内容。
      </Text>

      {loadError && (
        <View className="rp__card">
          <Text className="rp__error" data-testid="report-load-error">
            {loadError}
          </Text>
          <Button className="rp__button" onClick={() => void loadFirms()}>
            重试
          </Button>
        </View>
      )}

      <View className="rp__card" data-testid="report-firm">
        <Text className="rp__section">举报企业</Text>
        {firms === null && !loadError && <Text className="rp__note">正在读取…</Text>}
        {firms?.length === 0 && (
          <Text className="rp__note">账号尚未关联企业，请拨打67189801反映。</Text>
        )}
        <View className="rp__options">
          {firms?.map((f) => (
            <Option
              key={f.id}
              on={draft.enterpriseId === f.id}
              testId={`report-firm-${f.id}`}
              title={f.name}
              onPick={() => {
                if (draft.enterpriseId === f.id) return;
                setVisits([]);
                update({ enterpriseId: f.id, visitId: null, officerId: null });
              }}
            />
          ))}
        </View>
      </View>

      {draft.enterpriseId && (
        <View className="rp__card" data-testid="report-visit">
          <Text className="rp__section">涉及的检查（选填）</Text>
          <Text className="rp__note">选择举报所涉及的那次到访；不确定可不选。</Text>
          <View className="rp__options">
            <Option
              on={draft.visitId === null}
              testId="report-visit-none"
              title="不指定具体检查"
              onPick={() => update({ visitId: null, officerId: null })}
            />
            {visits.map((v) => (
              <Option
                key={v.id}
                on={draft.visitId === v.id}
                testId={`report-visit-${v.id}`}
                title={`${chinaDateTime(v.checkedInAt)} ${PURPOSE_INFO[v.purpose].label}`}
                sub={officerLine(v)}
                onPick={() => update({ visitId: v.id, officerId: null })}
              />
            ))}
          </View>
        </View>
      )}

      {chosenVisit && (
        <View className="rp__card" data-testid="report-officer">
          <Text className="rp__section">被举报的执法人员（选填）</Text>
          <View className="rp__options">
            <Option
              on={draft.officerId === null}
              testId="report-officer-none"
              title="不指定执法人员"
              onPick={() => update({ officerId: null })}
            />
            {chosenVisit.officers.map((o) => (
              <Option
                key={o.id}
                on={draft.officerId === o.id}
                testId={`report-officer-${o.id}`}
                title={o.name}
                sub={[o.badgeNumber ? `执法证号 ${o.badgeNumber}` : '', o.unitName ?? '']
                  .filter(Boolean)
                  .join(' · ')}
                onPick={() => update({ officerId: o.id })}
              />
            ))}
          </View>
        </View>
      )}

      <View className="rp__card" data-testid="report-categories">
        <Text className="rp__section">违规情形（可多选）</Text>
        <CategoryPicker
          chosen={draft.categories}
          onToggle={(code) => update({ categories: toggleCategory(draft.categories, code) })}
        />
      </View>

      <View className="rp__card">
        <Text className="rp__section">情况描述</Text>
        <Text className="rp__note">请写明时间、地点、人员和经过。</Text>
        <Textarea
          className="rp__textarea"
          data-testid="report-description"
          value={draft.description}
          maxlength={REPORT_DESCRIPTION_MAX}
          placeholder="例如：某日检查结束后，执法人员暗示企业安排宴请……"
          onInput={(e) => update({ description: e.detail.value })}
        />
        <Text className="rp__counter" data-testid="report-description-count">
          {descriptionLength} / {REPORT_DESCRIPTION_MAX}
        </Text>
      </View>

      <View className="rp__card">
        <Text className="rp__section">照片（选填，最多{REPORT_PHOTOS_MAX}张）</Text>
        <View className="rp__photos">
          {draft.photos.map((photo, i) => (
            <View className="rp__photo" key={`${i}-${photo.length}`} data-testid="report-photo">
              <Image className="rp__thumb" src={photo} mode="aspectFill" />
              <Button
                className="rp__photo-remove"
                onClick={() => update({ photos: draft.photos.filter((_, j) => j !== i) })}
              >
                删除
              </Button>
            </View>
          ))}
        </View>
        {photoNotes.map((note) => (
          <Text className="rp__problem" key={note} data-testid="report-photo-problem">
            {note}
          </Text>
        ))}
        <Button
          className="rp__button rp__button--secondary"
          data-testid="report-photo-add"
          disabled={photosLeft(draft) === 0 || picking}
          onClick={() => void addPhotos()}
        >
          {photosLeft(draft) === 0
            ? `已达${REPORT_PHOTOS_MAX}张上限`
            : picking
              ? '正在读取照片…'
              : '添加照片'}
        </Button>
      </View>

      <View className="rp__card">
        {problems.map((p) => (
          <Text className="rp__problem" key={p} data-testid="report-problem">
            {p}
          </Text>
        ))}
        {error && (
          <Text className="rp__error" data-testid="report-error">
            {error}
          </Text>
        )}
        <Button
          className="rp__button"
          data-testid="report-submit"
          loading={busy}
          disabled={busy}
          onClick={() => void submit()}
        >
          {busy ? '正在提交…' : '提交举报'}
        </Button>
        <Button
          className="rp__button rp__button--secondary"
          data-testid="report-goto-mine"
          onClick={() => void Taro.navigateTo({ url: '/pages/firm/reports/index' })}
        >
          我的举报
        </Button>
      </View>

      <ConductCard />
    </View>
  );
}
