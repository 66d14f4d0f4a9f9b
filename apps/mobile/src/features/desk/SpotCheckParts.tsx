import {
  RATING_LEVEL_LABELS,
  SPOT_CHECK_RESULT_LABELS,
  SPOT_CHECK_RESULTS,
  type SpotCheckItemView,
  type SpotCheckResult,
  type SpotCheckView,
} from '@qinqing/domain';
import { Input, TextArea } from '@nutui/nutui-react-taro';
import { Text } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';

import { api } from '../../services/api';
import { errorText } from '../../shared/errors';
import { Button } from '../../shared/ui/Button';
import { Card } from '../../shared/ui/Page';
import { chinaDateTime } from '../firm/gate';
import { ChoiceGroup, DateField, Field, LinkButton, Message } from './fields';
import { open } from './nav';
import { currentMonth, DEFAULT_SAMPLE_SIZE, drawRequest, spotNoteError } from './spot-check';

/** 抽取本月评价: the month (up to this one) and how many ratings to draw. */
export function SpotCheckDrawForm({ onDrawn }: { onDrawn: (s: SpotCheckView) => void }) {
  const thisMonth = currentMonth(new Date());
  const [month, setMonth] = useState(thisMonth);
  const [size, setSize] = useState(String(DEFAULT_SAMPLE_SIZE));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');

  async function draw(): Promise<void> {
    const checked = drawRequest(month, size, new Date());
    if (!checked.ok) return setError(checked.error);
    setBusy(true);
    setError('');
    try {
      onDrawn(await api.drawSpotCheck({ body: checked.body }));
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  }

  const firstYear = Number(thisMonth.slice(0, 4)) - 2;
  return (
    <Card title="抽取评价" testId="spot-check-draw-form">
      <Text className="sv-muted">
        每月一次：从辖区该月全部评价中按公开种子随机抽取，逐一电话核实企业是否确实这样评价。
      </Text>
      <DateField
        label="月份"
        testId="spot-check-month"
        type="year-month"
        value={month}
        start={`${firstYear}-01-01`}
        end={`${thisMonth}-01`}
        onChange={setMonth}
      />
      <Text className="sv-label" id="spot-check-size-label">
        抽取数量（条）
      </Text>
      <Input
        className="sv-input"
        data-testid="spot-check-size"
        aria-labelledby="spot-check-size-label"
        type="number"
        value={size}
        maxLength={3}
        onChange={setSize}
      />
      <Message text={error} />
      <Button
        type="primary"
        block
        className="sv-wide-button"
        data-testid="spot-check-draw"
        loading={busy}
        disabled={busy}
        onClick={() => void draw()}
      >
        抽取
      </Button>
    </Card>
  );
}

/** One drawn rating: whom to call, what they rated, and the result of the call. */
export function SpotCheckItem(props: {
  spotCheckId: string;
  item: SpotCheckItemView;
  onSaved: (s: SpotCheckView) => void;
}) {
  const { item } = props;
  const [result, setResult] = useState<SpotCheckResult | undefined>(item.result ?? undefined);
  const [note, setNote] = useState(item.note ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const [saved, setSaved] = useState(false);

  async function save(): Promise<void> {
    if (!result) return setError('请选择核实结果。');
    const noteError = spotNoteError(note);
    if (noteError) return setError(noteError);
    setBusy(true);
    setError('');
    setSaved(false);
    try {
      props.onSaved(
        await api.recordSpotCheckResult({
          params: { id: props.spotCheckId, ratingId: item.ratingId },
          body: { result, ...(note.trim() ? { note: note.trim() } : {}) },
        }),
      );
      setSaved(true);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  }

  const noteLabel = `spot-check-note-label-${item.rank}`;
  return (
    <Card
      title={`第 ${item.rank} 条 · ${item.enterpriseName ?? '（未知企业）'}`}
      testId="spot-check-item"
    >
      <Field label="联系人">
        <Text>{item.contactName}</Text>
        {item.contactPhone ? (
          <LinkButton
            testId="spot-check-phone"
            onClick={() => void Taro.makePhoneCall({ phoneNumber: item.contactPhone ?? '' })}
          >
            {`${item.contactPhone}（点击拨打）`}
          </LinkButton>
        ) : (
          <Text className="sv-muted">未登记电话</Text>
        )}
      </Field>
      <Field label="企业评价">
        <Text>
          总体评价：{RATING_LEVEL_LABELS[item.overall]} · {chinaDateTime(item.submittedAt)}
        </Text>
        <LinkButton onClick={open(`/pages/supervisor/visit/index?id=${item.visitId}`)}>
          查看检查与评价
        </LinkButton>
      </Field>
      {item.verifiedAt && (
        <Field label="已核实">
          <Text>
            {item.result ? SPOT_CHECK_RESULT_LABELS[item.result] : ''} ·{' '}
            {chinaDateTime(item.verifiedAt)} · {item.verifiedBy?.name ?? ''}
          </Text>
        </Field>
      )}
      <Text className="sv-label">核实结果</Text>
      <ChoiceGroup
        label="核实结果"
        options={SPOT_CHECK_RESULTS}
        labels={SPOT_CHECK_RESULT_LABELS}
        value={result}
        onChange={setResult}
        testIdPrefix="spot-check-result"
      />
      <Text className="sv-label" id={noteLabel}>
        备注（可选）
      </Text>
      <TextArea
        className="sv-input"
        data-testid="spot-check-note"
        aria-labelledby={noteLabel}
        value={note}
        maxLength={1000}
        placeholder="联系了谁、企业怎么说"
        onChange={setNote}
      />
      <Message text={error} />
      {saved && <Message ok text="已保存" />}
      <Button
        type="primary"
        block
        className="sv-wide-button"
        data-testid="spot-check-save"
        loading={busy}
        disabled={busy}
        onClick={() => void save()}
      >
        保存核实结果
      </Button>
    </Card>
  );
}
