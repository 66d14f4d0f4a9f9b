import { DatePicker, Picker } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import { useState } from 'react';

import { Button } from '../../shared/ui/Button';
import { FOCUSABLE } from './a11y';

import './supervisor.css';

export { FOCUSABLE } from './a11y';

export { Field } from './Field';

export interface Choice<T> {
  value: T | undefined;
  label: string;
}

/**
 * A labelled choice from a list: the label, and a button with the chosen value that opens
 * NutUI's picker (a wheel at the bottom of the screen, on the phone and in the browser).
 */
export function SelectField<T extends string | number>(props: {
  label: string;
  testId: string;
  choices: Choice<T>[];
  value: T | undefined;
  onChange: (value: T | undefined) => void;
}) {
  const [open, setOpen] = useState(false);
  const index = Math.max(
    0,
    props.choices.findIndex((c) => c.value === props.value),
  );
  const shown = props.choices[index]?.label ?? '';
  // NutUI's picker needs a value for every option: the "all" choice (undefined) is index-keyed.
  const options = [props.choices.map((c, i) => ({ label: c.label, value: i }))];
  return (
    <View className="sv-select">
      <Text className="sv-select__label">{props.label}</Text>
      <Button
        className="sv-select__button"
        fill="outline"
        data-testid={props.testId}
        label={`${props.label}：${shown}`}
        onClick={() => setOpen(true)}
      >
        {shown} ▾
      </Button>
      <Picker
        title={props.label}
        visible={open}
        options={options}
        value={[index]}
        onConfirm={(_options, values) => {
          setOpen(false);
          props.onChange(props.choices[Number(values[0])]?.value);
        }}
        onCancel={() => setOpen(false)}
        onClose={() => setOpen(false)}
      />
    </View>
  );
}

/** 'YYYY-MM-DD' (or 'YYYY-MM') of a date, as the calendar shows it (local time). */
function dateText(date: Date, type: 'date' | 'year-month'): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  const month = `${date.getFullYear()}-${pad(date.getMonth() + 1)}`;
  return type === 'date' ? `${month}-${pad(date.getDate())}` : month;
}

function parseDate(text: string): Date | undefined {
  const match = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(text);
  return match
    ? new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3] ?? 1))
    : undefined;
}

/**
 * A labelled date (or month) chosen on NutUI's DatePicker, between `start` and `end` (both
 * 'YYYY-MM-DD'): the years offered are only those that make sense, not a wheel to 2999.
 */
export function DateField(props: {
  label: string;
  testId: string;
  value: string;
  start: string;
  end: string;
  type?: 'date' | 'year-month';
  onChange: (value: string) => void;
}) {
  const type = props.type ?? 'date';
  const [open, setOpen] = useState(false);
  const start = parseDate(props.start) ?? new Date();
  const end = parseDate(props.end) ?? new Date();
  const shown = props.value || '请选择';
  return (
    <View className="sv-select">
      <Text className="sv-select__label">{props.label}</Text>
      <Button
        className="sv-select__button"
        fill="outline"
        data-testid={props.testId}
        label={`${props.label}：${shown}`}
        onClick={() => setOpen(true)}
      >
        {shown} ▾
      </Button>
      <DatePicker
        title={props.label}
        type={type}
        visible={open}
        showChinese
        startDate={start}
        endDate={end}
        value={parseDate(props.value) ?? end}
        onConfirm={(_options, values) => {
          setOpen(false);
          const [y, m, d] = values.map(Number);
          props.onChange(dateText(new Date(y, (m || 1) - 1, d || 1), type));
        }}
        onCancel={() => setOpen(false)}
        onClose={() => setOpen(false)}
      />
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
  label: string;
  disabled?: boolean;
}) {
  return (
    <View className="sv-choices" role="radiogroup" aria-label={props.label}>
      {props.options.map((option) => {
        const on = props.value === option;
        return (
          <View
            key={option}
            className={`sv-choice${on ? ' sv-choice--on' : ''}`}
            data-testid={`${props.testIdPrefix}-${option}`}
            aria-checked={on}
            aria-disabled={props.disabled || undefined}
            role="radio"
            {...FOCUSABLE}
            onClick={() => !props.disabled && props.onChange(option)}
          >
            <Text>
              {on ? '● ' : '○ '}
              {props.labels[option]}
            </Text>
          </View>
        );
      })}
    </View>
  );
}

/** A short message after an action: green for done, red for a failure (with role alert). */
export function Message(props: { ok?: boolean; text: string; testId?: string }) {
  if (!props.text) return null;
  return (
    <View
      className={props.ok ? 'sv-ok' : 'sv-error'}
      role={props.ok ? 'status' : 'alert'}
      data-testid={props.testId}
    >
      <Text>{props.text}</Text>
    </View>
  );
}

/** A row of filter buttons, the chosen one filled (e.g. 待核实 / 已逾期 / 已办结). */
export function FilterTabs<T extends string>(props: {
  label: string;
  tabs: { key: T; label: string; testId: string }[];
  value: T;
  onChange: (key: T) => void;
}) {
  return (
    <View className="sv-tabs" role="group" aria-label={props.label}>
      {props.tabs.map((tab) => (
        <Button
          key={tab.key}
          type="primary"
          fill={tab.key === props.value ? 'solid' : 'outline'}
          data-testid={tab.testId}
          aria-pressed={tab.key === props.value}
          onClick={() => props.onChange(tab.key)}
        >
          {tab.label}
        </Button>
      ))}
    </View>
  );
}

/** A link inside a record (e.g. 查看该次检查): a text button that opens another page. */
export function LinkButton(props: { children: string; onClick: () => void; testId?: string }) {
  return (
    <Button className="sv-link" fill="none" data-testid={props.testId} onClick={props.onClick}>
      {props.children}
    </Button>
  );
}
