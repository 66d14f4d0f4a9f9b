import { Text, View } from '@tarojs/components';

/** Scaffold: the screen is built in its feature work (issue 4). */
export default function OfficerBadgePage() {
  return (
    <View className="page">
      <Text>电子执法证</Text>
    </View>
  );
}
