import type { DrawStatistics } from '@qinqing/domain';
import { Text, View } from '@tarojs/components';

import { Legend } from '../desk/ChartParts';
import { rateBarRows } from './statistics';

const REALISED_COLOR = '#1d3557';
const INTENDED_COLOR = '#8a9a92';

function RateLine(props: { name: string; text: string; percent: number; color: string }) {
  return (
    <View className="dr-rate-line">
      <Text className="dr-rate-line__name">{props.name}</Text>
      <View className="ch-track" aria-hidden>
        <View
          className="ch-seg"
          style={{ width: `${props.percent}%`, backgroundColor: props.color }}
        />
      </View>
      <Text className="dr-rate-line__value">{props.text}</Text>
    </View>
  );
}

/** Realised against intended draw rate per credit grade and for the 正面清单, as paired bars. */
export function RateChart({ statistics }: { statistics: DrawStatistics }) {
  const rows = rateBarRows(statistics);
  if (rows.length === 0) return <Text className="ch-empty">本年度还没有已揭示的抽查。</Text>;
  return (
    <View>
      <Legend
        items={[
          { key: 'realised', label: '实际抽中率', color: REALISED_COLOR },
          { key: 'intended', label: '预期抽中率', color: INTENDED_COLOR },
        ]}
      />
      {rows.map((row) => (
        <View
          key={row.key}
          className={`dr-rate-row${row.off ? ' dr-rate-row--off' : ''}`}
          data-testid="draw-stat-row"
        >
          <View className="ch-row__head">
            <Text className="ch-row__label">{row.label}</Text>
            <Text className="ch-row__detail">{row.detail}</Text>
          </View>
          <RateLine
            name="实际"
            text={row.realised.text}
            percent={row.realised.percent}
            color={REALISED_COLOR}
          />
          <RateLine
            name="预期"
            text={row.intended.text}
            percent={row.intended.percent}
            color={INTENDED_COLOR}
          />
          {row.off && (
            <Text className="ch-row__alarm">实际抽中率与预期相差较大，请核查抽查池与权重</Text>
          )}
        </View>
      ))}
    </View>
  );
}
