import {
  FOLLOW_UP_CONTACT_METHOD_LABELS,
  FOLLOW_UP_FINDING_LABELS,
  FOLLOW_UP_STATUS_LABELS,
  RATING_LEVEL_LABELS,
  type FollowUpCaseView,
} from '@qinqing/domain';
import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';

import { Field, LinkButton, Message } from '../../../features/desk/fields';
import { dueText, poorItemNames } from '../../../features/desk/follow-up';
import { CloseForm, ContactForm } from '../../../features/desk/FollowUpForms';
import { open } from '../../../features/desk/nav';
import { chinaDateTime } from '../../../features/firm/gate';
import { api } from '../../../services/api';
import { useRequest } from '../../../shared/request';
import { useSession } from '../../../shared/session';
import { Card, Page } from '../../../shared/ui/Page';
import { EmptyText, Pending } from '../../../shared/ui/Pending';

import '../../../features/desk/supervisor.css';

function CaseBody({
  item,
  onSaved,
}: {
  item: FollowUpCaseView;
  onSaved: (c: FollowUpCaseView) => void;
}) {
  const late = item.status === 'OPEN' && item.overdue;
  const poor = poorItemNames(item);
  return (
    <View data-testid="follow-up">
      <Card title={item.enterpriseName ?? '（未知企业）'}>
        <Text className="sv-row__strong" data-testid="follow-up-status">
          {FOLLOW_UP_STATUS_LABELS[item.status]} · {dueText(item, new Date())}
        </Text>
        <Message text={late ? '已超过回访期限，请尽快联系企业并办结。' : ''} />
      </Card>
      <Card title="企业评价">
        <Field label="总体评价">
          <Text>{RATING_LEVEL_LABELS[item.overall]}</Text>
        </Field>
        <Field label="评为差的项目">
          {poor.length === 0 ? (
            <Text>无</Text>
          ) : (
            poor.map((name) => (
              <Text key={name} className="sv-alarm">
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
          <Text className="sv-muted">{item.unitName ?? ''}</Text>
        </Field>
        <Field label="期限">
          <Text>
            {chinaDateTime(item.openedAt)} 生成 · {chinaDateTime(item.dueAt)} 前办结
          </Text>
        </Field>
        <Field label="检查记录">
          <LinkButton
            testId="follow-up-visit-link"
            onClick={open(`/pages/supervisor/visit/index?id=${item.visitId}`)}
          >
            查看该次检查
          </LinkButton>
        </Field>
      </Card>

      <Card title={`回访记录（${item.contacts.length}）`} testId="follow-up-contacts">
        {item.contacts.length === 0 && <EmptyText>尚未回访</EmptyText>}
        {item.contacts.map((c, i) => (
          <View className="sv-entry" key={`${c.at}-${i}`}>
            <Text className="sv-row__strong">
              {FOLLOW_UP_CONTACT_METHOD_LABELS[c.method]} · {chinaDateTime(c.at)} · {c.by.name}
            </Text>
            <Text>{c.note}</Text>
          </View>
        ))}
      </Card>

      {item.status === 'CLOSED' ? (
        <Card title="办结情况" testId="follow-up-closed">
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
        </Card>
      ) : (
        <View>
          <ContactForm caseId={item.id} onSaved={onSaved} />
          <CloseForm item={item} onSaved={onSaved} />
        </View>
      )}
    </View>
  );
}

/** One 回访核实 case: the rating, the contacts, and the forms while it is open. */
export default function FollowUpPage() {
  const { params } = useRouter();
  const id = params.id ?? '';
  const user = useSession(['supervisor', 'admin']);
  const record = useRequest(
    () =>
      id
        ? api.getFollowUp({ params: { id } })
        : Promise.reject(new Error('缺少编号：请从回访核实列表打开。')),
    [id],
    { enabled: Boolean(user) },
  );
  if (!user) return <View />;
  return (
    <Page title="回访核实" backTo="/pages/supervisor/follow-ups/index">
      <View className="sv-page">
        <Pending
          loading={record.loading}
          error={record.error}
          onRetry={record.reload}
          testId="follow-up-error"
        />
        {record.data && <CaseBody item={record.data} onSaved={record.setData} />}
      </View>
    </Page>
  );
}
