import {
  REPORT_OUTCOME_LABELS,
  REPORT_OUTCOMES,
  REPORT_STATUS_LABELS,
  type ReportOutcome,
  type ReportView,
} from '@qinqing/domain';
import { TextArea } from '@nutui/nutui-react-taro';
import { Image, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';

import { api } from '../../services/api';
import { errorText } from '../../shared/errors';
import { Button } from '../../shared/ui/Button';
import { Card } from '../../shared/ui/Page';
import { authorizedImageUrl, releaseImageUrl } from './download';
import { ChoiceGroup, Message } from './fields';
import { advanceRequest, nextStep, reportPhotoPath } from './report';

/** The report's photos, each fetched with the token (they are not public). */
export function Photos({ report }: { report: ReportView }) {
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
    <View className="sv-photos" data-testid="report-photos">
      {shown.map((url, i) => (
        <Image
          key={url}
          className="sv-photo"
          src={url}
          mode="aspectFill"
          nativeProps={{ alt: `举报照片 ${i + 1}` }}
          onClick={() => void Taro.previewImage({ urls: shown, current: url })}
        />
      ))}
      {shown.length + failed < report.photoCount && <Text className="sv-muted">正在加载照片…</Text>}
      {failed > 0 && <Message text={`${failed} 张照片加载失败`} />}
    </View>
  );
}

/** The next step of a report (调查 → 办结), with its note and, to conclude, the outcome. */
export function AdvanceForm(props: { report: ReportView; onSaved: (r: ReportView) => void }) {
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
      props.onSaved(
        await api.advanceReport({ params: { id: props.report.id }, body: checked.body }),
      );
      setNote('');
      setOutcome(undefined);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card title={`下一步：${REPORT_STATUS_LABELS[step.status]}`} testId="report-advance-form">
      <Text className="sv-muted">每一步都记入审计记录，不能回退。</Text>
      {step.needsOutcome && (
        <View>
          <Text className="sv-label">调查结论</Text>
          <ChoiceGroup
            label="调查结论"
            options={REPORT_OUTCOMES}
            labels={REPORT_OUTCOME_LABELS}
            value={outcome}
            onChange={setOutcome}
            testIdPrefix="report-outcome"
          />
        </View>
      )}
      <Text className="sv-label" id="report-next-note-label">
        {step.needsOutcome ? '办结意见' : '处理说明'}
      </Text>
      <TextArea
        className="sv-input"
        data-testid="report-next-note"
        aria-labelledby="report-next-note-label"
        value={note}
        maxLength={1000}
        placeholder={step.needsOutcome ? '调查经过、结论与处理' : '由谁调查、如何调查'}
        onChange={setNote}
      />
      <Message text={error} />
      <Button
        type="primary"
        block
        className="sv-wide-button"
        data-testid="report-advance"
        loading={busy}
        disabled={busy}
        onClick={() => void submit()}
      >
        {step.action}
      </Button>
    </Card>
  );
}
