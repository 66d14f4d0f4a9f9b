import {
  FOLLOW_UP_CONTACT_METHOD_LABELS,
  FOLLOW_UP_CONTACT_METHODS,
  FOLLOW_UP_FINDING_LABELS,
  FOLLOW_UP_FINDINGS,
  FOLLOW_UP_STATUS_LABELS,
  RATING_LEVEL_LABELS,
  type FollowUpCaseView,
  type FollowUpContactMethod,
  type FollowUpFinding,
} from '@qinqing/domain';
import { Button, Text, Textarea, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useState } from 'react';

import { chinaDateTime } from '../../../features/firm/gate';
import { useRoleGuard } from '../../../features/firm/session-guard';
import { errorText } from '../../../features/desk/errors';
import { RecordPending, useRecord } from '../../../features/desk/useRecord';
import {
  canClose,
  closeRequest,
  contactRequest,
  dueText,
  poorItemNames,
} from '../../../features/desk/follow-up';
import { open } from '../../../features/desk/nav';
import { ChoiceGroup, Field } from '../../../features/desk/ui';
import { api } from '../../../services/api';

import '../../../features/desk/desk.css';

function ContactForm(props: { onSaved: (c: FollowUpCaseView) => void; caseId: string }) {
  const [method, setMethod] = useState<FollowUpContactMethod | undefined>();
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');

  async function submit(): Promise<void> {
    const checked = contactRequest(method, note);
    if (!checked.ok) return setError(checked.error);
    setBusy(true);
    setError('');
    try {
      props.onSaved(await api.recordFollowUpContact(props.caseId, checked.body));
      setMethod(undefined);
      setNote('');
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <View className="dk-card" data-testid="follow-up-contact-form">
      <Text className="dk-card__title">记录回访</Text>
      <View className="dk-card__body dk-form">
        <Text className="dk-label">回访方式</Text>
        <ChoiceGroup
          options={FOLLOW_UP_CONTACT_METHODS}
          labels={FOLLOW_UP_CONTACT_METHOD_LABELS}
          value={method}
          onChange={setMethod}
          testIdPrefix="follow-up-contact-method"
        />
        <Text className="dk-label">回访情况</Text>
        <Textarea
          className="dk-textarea"
          data-testid="follow-up-contact-note"
          value={note}
          maxlength={1000}
          placeholder="联系了谁、企业怎么说"
          onInput={(e) => setNote(e.detail.value)}
        />
        {error && <Text className="dk-error">{error}</Text>}
        <Button
          className="dk-btn dk-btn--wide"
          data-testid="follow-up-contact-submit"
          loading={busy}
          disabled={busy}
          onClick={() => void submit()}
        >
          保存回访记录
        </Button>
      </View>
    </View>
  );
}

function CloseForm(props: { item: FollowUpCaseView; onSaved: (c: FollowUpCaseView) => void }) {
  const [finding, setFinding] = useState<FollowUpFinding | undefined>();
  const [resolution, setResolution] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const allowed = canClose(props.item);

  async function submit(): Promise<void> {
    const checked = closeRequest(finding, resolution);
    if (!checked.ok) return setError(checked.error);
    setBusy(true);
    setError('');
    try {
      props.onSaved(await api.closeFollowUp(props.item.id, checked.body));
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <View className="dk-card" data-testid="follow-up-close-form">
      <Text className="dk-card__title">办结</Text>
      {!allowed && <Text className="dk-card__note">请先记录至少一次回访，再办结。</Text>}
      <View className="dk-card__body dk-form">
        <Text className="dk-label">核实结论</Text>
        <ChoiceGroup
          options={FOLLOW_UP_FINDINGS}
          labels={FOLLOW_UP_FINDING_LABELS}
          value={finding}
          onChange={setFinding}
          testIdPrefix="follow-up-finding"
        />
        <Text className="dk-label">处理结果</Text>
        <Textarea
          className="dk-textarea"
          data-testid="follow-up-resolution"
          value={resolution}
          maxlength={1000}
          disabled={!allowed}
          placeholder="核实后的处理措施与结果"
          onInput={(e) => setResolution(e.detail.value)}
        />
        {error && <Text className="dk-error">{error}</Text>}
        <Button
          className="dk-btn dk-btn--wide"
          data-testid="follow-up-close"
          loading={busy}
          disabled={!allowed || busy}
          onClick={() => void submit()}
        >
          办结回访核实
        </Button>
      </View>
    </View>
  );
}

/** One 回访核实 case: the rating, the contacts, and the forms while it is open. */
export default function FollowUpPage() {
  const { params } = useRouter();
  const id = params.id ?? '';
  const user = useRoleGuard(
    ['supervisor', 'admin'],
    `/pages/supervisor/follow-up/index?id=${encodeURIComponent(id)}`,
  );
  const {
    record: item,
    setRecord: setItem,
    error,
    load,
  } = useRecord<FollowUpCaseView>(
    Boolean(user),
    id,
    (key) => api.followUp(key),
    '缺少编号：请从回访核实列表打开。',
  );

  if (!user) return <View className="dk" />;
  if (!item)
    return <RecordPending error={error} testId="follow-up-error" onRetry={() => void load()} />;

  const now = new Date();
  const late = item.status === 'OPEN' && item.overdue;
  const poor = poorItemNames(item);
  return (
    <View className="dk dk--narrow" data-testid="follow-up">
      <View className="dk__header">
        <Text className="dk__title">{item.enterpriseName ?? '（未知企业）'}</Text>
        <Text className="dk__note" data-testid="follow-up-status">
          {FOLLOW_UP_STATUS_LABELS[item.status]} · {dueText(item, now)}
        </Text>
      </View>
      {late && <Text className="dk-error">已超过回访期限，请尽快联系企业并办结。</Text>}

      <View className="dk-card">
        <Text className="dk-card__title">企业评价</Text>
        <View className="dk-card__body">
          <Field label="总体评价">
            <Text>{RATING_LEVEL_LABELS[item.overall]}</Text>
          </Field>
          <Field label="评为差的项目">
            {poor.length === 0 ? (
              <Text>无</Text>
            ) : (
              poor.map((name) => (
                <Text key={name} className="dk-row__alarm">
                  {name}
                </Text>
              ))
            )}
          </Field>
          <Field label="意见或建议">
            <Text>{item.comment || '（未填写）'}</Text>
          </Field>
          <Field label="执法人员">
            {item.officers.map((o) => (
              <Text key={o.id}>
                {o.name}
                {o.badgeNumber ? `（${o.badgeNumber}）` : ''}
              </Text>
            ))}
            <Text className="dk-muted">{item.unitName ?? ''}</Text>
          </Field>
          <Field label="期限">
            <Text>
              {chinaDateTime(item.openedAt)} 生成 · {chinaDateTime(item.dueAt)} 前办结
            </Text>
          </Field>
          <Field label="检查记录">
            <Text
              className="dk-phone"
              onClick={open(`/pages/supervisor/visit/index?id=${item.visitId}`)}
            >
              查看该次检查
            </Text>
          </Field>
        </View>
      </View>

      <View className="dk-card" data-testid="follow-up-contacts">
        <Text className="dk-card__title">回访记录（{item.contacts.length}）</Text>
        <View className="dk-card__body">
          {item.contacts.length === 0 && <Text className="dk-empty">尚未回访</Text>}
          {item.contacts.map((c, i) => (
            <View className="dk-entry" key={`${c.at}-${i}`}>
              <Text className="dk-row__strong">
                {FOLLOW_UP_CONTACT_METHOD_LABELS[c.method]} · {chinaDateTime(c.at)} · {c.by.name}
              </Text>
              <Text>{c.note}</Text>
            </View>
          ))}
        </View>
      </View>

      {item.status === 'CLOSED' ? (
        <View className="dk-card" data-testid="follow-up-closed">
          <Text className="dk-card__title">办结情况</Text>
          <View className="dk-card__body">
            <Field label="核实结论">
              <Text>{item.finding ? FOLLOW_UP_FINDING_LABELS[item.finding] : '—'}</Text>
            </Field>
            <Field label="处理结果">
              <Text>{item.resolution ?? '—'}</Text>
            </Field>
            <Field label="办结">
              <Text>
                {item.closedAt ? chinaDateTime(item.closedAt) : '—'} · {item.closedBy?.name ?? ''}
              </Text>
            </Field>
          </View>
        </View>
      ) : (
        <View>
          <ContactForm caseId={item.id} onSaved={setItem} />
          <CloseForm item={item} onSaved={setItem} />
        </View>
      )}
    </View>
  );
}
