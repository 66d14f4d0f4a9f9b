import { Text, View } from '@tarojs/components';

/** Scaffold: the screen is built in its feature work (issue 4). */
export default function OfficerHomePage() {
  return (
    <View className="page">
      <Text>执法打卡</Text>
    </View>
  );
}
