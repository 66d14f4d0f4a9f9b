import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';

import { Button } from '../../shared/ui/Button';
import { SUPERVISION_HOTLINE, type BadgeVerdict } from './badge';

import './BadgeVerdictCard.css';

/** The big card after a badge code was checked: green when the officer is real and on duty. */
export function BadgeVerdictCard({ verdict }: { verdict: BadgeVerdict }) {
  const call = () =>
    void Taro.makePhoneCall({ phoneNumber: SUPERVISION_HOTLINE }).catch(() => undefined);
  return (
    <View className={`verdict verdict--${verdict.tone}`} data-testid="badge-verdict" role="status">
      <Text className="verdict__title" data-testid="badge-verdict-title">
        {verdict.title}
      </Text>
      {verdict.officer && (
        <View className="verdict__officer" data-testid="badge-verdict-officer">
          <Text className="verdict__name">{verdict.officer.name}</Text>
          <Text className="verdict__line">执法证号：{verdict.officer.badgeNumber}</Text>
          <Text className="verdict__line">{verdict.officer.unitName}</Text>
        </View>
      )}
      <Text className="verdict__message" data-testid="badge-verdict-message">
        {verdict.message}
      </Text>
      {verdict.tone !== 'valid' && (
        <Button block className="verdict__call" data-testid="badge-verdict-call" onClick={call}>
          拨打{SUPERVISION_HOTLINE}核实
        </Button>
      )}
    </View>
  );
}
