import { Text, View } from '@tarojs/components';

/** Placeholder: this screen is being built. */
export default function Page() {
  return (
    <View>
      <Text>评价抽查</Text>
    </View>
  );
}
