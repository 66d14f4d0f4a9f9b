import { Text, View } from '@tarojs/components';

import { keyboard } from './keyboard';
import { CATEGORY_GROUPS } from './report-form';

/** 违规情形: checkboxes over the categories, grouped 六不准 / 九不得 / 其他. */
export function CategoryPicker({
  chosen,
  onToggle,
}: {
  chosen: readonly string[];
  onToggle(code: string): void;
}) {
  return (
    <View className="cats">
      {CATEGORY_GROUPS.map((group) => (
        <View className="cats__group" key={group.title}>
          <View className="cats__title" role="heading" aria-level={3}>
            {group.title}
          </View>
          {group.codes.map(({ code, label }) => {
            const on = chosen.includes(code);
            return (
              <View
                key={code}
                role="checkbox"
                aria-checked={on}
                className={`cats__item ${on ? 'cats__item--on' : ''}`}
                data-testid={`report-category-${code}`}
                onClick={() => onToggle(code)}
                {...keyboard(() => onToggle(code))}
              >
                <Text className="cats__box" aria-hidden>
                  {on ? '☑' : '☐'}
                </Text>
                <Text className="cats__label">{label}</Text>
              </View>
            );
          })}
        </View>
      ))}
    </View>
  );
}
