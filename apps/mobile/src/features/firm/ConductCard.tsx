import { HOTLINES, SIX_PROHIBITIONS } from '@qinqing/domain';
import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';

import { Button } from '../../shared/ui/Button';

import './ConductCard.css';

function call(phoneNumber: string): void {
  // Where the phone cannot call (a desktop browser), the number stays on screen to dial by hand.
  Taro.makePhoneCall({ phoneNumber }).catch(() => undefined);
}

/**
 * The back of the 好差评 card: the officers' 六不准 and the hotlines (tap to call). Shown on the
 * firm's home, the rating card and the report screens.
 */
export function ConductCard({ title = '环境监察人员“六不准”' }: { title?: string }) {
  return (
    <View className="conduct" data-testid="conduct-card">
      <View className="conduct__title" role="heading" aria-level={2}>
        {title}
      </View>
      <View className="conduct__rules" data-testid="firm-six-prohibitions">
        {SIX_PROHIBITIONS.map((rule, i) => (
          <View className="conduct__rule" key={rule}>
            {i + 1}. {rule}
          </View>
        ))}
      </View>
      <View className="conduct__subtitle" role="heading" aria-level={2}>
        监督电话（点击拨打）
      </View>
      <View className="conduct__hotlines" data-testid="firm-hotlines">
        {HOTLINES.map((h) => (
          <Button
            key={h.number}
            type="danger"
            className="conduct__hotline"
            fill="outline"
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
