import { Button as TaroButton, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';

import { AGREE_BUTTON_ID, agreeToPrivacy, declinePrivacy, usePrivacyRequest } from '../privacy';

import './PrivacyDialog.css';

/**
 * The mini-program's 隐私保护指引 prompt, shown while WeChat waits for the user's agreement (the
 * first getLocation at a gate). 同意 must be WeChat's own agreePrivacyAuthorization button.
 */
export function PrivacyDialog() {
  const pending = usePrivacyRequest();
  if (!pending) return null;
  return (
    <View className="privacy" role="dialog" aria-modal="true" aria-labelledby="privacy-title">
      <View className="privacy__card">
        <Text className="privacy__title" id="privacy-title">
          隐私保护提示
        </Text>
        <Text className="privacy__text">
          扫码入企时，亲清执法打卡需要获取您的位置，用于核对您是否在企业门口（电子围栏）。位置只随本次打卡记录保存。
        </Text>
        <Text
          className="privacy__link"
          onClick={() => Taro.openPrivacyContract({ fail: () => undefined })}
        >
          查看《亲清执法打卡隐私保护指引》
        </Text>
        <TaroButton
          id={AGREE_BUTTON_ID}
          className="privacy__agree"
          openType="agreePrivacyAuthorization"
          onAgreePrivacyAuthorization={agreeToPrivacy}
        >
          同意并继续
        </TaroButton>
        <TaroButton className="privacy__decline" onClick={declinePrivacy}>
          不同意（本次打卡将标记为位置异常）
        </TaroButton>
      </View>
    </View>
  );
}
