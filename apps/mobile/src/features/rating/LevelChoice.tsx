import { RATING_LEVELS, RATING_LEVEL_LABELS, type RatingLevel } from '@qinqing/domain';
import { Text, View } from '@tarojs/components';

/** 好 / 中 / 差 as three large segments; `testIdPrefix` + level names each segment. */
export function LevelChoice({
  value,
  onChange,
  testIdPrefix,
  disabled = false,
}: {
  value: RatingLevel | null;
  onChange(level: RatingLevel): void;
  testIdPrefix: string;
  disabled?: boolean;
}) {
  return (
    <View className="levels" role="radiogroup">
      {RATING_LEVELS.map((level) => {
        const chosen = value === level;
        return (
          <View
            key={level}
            role="radio"
            aria-checked={chosen}
            className={`levels__item levels__item--${level.toLowerCase()} ${chosen ? 'levels__item--chosen' : ''}`}
            data-testid={`${testIdPrefix}-${level}`}
            onClick={() => {
              if (!disabled) onChange(level);
            }}
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
