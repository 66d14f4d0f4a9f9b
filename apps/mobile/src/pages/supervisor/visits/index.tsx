import { Text, View } from '@tarojs/components';

/** Scaffold: the screen is built in its feature work (issue 4). */
export default function SupervisorVisitsPage() {
  return (
    <View className="page">
      <Text>执法检查记录</Text>
    </View>
  );
}
