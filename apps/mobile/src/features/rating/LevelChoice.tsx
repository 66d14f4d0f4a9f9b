import { RATING_LEVELS, RATING_LEVEL_LABELS, type RatingLevel } from '@qinqing/domain';
import { keyboard } from '../report/keyboard';
import { Text, View } from '@tarojs/components';

/** 好 / 中 / 差 as three large segments; `testIdPrefix` + level names each segment. */
export function LevelChoice({
  value,
  onChange,
  testIdPrefix,
  labelledBy,
  disabled = false,
}: {
  value: RatingLevel | null;
  onChange(level: RatingLevel): void;
  testIdPrefix: string;
  /** the id of the item's label, the group's accessible name */
  labelledBy?: string;
  disabled?: boolean;
}) {
  return (
    <View className="levels" role="radiogroup" aria-labelledby={labelledBy}>
      {RATING_LEVELS.map((level) => {
        const chosen = value === level;
        const pick = () => {
          if (!disabled) onChange(level);
        };
        return (
          <View
            key={level}
            role="radio"
            aria-checked={chosen}
            aria-disabled={disabled || undefined}
            className={`levels__item levels__item--${level.toLowerCase()} ${chosen ? 'levels__item--chosen' : ''}`}
            data-testid={`${testIdPrefix}-${level}`}
            onClick={pick}
            {...keyboard(() => pick())}
          >
            <Text>
              {chosen ? '✓ ' : ''}
              {RATING_LEVEL_LABELS[level]}
            </Text>
          </View>
        );
      })}
    </View>
  );
}
