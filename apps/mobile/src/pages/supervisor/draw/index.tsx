import type { DrawTaskView, DrawView } from '@qinqing/domain';
import { Dialog } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';

import { Field, Message } from '../../../features/desk/fields';
import { Commitment } from '../../../features/draws/Commitment';
import { DRAW_STATUS_LABELS, weightTexts } from '../../../features/draws/public';
import { periodText } from '../../../features/draws/tasks';
import { useDraw } from '../../../features/draws/useDraw';
import { useSession } from '../../../shared/session';
import { Button } from '../../../shared/ui/Button';
import { Card, Page } from '../../../shared/ui/Page';
import { EmptyText, Pending } from '../../../shared/ui/Pending';

import '../../../features/desk/supervisor.css';
import '../../../features/draws/draws.css';

function TaskRow({ task }: { task: DrawTaskView }) {
  const tone = task.short ? ' sv-row--alarm' : task.inspected ? ' sv-row--done' : ' sv-row--warn';
  return (
    <View
      className={`sv-row${tone}`}
      data-testid="draw-task"
      data-inspected={task.inspected ? 'true' : 'false'}
    >
      <Text className="sv-row__strong sv-mono">{task.reference}</Text>
      <Text className="sv-row__strong">{task.enterpriseName}</Text>
      <Text>
        执法人员：
        {task.officers.length > 0
          ? task.officers
              .map((o) => `${o.name}${o.badgeNumber ? `（${o.badgeNumber}）` : ''}`)
              .join('、')
          : '无'}
      </Text>
      {task.short && <Text className="sv-alarm">人员不足（回避）</Text>}
      <Text className={task.inspected ? 'sv-ok-text' : 'sv-warn-text'}>
        {task.inspected ? '已检查' : '未检查'}
      </Text>
    </View>
  );
}

function Tasks({ draw }: { draw: DrawView }) {
  const shortCount = draw.tasks.filter((t) => t.short).length;
  const inspectedCount = draw.tasks.filter((t) => t.inspected).length;
  return (
    <Card title={`检查任务（${draw.tasks.length} 项）`} testId="draw-tasks">
      <Text className="sv-muted">
        已检查 {inspectedCount} 项
        {shortCount > 0 ? ` · ${shortCount} 项因回避人员不足，请另行安排` : ''}
      </Text>
      {draw.tasks.length === 0 && <EmptyText>本次未抽中企业。</EmptyText>}
      <View className="sv-list">
        {draw.tasks.map((task) => (
          <TaskRow key={task.id} task={task} />
        ))}
      </View>
    </Card>
  );
}

/** 抽查详情: the commitment, 揭示随机种子并生成任务, then the seed and the tasks. */
export default function SupervisorDrawPage() {
  const { params } = useRouter();
  const user = useSession(['supervisor', 'admin']);
  const d = useDraw(params.id ?? '', Boolean(user));
  if (!user) return <View />;
  const draw = d.record.data;
  const revealed = draw?.status === 'REVEALED';

  return (
    <Page title="抽查详情" backTo="/pages/supervisor/draws/index">
      <View className="sv-page">
        <Pending
          loading={d.record.loading}
          error={d.record.error}
          onRetry={d.record.reload}
          testId="draw-error"
        />
        {draw && (
          <View data-testid="supervisor-draw">
            <Card title={`${draw.number} · ${draw.name}`}>
              <Text className="sv-row__strong" data-testid="draw-status">
                {DRAW_STATUS_LABELS[draw.status]} · 检查期限{' '}
                {periodText(draw.periodStart, draw.periodEnd)}
              </Text>
            </Card>
            <Card title="公开承诺">
              <Text className="sv-muted">
                抽查池和权重已固定；种子揭示前任何人都无法预知抽查结果。
              </Text>
              <Commitment
                draw={draw}
                testIds={{ commitment: 'draw-commitment', seed: 'draw-seed' }}
              />
              <Field label="抽查池">
                <Text>{draw.poolSize} 家企业</Text>
              </Field>
              <Field label="权重">
                <Text>{weightTexts(draw).join('；')}</Text>
              </Field>
              {!revealed && (
                <Button
                  type="primary"
                  block
                  className="sv-wide-button"
                  data-testid="draw-reveal"
                  loading={d.revealing}
                  disabled={d.revealing}
                  onClick={d.askReveal}
                >
                  揭示随机种子并生成任务
                </Button>
              )}
              <Message text={d.revealError} testId="draw-reveal-error" />
            </Card>
            {revealed && <Tasks draw={draw} />}
            <View className="sv-nav">
              <Button
                type="primary"
                fill="outline"
                data-testid="draw-public-page"
                onClick={() =>
                  void Taro.navigateTo({ url: `/pages/public/draw/index?id=${draw.id}` })
                }
              >
                查看公示页面
              </Button>
            </View>
            <Dialog
              visible={d.confirming}
              title="揭示随机种子"
              content={`揭示后将按已公布的承诺生成 ${draw.number} 的检查任务并向社会公示，不能撤回。确定揭示吗？`}
              footer={
                <View className="sv-dialog-actions">
                  <Button fill="outline" data-testid="draw-reveal-cancel" onClick={d.cancelReveal}>
                    取消
                  </Button>
                  <Button
                    type="primary"
                    data-testid="draw-reveal-confirm"
                    onClick={() => void d.reveal()}
                  >
                    确定揭示
                  </Button>
                </View>
              }
              onClose={d.cancelReveal}
            />
          </View>
        )}
      </View>
    </Page>
  );
}
