import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';

import type { Segment, SimpleBar } from './charts';

/** A chart's card: a short title, an optional note, the bars (or a sentence when there is nothing). */
export function ChartCard(props: {
  title: string;
  testId: string;
  note?: string;
  wide?: boolean;
  empty?: string;
  children?: ReactNode;
}) {
  return (
    <View className={`dk-card${props.wide ? ' dk-card--wide' : ''}`} data-testid={props.testId}>
      <Text className="dk-card__title">{props.title}</Text>
      {props.note && <Text className="dk-card__note">{props.note}</Text>}
      <View className="dk-card__body">
        {props.empty ? <Text className="dk-empty">{props.empty}</Text> : props.children}
      </View>
    </View>
  );
}

export function Legend(props: {
  items: { key: string; label: string; color: string; total?: number }[];
}) {
  return (
    <View className="dk-legend">
      {props.items.map((item) => (
        <View className="dk-legend__item" key={item.key}>
          <View className="dk-legend__swatch" style={{ backgroundColor: item.color }} />
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
    <View className="dk-track" aria-hidden>
      {segments.map((s) => (
        <View
          className="dk-seg"
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
    <View
      className={`dk-bar-row${props.alarm ? ' dk-bar-row--alarm' : ''}`}
      data-testid={props.testId}
    >
      <View className="dk-bar-row__head">
        <Text className="dk-bar-row__label">{props.label}</Text>
        <Text className="dk-bar-row__count">
          {props.total}
          {props.unit ?? ''}
        </Text>
      </View>
      <Track segments={props.segments} />
      {detail && <Text className="dk-bar-row__detail">{detail}</Text>}
      {props.alarm && <Text className="dk-bar-row__alarm">{props.alarm}</Text>}
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
      className={`dk-tile${props.tone ? ` dk-tile--${props.tone}` : ''}`}
      data-testid={props.testId}
      onClick={props.onClick}
    >
      <Text className="dk-tile__value">{props.value}</Text>
      <Text className="dk-tile__label">{props.label}</Text>
    </View>
  );
}
