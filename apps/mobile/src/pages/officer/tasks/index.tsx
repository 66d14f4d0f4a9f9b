import { Text, View } from '@tarojs/components';

/** Placeholder: this screen is being built. */
export default function Page() {
  return (
    <View>
      <Text>我的抽查任务</Text>
    </View>
  );
}
