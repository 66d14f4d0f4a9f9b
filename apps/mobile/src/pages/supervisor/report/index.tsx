import {
  REPORT_OUTCOME_LABELS,
  REPORT_OUTCOMES,
  REPORT_STATUS_LABELS,
  type ReportOutcome,
  type ReportView,
} from '@qinqing/domain';
import { Button, Image, Text, Textarea, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useEffect, useState } from 'react';

import { chinaDateTime } from '../../../features/firm/gate';
import { useRoleGuard } from '../../../features/firm/session-guard';
import { authorizedImageUrl, releaseImageUrl } from '../../../features/desk/download';
import { errorText } from '../../../features/desk/errors';
import { RecordPending, useRecord } from '../../../features/desk/useRecord';
import { open } from '../../../features/desk/nav';
import {
  advanceRequest,
  categoryLabel,
  nextStep,
  reportPhotoPath,
} from '../../../features/desk/report';
import { ChoiceGroup, Field } from '../../../features/desk/ui';
import { api } from '../../../services/api';

import '../../../features/desk/desk.css';

/** The report's photos, each fetched with the token (they are not public). */
function Photos({ report }: { report: ReportView }) {
  const [urls, setUrls] = useState<(string | null)[]>([]);
  const [failed, setFailed] = useState(0);

  useEffect(() => {
    let alive = true;
    const made: string[] = [];
    setUrls(Array.from({ length: report.photoCount }, () => null));
    setFailed(0);
    for (let i = 0; i < report.photoCount; i += 1) {
      authorizedImageUrl(reportPhotoPath(report.id, i))
        .then((url) => {
          made.push(url);
          if (alive) setUrls((all) => all.map((u, j) => (j === i ? url : u)));
        })
        .catch(() => alive && setFailed((n) => n + 1));
    }
    return () => {
      alive = false;
      for (const url of made) releaseImageUrl(url);
    };
  }, [report.id, report.photoCount]);

  if (report.photoCount === 0) return <Text>无</Text>;
  const shown = urls.filter((u): u is string => Boolean(u));
  return (
    <View className="dk-photos" data-testid="report-photos">
      {shown.map((url) => (
        <Image
          key={url}
          className="dk-photo"
          src={url}
          mode="aspectFill"
          onClick={() => void Taro.previewImage({ urls: shown, current: url })}
        />
      ))}
      {shown.length + failed < report.photoCount && <Text className="dk-muted">正在加载照片…</Text>}
      {failed > 0 && <Text className="dk-error">{failed} 张照片加载失败</Text>}
    </View>
  );
}

