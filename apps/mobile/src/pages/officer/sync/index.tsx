import { Text, View } from '@tarojs/components';

/** Scaffold: the screen is built in its feature work (issue 4). */
export default function OfficerSyncPage() {
  return (
    <View className="page">
      <Text>离线打卡同步</Text>
    </View>
  );
}
