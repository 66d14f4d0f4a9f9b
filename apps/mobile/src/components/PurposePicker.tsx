import { PURPOSE_INFO, PURPOSES, type CheckInPreview, type Purpose } from '@qinqing/domain';
import { Text, View } from '@tarojs/components';

import { verdictOf } from '../features/check-in/verdict';
import { Choice } from './Choice';

import './PurposePicker.css';

interface Props {
  value: Purpose | undefined;
  onChange: (purpose: Purpose) => void;
  /** 预判 of every purpose: the ones the rules refuse are marked with the rules' names */
  preview?: CheckInPreview;
  /** the phone is still locating (the geofence is not judged yet) */
  locating?: boolean;
}

/** The eight purposes as large choices; those the rules would refuse here say which rule. */
export function PurposePicker({ value, onChange, preview, locating }: Props) {
  return (
    <View className="purposes" data-testid="purpose-picker" role="radiogroup" aria-label="检查事由">
      {PURPOSES.map((p) => {
        const verdict = preview ? verdictOf(preview, p, { locating }) : undefined;
        const blocked = verdict?.tone === 'refused';
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
            {blocked && <Text className="purposes__warn">不予入企：{verdict.rules}</Text>}
          </Choice>
        );
      })}
    </View>
  );
}
