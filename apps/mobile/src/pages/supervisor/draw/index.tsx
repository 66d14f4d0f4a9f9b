import type { DrawTaskView, DrawView } from '@qinqing/domain';
import { Button, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';

import { errorText } from '../../../features/desk/errors';
import { RecordPending, useRecord } from '../../../features/desk/useRecord';
import { Field } from '../../../features/desk/ui';
import { Commitment } from '../../../features/draws/Commitment';
import { DRAW_STATUS_LABELS, weightTexts } from '../../../features/draws/public';
import { periodText } from '../../../features/draws/tasks';
import { useRoleGuard } from '../../../features/firm/session-guard';
import { api } from '../../../services/api';

import '../../../features/desk/desk.css';
import '../../../features/draws/draws.css';

function TaskRow({ task }: { task: DrawTaskView }) {
  return (
    <View
      className={`dk-row${task.short ? ' dk-row--alarm' : task.inspected ? ' dk-row--done' : ''}`}
      data-testid="draw-task"
      data-inspected={task.inspected ? 'true' : 'false'}
    >
      <Text className="dk-row__strong dk-mono">{task.reference}</Text>
      <Text className="dk-row__strong">{task.enterpriseName}</Text>
      <Text>
        执法人员：
        {task.officers.length > 0
          ? task.officers
              .map((o) => `${o.name}${o.badgeNumber ? `（${o.badgeNumber}）` : ''}`)
              .join('、')
          : '无'}
      </Text>
      {task.short && <Text className="dk-row__alarm">人员不足（回避）</Text>}
      <Text className={`dk-badge${task.inspected ? ' dk-badge--done' : ''}`}>
        {task.inspected ? '已检查' : '未检查'}
      </Text>
    </View>
  );
}

/** 抽查详情: the commitment, 揭示随机种子并生成任务, then the seed and the tasks. */
export default function SupervisorDrawPage() {
  const { params } = useRouter();
  const id = params.id ?? '';
  const user = useRoleGuard(['supervisor', 'admin'], `/pages/supervisor/draw/index?id=${id}`);
  const {
    record: draw,
    setRecord,
    error,
    load,
  } = useRecord<DrawView>(Boolean(user), id, (drawId) => api.draw(drawId), '缺少抽查编号。');
  const [revealing, setRevealing] = useState(false);
  const [revealError, setRevealError] = useState('');

  async function reveal(): Promise<void> {
    if (!draw) return;
    const answer = await Taro.showModal({
      title: '揭示随机种子',
      content: `揭示后将按已公布的承诺生成 ${draw.number} 的检查任务并向社会公示，不能撤回。确定揭示吗？`,
      confirmText: '确定揭示',
      cancelText: '取消',
    }).catch(() => ({ confirm: false }));
    if (!answer.confirm) return;
    setRevealing(true);
    setRevealError('');
    try {
      setRecord(await api.revealDraw(draw.id));
    } catch (e) {
      setRevealError(`未能揭示：${errorText(e)}`);
    } finally {
      setRevealing(false);
    }
  }

  if (!user) return <View className="dk" />;
  if (!draw) return <RecordPending error={error} testId="draw-error" onRetry={() => void load()} />;

  const revealed = draw.status === 'REVEALED';
  const shortCount = draw.tasks.filter((t) => t.short).length;
  const inspectedCount = draw.tasks.filter((t) => t.inspected).length;

  return (
    <View className="dk dk--narrow" data-testid="supervisor-draw">
      <View className="dk__header">
        <Text className="dk__title">
          {draw.number} · {draw.name}
        </Text>
        <Text className="dk__note">
          {DRAW_STATUS_LABELS[draw.status]} · 检查期限{' '}
          {periodText(draw.periodStart, draw.periodEnd)}
        </Text>
      </View>

      <View className="dk-card">
        <Text className="dk-card__title">公开承诺</Text>
        <Text className="dk-card__note">
          抽查池和权重已固定；种子揭示前任何人都无法预知抽查结果。
        </Text>
        <View className="dk-card__body">
          <Commitment draw={draw} testIds={{ commitment: 'draw-commitment', seed: 'draw-seed' }} />
          <Field label="抽查池">
            <Text>{draw.poolSize} 家企业</Text>
          </Field>
          <Field label="权重">
            <Text>{weightTexts(draw).join('；')}</Text>
          </Field>
        </View>
        {!revealed && (
          <Button
            className="dk-btn dk-btn--wide"
            data-testid="draw-reveal"
            loading={revealing}
            disabled={revealing}
            onClick={() => void reveal()}
          >
            揭示随机种子并生成任务
          </Button>
        )}
        {revealError && <Text className="dk-error">{revealError}</Text>}
      </View>

      {revealed && (
        <View className="dk-card" data-testid="draw-tasks">
          <Text className="dk-card__title">检查任务（{draw.tasks.length} 项）</Text>
          <Text className="dk-card__note">
            已检查 {inspectedCount} 项
            {shortCount > 0 ? ` · ${shortCount} 项因回避人员不足，请另行安排` : ''}
          </Text>
          <View className="dk-card__body">
            {draw.tasks.length === 0 && <Text className="dk-empty">本次未抽中企业。</Text>}
            {draw.tasks.map((task) => (
              <TaskRow key={task.id} task={task} />
            ))}
          </View>
        </View>
      )}

      <View className="dk__nav">
        <Button
          className="dk-btn dk-btn--secondary"
          onClick={() => void Taro.navigateTo({ url: `/pages/public/draw/index?id=${draw.id}` })}
        >
          查看公示页面
        </Button>
        <Button
          className="dk-btn dk-btn--secondary"
          onClick={() => void Taro.redirectTo({ url: '/pages/supervisor/draws/index' })}
        >
          返回抽查列表
        </Button>
      </View>
    </View>
  );
}
