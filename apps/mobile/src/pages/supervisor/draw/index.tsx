import { Text, View } from '@tarojs/components';

/** Placeholder: this screen is being built. */
export default function Page() {
  return (
    <View>
      <Text>抽查详情</Text>
    </View>
  );
}
