import { Text, View } from '@tarojs/components';

/** Scaffold: the screen is built in its feature work (issue 4). */
export default function OfficerVisitsPage() {
  return (
    <View className="page">
      <Text>我的检查记录</Text>
    </View>
  );
}
