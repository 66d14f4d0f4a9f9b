import { Text, View } from '@tarojs/components';

/** Scaffold: the screen is built in its feature work (issue 4). */
export default function FirmVerifyBadgePage() {
  return (
    <View className="page">
      <Text>核验执法证</Text>
    </View>
  );
}
