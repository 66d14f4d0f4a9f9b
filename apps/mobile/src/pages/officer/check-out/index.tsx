import { Text, View } from '@tarojs/components';

/** Scaffold: the screen is built in its feature work (issue 4). */
export default function OfficerCheckOutPage() {
  return (
    <View className="page">
      <Text>检查签退</Text>
    </View>
  );
}
