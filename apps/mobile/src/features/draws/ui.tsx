import { Text, View } from '@tarojs/components';

import { hexLines } from './public';

/**
 * A SHA-512 (or other long hex) in chunks that flow and wrap to the width there is (fixed lines
 * would wrap again, raggedly, on a narrow phone).
 */
export function HexBlock({ hex, testId }: { hex: string; testId?: string }) {
  return (
    <View className="dr-hex" data-testid={testId} aria-label={hex}>
      {hexLines(hex).map((line, i) => (
        <Text key={i} selectable userSelect>
          {line}
        </Text>
      ))}
    </View>
  );
}
