import { HOTLINES, SIX_PROHIBITIONS } from '@qinqing/domain';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';

import { Button } from '../shared/ui/Button';

import './ConductCard.css';

function call(phoneNumber: string): void {
  // Where the phone cannot call (a desktop browser), the number stays on screen to dial by hand.
  Taro.makePhoneCall({ phoneNumber }).catch(() => undefined);
}

/**
 * The back of the 好差评 card: the officers' 六不准 and the hotlines (tap to call). Also shown on
 * the report screens.
 */
export function ConductCard({ title = '环境监察人员“六不准”' }: { title?: string }) {
  return (
    <View className="conduct" data-testid="conduct-card">
      <Text className="conduct__title">{title}</Text>
      <View className="conduct__rules">
        {SIX_PROHIBITIONS.map((rule, i) => (
          <Text className="conduct__rule" key={rule}>
            {i + 1}. {rule}
          </Text>
        ))}
      </View>
      <Text className="conduct__subtitle">监督电话（点击拨打）</Text>
      <View className="conduct__hotlines">
        {HOTLINES.map((h) => (
          <Button
            key={h.number}
            type="danger"
            className="conduct__hotline"
            data-testid={`conduct-hotline-${h.number}`}
            onClick={() => call(h.number)}
          >
            {h.number} {h.label}
          </Button>
        ))}
      </View>
    </View>
  );
}
