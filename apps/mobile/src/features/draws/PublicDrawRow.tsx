import type { PublicDrawView } from '@qinqing/domain';
import { Tag } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';

import { DRAW_STATUS_LABELS } from './public';
import { periodText } from './tasks';

/**
 * A published draw in the public list: number and name, status, period, pool and how many were
 * drawn; the whole card opens the draw (a link for the keyboard and screen readers too).
 */
export function PublicDrawRow(props: { draw: PublicDrawView; onOpen: () => void }) {
  const { draw } = props;
  const revealed = draw.status === 'REVEALED';
  const a11y = {
    role: 'link',
    tabIndex: 0,
    onKeyDown: (event: { key: string; preventDefault: () => void }) => {
      if (event.key !== 'Enter') return;
      event.preventDefault();
      props.onOpen();
    },
  };
  return (
    <View
      className="pd-row"
      data-testid="public-draw-row"
      data-status={draw.status}
      onClick={props.onOpen}
      {...(a11y as Record<string, unknown>)}
    >
      <View className="pd-row__head">
        <Text className="pd-row__title">
          {draw.number} · {draw.name}
        </Text>
        <Tag type={revealed ? 'success' : 'warning'} plain>
          {DRAW_STATUS_LABELS[draw.status]}
        </Tag>
      </View>
      <Text className="pd-row__line">检查期限：{periodText(draw.periodStart, draw.periodEnd)}</Text>
      <Text className="pd-row__line">
        抽查池 {draw.poolSize} 家 ·{' '}
        {revealed ? `抽中 ${draw.results.length} 家` : '揭示种子后公示抽中企业'}
      </Text>
      <Text className="pd-row__more">查看详情与复核 ›</Text>
    </View>
  );
}
