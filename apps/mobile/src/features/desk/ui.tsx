import { Picker, Text, View } from '@tarojs/components';

export { Field } from './Field';

export interface Choice<T> {
  value: T | undefined;
  label: string;
}

/** A labelled selector (Taro's Picker: a native wheel on the phone, a list in the browser). */
export function FilterPicker<T>(props: {
  label: string;
  testId: string;
  choices: Choice<T>[];
  value: T | undefined;
  onChange: (value: T | undefined) => void;
  /** the CSS block the cell is styled with (dk-filter on the desk) */
  block?: string;
}) {
  const block = props.block ?? 'dk-filter';
  const index = Math.max(
    0,
    props.choices.findIndex((c) => c.value === props.value),
  );
  return (
    <View className={`${block}-cell`}>
      <Picker
        mode="selector"
        range={props.choices.map((c) => c.label)}
        value={index}
        onChange={(e) => props.onChange(props.choices[Number(e.detail.value)]?.value)}
      >
        <View className={block} data-testid={props.testId}>
          <Text className={`${block}__label`}>{props.label}</Text>
          <Text className={`${block}__value`}>{props.choices[index]?.label}</Text>
        </View>
      </Picker>
    </View>
  );
}

/** Large buttons, one of which is chosen (e.g. 电话回访 / 上门回访 / 其他方式). */
export function ChoiceGroup<T extends string>(props: {
  options: readonly T[];
  labels: Record<T, string>;
  value: T | undefined;
  onChange: (value: T) => void;
  testIdPrefix: string;
}) {
  return (
    <View className="dk-choices">
      {props.options.map((option) => (
        <View
          key={option}
          className={`dk-choice${props.value === option ? ' dk-choice--on' : ''}`}
          data-testid={`${props.testIdPrefix}-${option}`}
          aria-checked={props.value === option}
          role="radio"
          onClick={() => props.onChange(option)}
        >
          <Text>{props.labels[option]}</Text>
        </View>
      ))}
    </View>
  );
}
