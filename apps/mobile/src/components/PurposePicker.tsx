import { PURPOSE_INFO, PURPOSES, type CheckInPolicy, type Purpose } from '@qinqing/domain';
import { Text, View } from '@tarojs/components';

import { Choice } from './Choice';
import { purposeDisallowedAtFirm } from './purpose-availability';

import './PurposePicker.css';

interface Props {
  value: Purpose | undefined;
  onChange: (purpose: Purpose) => void;
  onPositiveList?: boolean;
  policy?: Pick<CheckInPolicy, 'positiveListAllowedPurposes'>;
}

/** The eight purposes as large choices; at a 正面清单 firm the ones the policy refuses are marked. */
export function PurposePicker({ value, onChange, onPositiveList, policy }: Props) {
  return (
    <View className="purposes" data-testid="purpose-picker" role="radiogroup" aria-label="检查事由">
      {PURPOSES.map((p) => {
        const blocked = purposeDisallowedAtFirm(p, onPositiveList, policy);
        const classes = ['purposes__item'];
        if (value === p) classes.push('purposes__item--chosen');
        if (blocked) classes.push('purposes__item--blocked');
        return (
          <Choice
            key={p}
            kind="radio"
            checked={value === p}
            className={classes.join(' ')}
            data={{ 'data-testid': `purpose-${p}`, 'data-blocked': blocked ? 'true' : 'false' }}
            onSelect={() => onChange(p)}
          >
            <Text className="purposes__label">{PURPOSE_INFO[p].label}</Text>
            {blocked && <Text className="purposes__warn">正面清单企业：无事不扰</Text>}
          </Choice>
        );
      })}
    </View>
  );
}