function AdvanceForm(props: { report: ReportView; onSaved: (r: ReportView) => void }) {
  const step = nextStep(props.report);
  const [note, setNote] = useState('');
  const [outcome, setOutcome] = useState<ReportOutcome | undefined>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  if (!step) return null;

  async function submit(): Promise<void> {
    const checked = advanceRequest(props.report, note, outcome);
    if (!checked.ok) return setError(checked.error);
    setBusy(true);
    setError('');
    try {
      props.onSaved(await api.advanceReport(props.report.id, checked.body));
      setNote('');
      setOutcome(undefined);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <View className="dk-card" data-testid="report-advance-form">
      <Text className="dk-card__title">下一步：{REPORT_STATUS_LABELS[step.status]}</Text>
      <Text className="dk-card__note">每一步都记入审计记录，不能回退。</Text>
      <View className="dk-card__body dk-form">
        {step.needsOutcome && (
          <View className="dk-form">
            <Text className="dk-label">调查结论</Text>
            <ChoiceGroup
              options={REPORT_OUTCOMES}
              labels={REPORT_OUTCOME_LABELS}
              value={outcome}
              onChange={setOutcome}
              testIdPrefix="report-outcome"
            />
          </View>
        )}
        <Text className="dk-label">{step.needsOutcome ? '办结意见' : '处理说明'}</Text>
        <Textarea
          className="dk-textarea"
          data-testid="report-next-note"
          value={note}
          maxlength={1000}
          placeholder={step.needsOutcome ? '调查经过、结论与处理' : '由谁调查、如何调查'}
          onInput={(e) => setNote(e.detail.value)}
        />
        {error && <Text className="dk-error">{error}</Text>}
        <Button
          className="dk-btn dk-btn--wide"
          data-testid="report-advance"
          loading={busy}
          disabled={busy}
          onClick={() => void submit()}
        >
          {step.action}
        </Button>
      </View>
    </View>
  );
}

/** One 监督举报: what the firm reported, the steps taken, the next step. */
export default function ReportPage() {
  const { params } = useRouter();
  const id = params.id ?? '';
  const user = useRoleGuard(
    ['supervisor', 'admin'],
    `/pages/supervisor/report/index?id=${encodeURIComponent(id)}`,
  );
  const {
    record: report,
    setRecord: setReport,
    error,
    load,
  } = useRecord<ReportView>(
    Boolean(user),
    id,
    (key) => api.reportById(key),
    '缺少编号：请从监督举报列表打开。',
  );

  if (!user) return <View className="dk" />;
  if (!report)
    return <RecordPending error={error} testId="report-error" onRetry={() => void load()} />;

  return (
    <View className="dk dk--narrow" data-testid="report">
      <View className="dk__header">
        <Text className="dk__title">{report.enterpriseName ?? '（未知企业）'} 的举报</Text>
        <Text className="dk__note" data-testid="report-status">
          {REPORT_STATUS_LABELS[report.status]}
          {report.outcome ? ` · ${REPORT_OUTCOME_LABELS[report.outcome]}` : ''}
        </Text>
      </View>

      <View className="dk-card">
        <Text className="dk-card__title">举报内容</Text>
        <View className="dk-card__body">
          <Field label="举报类别">
            {report.categories.map((c) => (
              <Text key={c}>{categoryLabel(c)}</Text>
            ))}
          </Field>
          <Field label="举报内容">
            <Text>{report.description}</Text>
          </Field>
          <Field label="照片">
            <Photos report={report} />
          </Field>
          <Field label="举报企业">
            <Text>{report.enterpriseName ?? '—'}</Text>
            <Text className="dk-muted">举报人：{report.reporter.name}</Text>
          </Field>
          <Field label="被举报人">
            <Text>
              {report.officer
                ? `${report.officer.name}${report.officer.badgeNumber ? `（${report.officer.badgeNumber}）` : ''}`
                : '未指明'}
            </Text>
            <Text className="dk-muted">{report.unitName ?? ''}</Text>
          </Field>
          <Field label="相关检查">
            {report.visitId ? (
              <Text
                className="dk-phone"
                data-testid="report-visit-link"
                onClick={open(`/pages/supervisor/visit/index?id=${report.visitId}`)}
              >
                查看该次检查记录
              </Text>
            ) : (
              <Text>未关联</Text>
            )}
          </Field>
          <Field label="提交时间">
            <Text>{chinaDateTime(report.createdAt)}</Text>
          </Field>
          {report.conclusion && (
            <Field label="办结意见">
              <Text>{report.conclusion}</Text>
            </Field>
          )}
        </View>
      </View>

      <View className="dk-card" data-testid="report-history">
        <Text className="dk-card__title">办理过程</Text>
        <View className="dk-card__body">
          {report.history.length === 0 && <Text className="dk-empty">暂无记录</Text>}
          {report.history.map((h, i) => (
            <View className="dk-entry" key={`${h.at}-${i}`}>
              <Text className="dk-row__strong">
                {REPORT_STATUS_LABELS[h.status]} · {chinaDateTime(h.at)} · {h.by.name}
              </Text>
              {h.note && <Text>{h.note}</Text>}
            </View>
          ))}
        </View>
      </View>

      <AdvanceForm report={report} onSaved={setReport} />
    </View>
  );
}
