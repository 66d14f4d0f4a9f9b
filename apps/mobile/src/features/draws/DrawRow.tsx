import type { PublicDrawView } from '@qinqing/domain';
import { Text, View } from '@tarojs/components';

import { FOCUSABLE } from '../desk/a11y';
import { DRAW_STATUS_LABELS } from './public';

import '../desk/supervisor.css';
import { periodText } from './tasks';

/** A draw in a list: number, name, status, period, pool size and how many were drawn. */
export function DrawRow(props: { draw: PublicDrawView; testId: string; onClick: () => void }) {
  const { draw } = props;
  const revealed = draw.status === 'REVEALED';
  return (
    <View
      className={`sv-row${revealed ? ' sv-row--done' : ' sv-row--warn'}`}
      role="link"
      {...FOCUSABLE}
      data-testid={props.testId}
      data-status={draw.status}
      onClick={props.onClick}
    >
      <Text className="sv-row__strong">
        {draw.number} · {draw.name}
      </Text>
      <Text className={revealed ? 'sv-ok-text' : 'sv-warn-text'}>
        {DRAW_STATUS_LABELS[draw.status]}
      </Text>
      <Text>检查期限：{periodText(draw.periodStart, draw.periodEnd)}</Text>
      <Text className="sv-muted">
        抽查池 {draw.poolSize} 家 ·{' '}
        {revealed ? `抽中 ${draw.results.length} 家` : '揭示种子后生成任务'}
      </Text>
    </View>
  );
}
