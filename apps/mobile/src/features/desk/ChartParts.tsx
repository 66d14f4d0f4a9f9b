import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';

import { Card } from '../../shared/ui/Page';
import { FOCUSABLE } from './a11y';
import type { Segment, SimpleBar } from './charts';

import './charts.css';

/** A chart's card: a short title, an optional note, the bars (or a sentence when there is nothing). */
export function ChartCard(props: {
  title: string;
  testId: string;
  note?: string;
  wide?: boolean;
  empty?: string;
  children?: ReactNode;
}) {
  const card = (
    <Card title={props.title} testId={props.wide ? undefined : props.testId}>
      {props.note && <Text className="ch-card__note">{props.note}</Text>}
      {props.empty ? <Text className="ch-empty">{props.empty}</Text> : props.children}
    </Card>
  );
  return props.wide ? (
    <View className="ch-wide" data-testid={props.testId}>
      {card}
    </View>
  ) : (
    card
  );
}

/** The cards of a dashboard: one column on a phone, as many as fit on a desktop. */
export function ChartGrid({ children }: { children: ReactNode }) {
  return <View className="ch-grid">{children}</View>;
}

export function Legend(props: {
  items: { key: string; label: string; color: string; total?: number }[];
}) {
  return (
    <View className="ch-legend">
      {props.items.map((item) => (
        <View className="ch-legend__item" key={item.key}>
          <View className="ch-legend__swatch" style={{ backgroundColor: item.color }} />
          <Text>
            {item.label}
            {item.total !== undefined ? ` ${item.total}` : ''}
          </Text>
        </View>
      ))}
    </View>
  );
}

/** The bar: segments side by side, each as wide as its percent of the chart's largest row. */
function Track<K extends string>({ segments }: { segments: Segment<K>[] }) {
  return (
    <View className="ch-track" aria-hidden>
      {segments.map((s) => (
        <View
          className="ch-seg"
          key={s.key}
          style={{ width: `${s.percent}%`, backgroundColor: s.color }}
        />
      ))}
    </View>
  );
}

/**
 * One row of a stacked bar chart; the counts are written out under the bar (the text
 * alternative), e.g. 双随机抽查 3 · 日常检查 2.
 */
export function StackedRow<K extends string>(props: {
  label: string;
  total: number;
  unit?: string;
  segments: Segment<K>[];
  alarm?: string;
  testId?: string;
}) {
  const detail = props.segments.map((s) => `${s.label} ${s.count}`).join(' · ');
  return (
    <View className={`ch-row${props.alarm ? ' ch-row--alarm' : ''}`} data-testid={props.testId}>
      <View className="ch-row__head">
        <Text className="ch-row__label">{props.label}</Text>
        <Text className="ch-row__count">
          {props.total}
          {props.unit ?? ''}
        </Text>
      </View>
      <Track segments={props.segments} />
      {detail && <Text className="ch-row__detail">{detail}</Text>}
      {props.alarm && <Text className="ch-row__alarm">{props.alarm}</Text>}
    </View>
  );
}

/** Horizontal bars of one colour, the count beside each label. */
export function BarList(props: { bars: SimpleBar[]; color: string; unit?: string }) {
  return (
    <View>
      {props.bars.map((bar) => (
        <StackedRow
          key={bar.key}
          label={bar.label}
          total={bar.count}
          unit={props.unit}
          segments={[{ ...bar, color: props.color }]}
        />
      ))}
    </View>
  );
}

/** A number that opens a list: 待核实 3 → the follow-up list. */
export function Tile(props: {
  label: string;
  value: number | string;
  tone?: 'alarm' | 'quiet';
  testId: string;
  onClick?: () => void;
}) {
  return (
    <View
      className={`ch-tile${props.tone ? ` ch-tile--${props.tone}` : ''}`}
      data-testid={props.testId}
      role="button"
      {...FOCUSABLE}
      onClick={props.onClick}
    >
      {/* its name is what it shows (1 待核实): a spoken name must contain the visible words */}
      <Text className="ch-tile__value">{props.value}</Text>
      <Text className="ch-tile__label">{props.label}</Text>
    </View>
  );
}
