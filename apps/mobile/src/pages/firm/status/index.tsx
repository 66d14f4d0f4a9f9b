import { Text, View } from '@tarojs/components';

/** Scaffold: the screen is built in its feature work (issue 4). */
export default function FirmStatusPage() {
  return (
    <View className="page">
      <Text>企业状态</Text>
    </View>
  );
}
