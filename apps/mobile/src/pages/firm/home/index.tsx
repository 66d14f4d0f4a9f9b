import { Text, View } from '@tarojs/components';

/** Scaffold: the screen is built in its feature work (issue 4). */
export default function FirmHomePage() {
  return (
    <View className="page">
      <Text>门口是谁</Text>
    </View>
  );
}
