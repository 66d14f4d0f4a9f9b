import { Text, View } from '@tarojs/components';

/** Placeholder: this screen is being built. */
export default function Page() {
  return (
    <View>
      <Text>抽查结果公示</Text>
    </View>
  );
}
