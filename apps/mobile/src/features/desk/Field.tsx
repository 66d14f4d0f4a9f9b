import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';

import './supervisor.css';

/** A label and its value(s), one line of a record. */
export function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <View className="sv-field">
      <Text className="sv-field__label">{label}</Text>
      <View className="sv-field__value">{children}</View>
    </View>
  );
}
