import { Text, View } from '@tarojs/components';

/** Placeholder: this screen is being built. */
export default function Page() {
  return (
    <View>
      <Text>双随机抽查</Text>
    </View>
  );
}
