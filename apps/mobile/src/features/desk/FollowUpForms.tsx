import {
  FOLLOW_UP_CONTACT_METHOD_LABELS,
  FOLLOW_UP_CONTACT_METHODS,
  FOLLOW_UP_FINDING_LABELS,
  FOLLOW_UP_FINDINGS,
  type FollowUpCaseView,
  type FollowUpContactMethod,
  type FollowUpFinding,
} from '@qinqing/domain';
import { TextArea } from '@nutui/nutui-react-taro';
import { Text } from '@tarojs/components';
import { useState } from 'react';

import { api } from '../../services/api';
import { errorText } from '../../shared/errors';
import { Button } from '../../shared/ui/Button';
import { Card } from '../../shared/ui/Page';
import { ChoiceGroup, Message } from './fields';
import { canClose, closeRequest, contactRequest } from './follow-up';

/** 记录回访: how the firm was contacted and what it said. */
export function ContactForm(props: { caseId: string; onSaved: (c: FollowUpCaseView) => void }) {
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
      props.onSaved(
        await api.recordFollowUpContact({ params: { id: props.caseId }, body: checked.body }),
      );
      setMethod(undefined);
      setNote('');
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card title="记录回访" testId="follow-up-contact-form">
      <Text className="sv-label">回访方式</Text>
      <ChoiceGroup
        label="回访方式"
        options={FOLLOW_UP_CONTACT_METHODS}
        labels={FOLLOW_UP_CONTACT_METHOD_LABELS}
        value={method}
        onChange={setMethod}
        testIdPrefix="follow-up-contact-method"
      />
      <Text className="sv-label" id="follow-up-contact-note-label">
        回访情况
      </Text>
      <TextArea
        className="sv-input"
        data-testid="follow-up-contact-note"
        aria-labelledby="follow-up-contact-note-label"
        value={note}
        maxLength={1000}
        placeholder="联系了谁、企业怎么说"
        onChange={setNote}
      />
      <Message text={error} />
      <Button
        type="primary"
        block
        className="sv-wide-button"
        data-testid="follow-up-contact-submit"
        loading={busy}
        disabled={busy}
        onClick={() => void submit()}
      >
        保存回访记录
      </Button>
    </Card>
  );
}

/** 办结: the finding and what was done; possible once the firm has been contacted. */
export function CloseForm(props: {
  item: FollowUpCaseView;
  onSaved: (c: FollowUpCaseView) => void;
}) {
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
      props.onSaved(await api.closeFollowUp({ params: { id: props.item.id }, body: checked.body }));
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card title="办结" testId="follow-up-close-form">
      {!allowed && <Text className="sv-muted">请先记录至少一次回访，再办结。</Text>}
      <Text className="sv-label">核实结论</Text>
      <ChoiceGroup
        label="核实结论"
        options={FOLLOW_UP_FINDINGS}
        labels={FOLLOW_UP_FINDING_LABELS}
        value={finding}
        onChange={setFinding}
        testIdPrefix="follow-up-finding"
      />
      <Text className="sv-label" id="follow-up-resolution-label">
        处理结果
      </Text>
      <TextArea
        className="sv-input"
        data-testid="follow-up-resolution"
        aria-labelledby="follow-up-resolution-label"
        value={resolution}
        maxLength={1000}
        disabled={!allowed}
        placeholder="核实后的处理措施与结果"
        onChange={setResolution}
      />
      <Message text={error} />
      <Button
        type="primary"
        block
        className="sv-wide-button"
        data-testid="follow-up-close"
        loading={busy}
        disabled={!allowed || busy}
        onClick={() => void submit()}
      >
        办结回访核实
      </Button>
    </Card>
  );
}
