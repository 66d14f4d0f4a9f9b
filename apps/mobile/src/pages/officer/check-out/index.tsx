import { FINDINGS, FINDINGS_LABELS, PURPOSE_INFO } from '@qinqing/domain';
import { TextArea } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';

import { Choice } from '../../../components/Choice';
import { RectifyDeadline } from '../../../components/RectifyDeadline';
import { useCheckOut } from '../../../features/check-out/useCheckOut';
import { chinaTime } from '../../../services/china-time';
import { goHome } from '../../../shared/navigation';
import { useSession } from '../../../shared/session';
import { Button } from '../../../shared/ui/Button';
import { Card, Page } from '../../../shared/ui/Page';
import { Pending } from '../../../shared/ui/Pending';

import '../../../components/officer.css';

/** 签退: what the inspection found, notes, and the rectification deadline when one was ordered. */
export default function OfficerCheckOutPage() {
  const { params } = useRouter();
  const visitId = params.visitId ?? '';
  const me = useSession('officer');
  const m = useCheckOut(visitId, Boolean(me));
  if (!me) return <Page title="检查签退">{null}</Page>;

  if (m.done) {
    return (
      <Page title="检查签退">
        <Card testId="checkout-done">
          <Text className="o-title">已签退</Text>
          <Text className="o-line">
            {m.done.enterpriseName ?? '非本单位辖区企业'} ·{' '}
            {FINDINGS_LABELS[m.done.findings ?? 'NO_ISSUE']}
          </Text>
          {m.done.rectifyBy && <Text className="o-line">整改期限 {m.done.rectifyBy}</Text>}
          <Text className="o-line">
            签退时间 {m.done.checkedOutAt ? chinaTime(m.done.checkedOutAt) : ''}
          </Text>
        </Card>
        <Button
          block
          type="primary"
          className="o-action"
          data-testid="checkout-home"
          onClick={goHome}
        >
          返回首页
        </Button>
      </Page>
    );
  }

  const visit = m.visit.data;
  return (
    <Page title="检查签退">
      {!visitId && <Text className="o-error">缺少检查记录：请从首页的“待签退”进入。</Text>}
      <Pending loading={m.visit.loading} error={m.visit.error} onRetry={m.visit.reload} />
      {visit && (
        <Card testId="checkout-visit">
          <Text className="o-section">{visit.enterpriseName ?? '非本单位辖区企业'}</Text>
          <Text className="o-muted">
            {PURPOSE_INFO[visit.purpose].label} · 入企 {chinaTime(visit.checkedInAt)}
          </Text>
        </Card>
      )}
      <Card title="检查结果">
        <View role="radiogroup" aria-label="检查结果">
          {FINDINGS.map((f) => (
            <Choice
              key={f}
              kind="radio"
              checked={m.findings === f}
              className={`o-option ${m.findings === f ? 'o-option--chosen' : ''}`}
              data={{ 'data-testid': `findings-${f}` }}
              onSelect={() => m.setFindings(f)}
            >
              <Text>
                <Text className="o-check__box">{m.findings === f ? '✓' : ''}</Text>
                {FINDINGS_LABELS[f]}
              </Text>
            </Choice>
          ))}
        </View>
        {m.findings === 'RECTIFY_ORDERED' && (
          <RectifyDeadline value={m.rectifyBy} onChange={m.setRectifyBy} />
        )}
      </Card>
      <Card>
        <Text className="o-label" id="checkout-notes-label">
          检查情况说明（选填）
        </Text>
        <TextArea
          className="o-input"
          data-testid="checkout-notes"
          aria-labelledby="checkout-notes-label"
          value={m.notes}
          maxLength={1000}
          showCount
          placeholder="检查发现、现场处理情况等"
          onChange={m.setNotes}
        />
      </Card>
      {m.error && (
        <Text className="o-error" data-testid="checkout-error">
          {m.error}
        </Text>
      )}
      <Button
        block
        type="primary"
        className="o-action"
        data-testid="checkout-submit"
        loading={m.busy}
        onClick={() => void m.submit()}
      >
        确认签退
      </Button>
    </Page>
  );
}
