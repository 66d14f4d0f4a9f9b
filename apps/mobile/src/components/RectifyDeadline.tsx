import { DatePicker } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import { useState } from 'react';

import {
  addDays,
  dateToDay,
  dayToDate,
  latestDeadline,
  suggestedDeadline,
} from '../features/check-out/deadline';
import { Choice } from './Choice';
import { chinaToday } from '../services/china-time';

/**
 * 整改期限: a date from tomorrow to two years ahead, chosen in NutUI's date picker (which opens
 * thirty days on). Empty until the officer chooses.
 */
export function RectifyDeadline(props: { value: string; onChange: (day: string) => void }) {
  const [open, setOpen] = useState(false);
  const today = chinaToday();
  return (
    <View className="o-field">
      <Text className="o-label" id="rectify-by-label">
        整改期限（必填，最早明天）
      </Text>
      <Choice
        kind="button"
        className={`o-option ${props.value ? 'o-option--chosen' : ''}`}
        data={{ 'data-testid': 'rectify-by' }}
        onSelect={() => setOpen(true)}
      >
        <Text>{props.value ? `整改期限：${props.value}` : '点击选择整改期限'}</Text>
      </Choice>
      <DatePicker
        title="选择整改期限"
        type="date"
        showChinese
        visible={open}
        value={dayToDate(props.value || suggestedDeadline(today))}
        startDate={dayToDate(addDays(today, 1))}
        endDate={dayToDate(latestDeadline(today))}
        onClose={() => setOpen(false)}
        onConfirm={(_options, values) => {
          const [y, m, d] = values.map(Number);
          props.onChange(dateToDay(new Date(y, m - 1, d, 12)));
          setOpen(false);
        }}
      />
    </View>
  );
}
