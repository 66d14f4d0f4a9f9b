import { Text, View } from '@tarojs/components';

/** Scaffold: the screen is built in its feature work (issue 4). */
export default function OfficerCheckInPage() {
  return (
    <View className="page">
      <Text>扫码入企</Text>
    </View>
  );
}
