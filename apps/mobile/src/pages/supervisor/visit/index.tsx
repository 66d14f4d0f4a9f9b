import { Text, View } from '@tarojs/components';

/** Scaffold: the screen is built in its feature work (issue 4). */
export default function SupervisorVisitPage() {
  return (
    <View className="page">
      <Text>检查详情</Text>
    </View>
  );
}
