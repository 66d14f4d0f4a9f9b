import { Text, View } from '@tarojs/components';

/** Scaffold: the screen is built in its feature work (issue 4). */
export default function OfficerDecisionPage() {
  return (
    <View className="page">
      <Text>入企结果</Text>
    </View>
  );
}
